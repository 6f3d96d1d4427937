import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { stableBytes, stableBytesInSlices, stableStringify, stableStringifyInSlices, withKeysInOrder } from '../../../../src-main/core/store/stable-json'

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

describe('stableStringifyInSlices', () => {
  it('writes exactly the text of stableStringify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => {
        expect(await stableStringifyInSlices(v)).toBe(stableStringify(v))
      }),
      { numRuns: 200 },
    )
  })

  it('produces UTF-8 chunks of bounded size that join to the same bytes', async () => {
    const index = { articles: Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, title: `Überblick ${i} — Київ 北京` })), schemaVersion: 1 }
    const chunks = await stableBytesInSlices(index)
    expect(chunks.length).toBeGreaterThan(1)
    for (const c of chunks) expect(c.byteLength).toBeLessThan(200 * 1024)
    expect(Buffer.concat(chunks).toString('utf8')).toBe(stableStringify(index))
  })

  it('writes the top-level lists as they stood when it was called, whatever replaces them while it pauses', async () => {
    const index: Record<string, unknown> = { articles: Array.from({ length: 2000 }, (_, i) => ({ id: `a${i}` })), tags: ['before'] }
    const expected = stableStringify(index)
    const writing = stableStringifyInSlices(index, 2, 0)
    index.tags = ['after']
    ;(index.articles as unknown[]).push({ id: 'late' })
    index.added = true
    expect(await writing).toBe(expected)
  })

  it('lets the event loop run while a large index is serialized', async () => {
    const index = { articles: Array.from({ length: 20_000 }, (_, i) => ({ id: `a${i}`, title: 'x'.repeat(200), n: i })), schemaVersion: 1 }
    let ticks = 0
    const ticker = setInterval(() => ticks++, 1)
    const text = await stableStringifyInSlices(index, 2, 2)
    clearInterval(ticker)
    expect(text).toBe(stableStringify(index))
    expect(ticks).toBeGreaterThan(1)
  })
})

describe('stableStringify fast path', () => {
  it('writes data whose keys are already in order exactly as data whose keys are not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stableStringify(withKeysInOrder(v))).toBe(stableStringify(v))
      }),
    )
  })

  it('writes any value exactly as a key-by-key writer with sorted keys would, keys in order or not', () => {
    const byKey = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v)
      if (Array.isArray(v)) return `[${v.map(byKey).join(',')}]`
      const keys = Object.keys(v).sort()
      return `{${keys.map((k) => `${JSON.stringify(k)}:${byKey((v as Record<string, unknown>)[k])}`).join(',')}}`
    }
    // Out of order, so none takes the engine's path as it stands: an own "__proto__" key, integer-like keys (which
    // the engine enumerates first) and keys that only start with a digit.
    for (const text of ['{"b":1,"__proto__":{"y":2,"x":1}}', '{"b":[{"z":1,"a":2}],"":"","0":false,"10":1,"9":2}', '{"b":1,"2fa":true,"a":[{"d":1,"c":2}]}']) {
      const v = JSON.parse(text) as unknown
      expect(stableStringify(v, 0)).toBe(`${byKey(v)}\n`)
    }
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stableStringify(v, 0)).toBe(`${byKey(v)}\n`)
        expect(stableStringify(withKeysInOrder(v), 0)).toBe(`${byKey(v)}\n`)
      }),
      { numRuns: 500 },
    )
  })

  it('never lets the engine write what it would write differently: dates, undefined, class instances', () => {
    const at = new Date('2026-01-02T03:04:05.000Z')
    class Point {
      constructor(
        readonly y: number,
        readonly x: number,
      ) {}
    }
    const value = { a: [undefined, 1], b: undefined, c: at, d: new Point(2, 1) }
    expect(stableStringify(value, 0)).toBe('{"a":[null,1],"c":{},"d":{"x":1,"y":2}}\n')
  })

  it('copies only what is out of order, keeping what already is as it is', () => {
    const body = { content: [{ text: 'a', type: 'text' }], type: 'doc' }
    const file = { schemaVersion: 1, doc: body, annotations: [{ id: 'x', at: 1 }] }
    const kept = withKeysInOrder(file)
    expect(Object.keys(kept)).toEqual(['annotations', 'doc', 'schemaVersion'])
    expect(kept.doc).toBe(body)
    expect(kept.annotations).not.toBe(file.annotations)
    expect(Object.keys(kept.annotations[0]!)).toEqual(['at', 'id'])
    expect(Object.keys(file)).toEqual(['schemaVersion', 'doc', 'annotations'])
    const ordered = { a: [1, { b: 2, c: [3] }], d: 'e' }
    expect(withKeysInOrder(ordered)).toBe(ordered)
  })

  it('puts the keys of every object in order, all the way down, and leaves its input as it was', () => {
    const sortedAllTheWay = (v: unknown): boolean => {
      if (v === null || typeof v !== 'object') return true
      if (Array.isArray(v)) return v.every(sortedAllTheWay)
      // Integer-like keys ("0", "12") always come first in an object, whatever order they were added in.
      const best = Object.keys(Object.fromEntries(Object.keys(v).sort().map((k) => [k, 0])))
      return JSON.stringify(Object.keys(v)) === JSON.stringify(best) && Object.values(v).every(sortedAllTheWay)
    }
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const before = JSON.stringify(v)
        const sorted = withKeysInOrder(v)
        expect(sortedAllTheWay(sorted)).toBe(true)
        expect(sorted).toEqual(v)
        expect(JSON.stringify(v)).toBe(before)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the data it sorts, leaving out only undefined values', () => {
    expect(withKeysInOrder({ b: 1, a: { d: [{ z: 1, y: undefined }], c: 2 } })).toEqual({ a: { c: 2, d: [{ z: 1 }] }, b: 1 })
    expect(Object.keys(withKeysInOrder({ b: 1, a: 2 }))).toEqual(['a', 'b'])
  })
})

describe('stableBytes', () => {
  const engine = (v: unknown) => Buffer.from(`${JSON.stringify(v)}\n`, 'utf8')

  it('encodes any UTF-16 string exactly as JSON.stringify does: escapes, controls, lone and paired surrogates', () => {
    const awkward = ['say "no"', 'back\\slash', '\u0000\u0001\u001f\b\f\n\r\t', '\ud83d\ude00 paired', 'lone \ud83d', 'lone \ude00 low', '\ud83d', '\ude00\ude01 two low', '\ud83d\ud83d\ude00 two high', 'Київ 北京 é\u2028\u2029', '']
    for (const s of awkward) expect(stableBytes(s, 0)).toEqual(engine(s))
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(stableBytes([a, b], 0)).toEqual(engine([a, b]))
        expect(stableBytes({ [a]: b }, 0)).toEqual(engine({ [a]: b }))
      }),
      { numRuns: 500 },
    )
  })

  it('writes numbers as JSON.stringify does, and what JSON cannot hold as null', () => {
    for (const n of [0, -0, 7, -7, 10, 99, 100, 999999999999999, 1e15, -1e15, 2 ** 53, 0.1, -2.5e-7, 1e21, NaN, Infinity, -Infinity]) {
      expect(stableBytes([n], 0)).toEqual(engine([n]))
    }
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.maxSafeInteger(), (d, i, big) => {
        expect(stableBytes([d, i, big], 0)).toEqual(engine([d, i, big]))
      }),
      { numRuns: 1000 },
    )
  })

  it('leaves out what JSON.stringify leaves out of a record, and writes it as null in a list', () => {
    const f = () => 1
    const value = { a: undefined, b: f, c: Symbol('s'), d: [undefined, f, Symbol('t')], e: 1 }
    expect(stableBytes(value, 0).toString()).toBe('{"d":[null,null,null],"e":1}\n')
    expect(() => stableBytes({ n: 1n })).toThrow(TypeError)
  })

  it('hands each caller bytes of its own, which the next call does not overwrite', () => {
    const first = stableBytes({ text: 'first file' })
    const copy = Buffer.from(first)
    stableBytes({ text: 'a second file, longer than the first, written into the same scratch buffer' })
    expect(first).toEqual(copy)
  })

  it('grows past its buffer for a file larger than any before it, and is whole after', () => {
    const big = { text: 'ж'.repeat(300_000), list: Array.from({ length: 5000 }, (_, i) => ({ i, s: `"${i}"` })) }
    const records = big.list.map((r) => `    {"i":${r.i},"s":"\\"${r.i}\\""}`).join(',\n')
    const expected = `{\n  "list": [\n${records}\n  ],\n  "text": "${big.text}"\n}\n`
    expect(stableBytes(big).equals(Buffer.from(expected))).toBe(true)
    expect(stableBytes({ small: true }).toString()).toBe('{\n  "small": true\n}\n')
  })
})
