import { describe, expect, it } from 'vitest'
import { annotationsReducer } from '../../../../src-renderer/features/annotations/annotation-state'
import { ann } from './fixtures'

describe('annotation records in the panel', () => {
  it('takes the store reply after a save, keeping unchanged records as they are', () => {
    const a = ann('claim', 'a', 0)
    const b = ann('claim', 'b', 10)
    const bOrphan = { ...b, orphaned: true, updatedAt: '2024-05-01T10:05:00.000Z' }
    const next = annotationsReducer([a, b], { type: 'merge', records: [a, bOrphan], keep: new Set(), drop: new Set() })
    expect(next[0]).toBe(a)
    expect(next[1]!.orphaned).toBe(true)
  })

  it('returns the very same list when a save changed no annotation, so the panel does not re-render', () => {
    const state = [ann('claim', 'a', 0), ann('source', 'b', 9)]
    const reply = state.map((r) => ({ ...r }))
    expect(annotationsReducer(state, { type: 'merge', records: reply, keep: new Set(), drop: new Set() })).toBe(state)
  })

  it('keeps local edits still on their way, taking only anchor and orphan state from the reply', () => {
    const mine = { ...ann('claim', 'a', 0), note: '<p>new</p>' }
    const stale = { ...ann('claim', 'a', 4), note: '', orphaned: true }
    const [merged] = annotationsReducer([mine], { type: 'merge', records: [stale], keep: new Set(['a']), drop: new Set() })
    expect(merged!.note).toBe('<p>new</p>')
    expect(merged!.orphaned).toBe(true)
    expect(merged!.anchor.start).toBe(4)
  })

  it('keeps a record being created and drops one being deleted, whatever an older reply says', () => {
    const creating = ann('source', 'new', 0)
    const old = ann('claim', 'old', 5)
    const next = annotationsReducer([creating], { type: 'merge', records: [old], keep: new Set(['new']), drop: new Set(['old']) })
    expect(next.map((a) => a.id)).toEqual(['new'])
  })

  it('applies patches, upserts and removals', () => {
    let s = annotationsReducer([], { type: 'upsert', record: ann('question', 'q', 0) })
    s = annotationsReducer(s, { type: 'patch', id: 'q', patch: { priority: 'urgent' } })
    expect(s[0]).toMatchObject({ priority: 'urgent' })
    s = annotationsReducer(s, { type: 'remove', id: 'q' })
    expect(s).toEqual([])
  })
})
