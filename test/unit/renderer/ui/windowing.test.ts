import { describe, expect, it } from 'vitest'
import { itemOffsets, rangeIn, scrollToInclude, slotsFor } from '../../../../src-renderer/ui/windowing'

describe('the windowed list', () => {
  const heights = [36, 50, 50, 120, 50, 36, 50, 50]
  const offsets = itemOffsets(heights.length, (i) => heights[i]!)

  it('lays items out one after another', () => {
    expect([...offsets]).toEqual([0, 36, 86, 136, 256, 306, 342, 392, 442])
  })

  it('takes every item that overlaps the band, and none beyond it', () => {
    expect(rangeIn(offsets, 90, 260)).toEqual({ start: 2, end: 5 })
    expect(rangeIn(offsets, 0, 1)).toEqual({ start: 0, end: 1 })
    expect(rangeIn(offsets, -500, 37)).toEqual({ start: 0, end: 2 })
    expect(rangeIn(offsets, 400, 9999)).toEqual({ start: 7, end: 8 })
  })

  it('renders nothing for a band outside the list or an empty list', () => {
    expect(rangeIn(offsets, 500, 900)).toEqual({ start: 0, end: 0 })
    expect(rangeIn(itemOffsets(0, () => 10), 0, 100)).toEqual({ start: 0, end: 0 })
  })

  it('stands gaps as tall as the items they replace between the rendered ones', () => {
    const shown = new Set([1, 4])
    const slots = slotsFor(1, 8, (i) => shown.has(i), offsets)
    expect(slots).toEqual([
      { kind: 'item', index: 1 },
      { kind: 'gap', from: 2, to: 4, height: 170 },
      { kind: 'item', index: 4 },
      { kind: 'gap', from: 5, to: 8, height: 136 },
    ])
    const total = slots.reduce((h, s) => h + (s.kind === 'gap' ? s.height : heights[s.index]!), 0)
    expect(total).toBe(offsets[8]! - offsets[1]!)
  })

  it('scrolls the least needed to show an item', () => {
    expect(scrollToInclude(100, 200, 150, 200)).toBe(100)
    expect(scrollToInclude(100, 200, 40, 90)).toBe(40)
    expect(scrollToInclude(100, 200, 280, 340)).toBe(140)
    // Taller than the box: its top shows.
    expect(scrollToInclude(100, 200, 400, 900)).toBe(400)
  })
})
