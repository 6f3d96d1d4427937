import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { itemOffsets, rangeIn, scrollToInclude } from './windowing'

export interface WindowingOptions {
  /** The height to assume for an item not rendered yet. */
  estimate: (key: string) => number
  /** How far beyond the visible part of the box items are still rendered, in pixels, so a scroll rarely shows a gap. */
  overscan?: number
}

export interface Windowing {
  /** Tops of the items in list coordinates, with the list's height last (see itemOffsets). */
  offsets: Float64Array
  /** The items near the visible part of the box: [start, end). */
  start: number
  end: number
  /** A ref for each rendered item's element, keyed as in `keys`, which keeps its measured height. */
  measure(key: string): (el: HTMLElement | null) => void
  /**
   * Scrolls the box the least needed to show the item: nothing if it is in view as last seen, before the next frame
   * if it is rendered, else now to where it is estimated to be and exactly once it renders.
   */
  reveal(key: string): void
}

/**
 * Renders only the items of a long list that are in or near the visible part of its scrolling box. `scrollRef` is
 * the box (it must be positioned, so the list's offsetTop is measured from it); `listRef` the element the items
 * flow in, in the order of `keys`. Item heights are measured as items render, and estimated until then; the
 * browser's scroll anchoring keeps what is on screen still while estimates turn into measurements.
 */
export function useWindowing(scrollRef: RefObject<HTMLElement | null>, listRef: RefObject<HTMLElement | null>, keys: readonly string[], options: WindowingOptions): Windowing {
  const { estimate, overscan = 600 } = options
  const heights = useRef(new Map<string, number>())
  const [measured, setMeasured] = useState(0)
  // Where the visible band sits over the list, moved in steps so a scroll renders again only every few rows.
  const [band, setBand] = useState({ top: 0, height: 1000 })
  const offsets = useMemo(() => itemOffsets(keys.length, (i) => heights.current.get(keys[i]!) ?? estimate(keys[i]!)), [keys, measured, estimate])
  const indexOf = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys])
  const { start, end } = rangeIn(offsets, band.top - overscan, band.top + band.height + overscan)

  const step = Math.max(1, Math.floor(overscan / 3))
  // The visible part of the list as last read (list coordinates), so reveal can tell a row is in view without
  // making the browser lay out the page again in the middle of a commit.
  const seen = useRef({ top: 0, height: 0 })
  const readBand = useCallback(() => {
    const box = scrollRef.current
    const list = listRef.current
    if (!box || !list) return
    const height = box.clientHeight
    seen.current = { top: box.scrollTop - list.offsetTop, height }
    const top = Math.floor(seen.current.top / step) * step
    setBand((b) => (b.top === top && b.height === height ? b : { top, height }))
  }, [scrollRef, listRef, step])

  useLayoutEffect(() => {
    const box = scrollRef.current
    if (!box) return
    readBand()
    let frame = 0
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), readBand()))
    }
    box.addEventListener('scroll', onScroll, { passive: true })
    const resize = new ResizeObserver(onScroll)
    resize.observe(box)
    return () => {
      cancelAnimationFrame(frame)
      box.removeEventListener('scroll', onScroll)
      resize.disconnect()
    }
  }, [scrollRef, readBand])

  // One observer for every rendered item; a changed height re-lays the list out once per batch of changes.
  const elements = useRef(new Map<string, HTMLElement>())
  const keyOf = useRef(new WeakMap<Element, string>())
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false
            for (const e of entries) {
              const key = keyOf.current.get(e.target)
              if (key === undefined || !e.target.isConnected) continue
              const h = e.borderBoxSize[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight
              if (h > 0 && heights.current.get(key) !== h) {
                heights.current.set(key, h)
                changed = true
              }
            }
            if (changed) setMeasured((n) => n + 1)
          }),
    [],
  )
  useEffect(() => () => observer?.disconnect(), [observer])

  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>())
  const measure = useCallback(
    (key: string) => {
      let ref = refs.current.get(key)
      if (!ref) {
        ref = (el) => {
          const old = elements.current.get(key)
          if (old && old !== el) {
            observer?.unobserve(old)
            elements.current.delete(key)
          }
          if (el) {
            elements.current.set(key, el)
            keyOf.current.set(el, key)
            observer?.observe(el)
          }
        }
        refs.current.set(key, ref)
      }
      return ref
    },
    [observer],
  )

  const pendingReveal = useRef<string | null>(null)
  const revealFrame = useRef(0)
  useEffect(() => () => cancelAnimationFrame(revealFrame.current), [])
  const reveal = useCallback(
    (key: string) => {
      const el = elements.current.get(key)
      const i = indexOf.get(key)
      if (el) {
        pendingReveal.current = null
        cancelAnimationFrame(revealFrame.current)
        if (i !== undefined && seen.current.height > 0 && offsets[i]! >= seen.current.top && offsets[i + 1]! <= seen.current.top + seen.current.height) return
        // Scrolling needs the page laid out; just before the next frame the browser does that anyway, so the row
        // scrolls into view in the frame that first shows it without a second layout.
        revealFrame.current = requestAnimationFrame(() => el.isConnected && el.scrollIntoView({ block: 'nearest' }))
        return
      }
      const box = scrollRef.current
      const list = listRef.current
      if (!box || !list || i === undefined) return
      // Not rendered: scroll to where the estimate puts it; the render that follows shows it and settles the place.
      pendingReveal.current = key
      box.scrollTop = scrollToInclude(box.scrollTop, box.clientHeight, list.offsetTop + offsets[i]!, list.offsetTop + offsets[i + 1]!)
      readBand()
    },
    [scrollRef, listRef, indexOf, offsets, readBand],
  )
  useLayoutEffect(() => {
    const key = pendingReveal.current
    const el = key === null ? undefined : elements.current.get(key)
    if (el) {
      pendingReveal.current = null
      el.scrollIntoView({ block: 'nearest' })
    }
  })

  return { offsets, start, end, measure, reveal }
}
