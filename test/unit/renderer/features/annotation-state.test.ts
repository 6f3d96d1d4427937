import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../../src-main/shared/model/annotation'
import { annotationsReducer, shownAlike } from '../../../../src-renderer/features/annotations/annotation-state'
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

describe('what the panel is given', () => {
  const moved = (a: Annotation, by: number): Annotation => ({ ...a, anchor: { ...a.anchor, start: a.anchor.start + by, end: a.anchor.end + by, prefix: 'x' }, updatedAt: '2024-05-01T11:00:00.000Z' })

  it('counts a save that only moved anchors (typing earlier in the text) as no change', () => {
    const prev = [ann('claim', 'a', 0), ann('source', 'b', 20), ann('question', 'c', 40)]
    expect(shownAlike(prev, [prev[0]!, moved(prev[1]!, 3), moved(prev[2]!, 3)])).toBe(true)
  })

  it('sees a changed grade, quote, orphan state, count or document order', () => {
    const prev = [ann('claim', 'a', 0), ann('source', 'b', 20)]
    expect(shownAlike(prev, [{ ...prev[0]!, status: 'disputed' } as Annotation, prev[1]!])).toBe(false)
    expect(shownAlike(prev, [prev[0]!, { ...prev[1]!, anchor: { ...prev[1]!.anchor, exact: 'other words' } }])).toBe(false)
    expect(shownAlike(prev, [prev[0]!, { ...prev[1]!, orphaned: true }])).toBe(false)
    expect(shownAlike(prev, [prev[0]!])).toBe(false)
    expect(shownAlike(prev, [moved(prev[0]!, 30), prev[1]!])).toBe(false)
  })

  it('sees a metadata edit saved by the store, whose reply carries a new updatedAt', () => {
    const prev = [ann('claim', 'a', 0)]
    expect(shownAlike(prev, [{ ...prev[0]!, updatedAt: '2024-05-01T12:00:00.000Z' }])).toBe(false)
  })
})
