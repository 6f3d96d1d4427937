import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { stableStringify } from '../../../../src-main/core/store/stable-json'

describe('stableStringify', () => {
  it('writes the same bytes whatever the key order', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe(stableStringify({ a: { c: 3, d: 2 }, b: 1 }))
  })

  it('puts each record of a top-level list on its own line, for line-by-line diffs', () => {
    const text = stableStringify({ articles: [{ id: 'a', title: 'One' }, { id: 'b', title: 'Two' }], schemaVersion: 1 })
    const lines = text.split('\n')
    expect(lines).toContain('    {"id":"a","title":"One"},')
    expect(lines).toContain('    {"id":"b","title":"Two"}')
  })

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(stableStringify(v))).toEqual(JSON.parse(JSON.stringify(v)))
      }),
    )
  })
})
