/**
 * The arithmetic of a windowed list: which items of a long list are near enough to the visible part of its
 * scrolling box to be worth rendering, and how tall the gaps are that stand in for the rest. Pure, so it is
 * tested without a DOM; `useWindowing` feeds it measured heights.
 */

/** offsets[i] is the top of item i from the top of the list; offsets[count] is the list's whole height. */
export function itemOffsets(count: number, heightOf: (i: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1)
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i)
  return offsets
}

/** The first item whose bottom is below `y` (binary search over the offsets). */
function firstEndingAfter(offsets: Float64Array, y: number): number {
  let lo = 0
  let hi = offsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid + 1]! <= y) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The items, as a half-open range [start, end), that overlap the band from `top` to `bottom` (list coordinates). */
export function rangeIn(offsets: Float64Array, top: number, bottom: number): { start: number; end: number } {
  const count = offsets.length - 1
  if (count === 0 || bottom <= 0 || top >= offsets[count]!) return { start: 0, end: 0 }
  const start = firstEndingAfter(offsets, Math.max(0, top))
  let end = start
  while (end < count && offsets[end]! < bottom) end++
  return { start, end }
}

export type Slot = { kind: 'item'; index: number } | { kind: 'gap'; from: number; to: number; height: number }

/**
 * A run of consecutive items (a group of the list) as rendered: the items that are shown, and between them gaps
 * as tall as the items they replace, so the scrollbar and every shown item sit where the whole list would put them.
 */
export function slotsFor(from: number, to: number, shown: (i: number) => boolean, offsets: Float64Array): Slot[] {
  const slots: Slot[] = []
  let gapFrom = -1
  for (let i = from; i < to; i++) {
    if (shown(i)) {
      if (gapFrom !== -1) slots.push({ kind: 'gap', from: gapFrom, to: i, height: offsets[i]! - offsets[gapFrom]! })
      gapFrom = -1
      slots.push({ kind: 'item', index: i })
    } else if (gapFrom === -1) gapFrom = i
  }
  if (gapFrom !== -1) slots.push({ kind: 'gap', from: gapFrom, to, height: offsets[to]! - offsets[gapFrom]! })
  return slots
}

/** The scroll position that brings [top, bottom) fully into a viewport of `height` with the least movement. */
export function scrollToInclude(scrollTop: number, height: number, top: number, bottom: number): number {
  if (top < scrollTop) return top
  if (bottom > scrollTop + height) return Math.min(top, bottom - height)
  return scrollTop
}
