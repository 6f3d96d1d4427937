import { describe, expect, it } from 'vitest'
import { PanelStore } from '../../../../src-renderer/features/annotations/panel-store'
import { ann } from './fixtures'

describe('the panel store', () => {
  it('tells its readers of a new record and of a new selection, each once', () => {
    const store = new PanelStore([ann('claim', 'a', 0)])
    let heard = 0
    store.subscribe(() => heard++)
    store.dispatch({ type: 'upsert', record: ann('source', 'b', 10) })
    expect(store.get().records.map((r) => r.id)).toEqual(['a', 'b'])
    expect(store.get().shown).toBe(store.get().records)
    store.select('b')
    store.select('b')
    expect(store.get().selectedId).toBe('b')
    expect(heard).toBe(2)
  })

  it('keeps what the panel is shown while a save only moved anchors, and stays silent when nothing changed', () => {
    const a = ann('claim', 'a', 0)
    const store = new PanelStore([a])
    const shown = store.get().shown
    let heard = 0
    store.subscribe(() => heard++)
    store.dispatch({ type: 'merge', records: [{ ...a }], keep: new Set(), drop: new Set() })
    expect(heard).toBe(0)
    const moved = { ...a, anchor: { ...a.anchor, start: 7, end: 12, prefix: 'typed ' }, updatedAt: '2024-05-01T10:01:00.000Z' }
    store.dispatch({ type: 'merge', records: [moved], keep: new Set(), drop: new Set() })
    expect(store.get().records[0]!.anchor.start).toBe(7)
    expect(store.get().shown).toBe(shown)
  })

  it('stops telling a reader that unsubscribed', () => {
    const store = new PanelStore([])
    let heard = 0
    const off = store.subscribe(() => heard++)
    off()
    store.select('x')
    expect(heard).toBe(0)
  })
})
