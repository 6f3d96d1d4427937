import { describe, expect, it, vi } from 'vitest'
import { SaveStatusStore, statusText } from '../../../../src-renderer/features/status/save-status'

describe('save status', () => {
  it('says Saving… while any write is in flight and Saved with the time after', () => {
    const s = new SaveStatusStore()
    const listener = vi.fn()
    s.subscribe(listener)
    s.begin()
    s.begin()
    expect(statusText(s.getSnapshot())).toBe('Saving…')
    s.succeed('2024-05-01T10:42:00.000Z')
    expect(s.getSnapshot().state).toBe('saving')
    s.succeed('2024-05-01T10:42:05.000Z')
    expect(s.getSnapshot().state).toBe('saved')
    expect(statusText(s.getSnapshot(), new Date('2024-05-01T12:00:00.000Z'))).toMatch(/^Saved \d/)
    expect(listener).toHaveBeenCalled()
  })

  it('puts errors in plain words and keeps the last good time', () => {
    const s = new SaveStatusStore()
    s.seed('2024-05-01T10:00:00.000Z')
    s.begin()
    s.fail('the disk is full.')
    expect(statusText(s.getSnapshot())).toBe('Saving is failing: the disk is full.')
    expect(s.getSnapshot().at).toBe('2024-05-01T10:00:00.000Z')
  })

  it('follows the store events main sends', () => {
    const s = new SaveStatusStore()
    s.fromEvent({ state: 'error', at: '2024-05-01T10:00:00.000Z', message: 'The notebook folder is read-only.' })
    expect(statusText(s.getSnapshot())).toContain('read-only')
    s.fromEvent({ state: 'saved', at: '2024-05-01T10:01:00.000Z' })
    expect(s.getSnapshot().state).toBe('saved')
  })

  it('adds the date when the last save was on another day', () => {
    const text = statusText({ state: 'saved', at: '2024-05-01T10:00:00.000Z', message: null }, new Date('2024-05-03T10:00:00.000Z'))
    expect(text).toMatch(/May|5/)
  })
})
