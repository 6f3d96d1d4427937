import type { Node as PMNode } from '@tiptap/pm/model'
import type { Anchor, AnnotationKind } from '../model/annotation'
import { ANNOTATION_MARK_NAMES } from './annotation-marks'

/**
 * The article's plain text, the coordinate system of every W3C selector: the text of each textblock,
 * blocks separated by one newline, hard breaks as newlines. Export, search and re-anchoring all use this one function.
 */
export interface TextIndex {
  text: string
  /** Runs of text that map one-to-one to document positions: text[textStart + i] sits at pmStart + i. */
  runs: Array<{ textStart: number; pmStart: number; length: number }>
}

export function indexText(doc: PMNode): TextIndex {
  let text = ''
  const runs: TextIndex['runs'] = []
  let firstBlock = true
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (!firstBlock) text += '\n'
      firstBlock = false
      return true
    }
    if (node.isText) {
      runs.push({ textStart: text.length, pmStart: pos, length: node.text!.length })
      text += node.text
    } else if (node.type.name === 'hardBreak') {
      text += '\n'
    }
    return true
  })
  return { text, runs }
}

export function plainText(doc: PMNode): string {
  return indexText(doc).text
}

/** The document position of a text offset; offsets at a run's end map to the position right after its last character. */
export function pmPosAt(index: TextIndex, offset: number, bias: 'start' | 'end'): number | null {
  for (const run of index.runs) {
    const inside = bias === 'start' ? offset >= run.textStart && offset < run.textStart + run.length : offset > run.textStart && offset <= run.textStart + run.length
    if (inside) return run.pmStart + (offset - run.textStart)
  }
  return null
}

export function textOffsetAt(index: TextIndex, pmPos: number): number {
  let last = 0
  for (const run of index.runs) {
    if (pmPos < run.pmStart) return run.textStart
    if (pmPos <= run.pmStart + run.length) return run.textStart + (pmPos - run.pmStart)
    last = run.textStart + run.length
  }
  return last
}

export interface MarkedSpan {
  id: string
  kind: AnnotationKind
  /** Text offsets of the whole extent of the annotation's marks. */
  start: number
  end: number
}

/** Every annotation id that has marks in the document, with the extent of its marks in plain-text offsets. */
export function markedSpans(doc: PMNode, index: TextIndex = indexText(doc)): Map<string, MarkedSpan> {
  const spans = new Map<string, MarkedSpan>()
  let runIdx = 0
  doc.descendants((node) => {
    if (!node.isText) return true
    const run = index.runs[runIdx++]!
    for (const mark of node.marks) {
      const kind = mark.type.name as AnnotationKind
      if (!ANNOTATION_MARK_NAMES.includes(kind)) continue
      const id = mark.attrs.id as string | null
      if (!id) continue
      const start = run.textStart
      const end = run.textStart + run.length
      const seen = spans.get(id)
      if (seen) {
        seen.start = Math.min(seen.start, start)
        seen.end = Math.max(seen.end, end)
      } else spans.set(id, { id, kind, start, end })
    }
    return true
  })
  return spans
}

export const CONTEXT_CHARS = 32

export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  }
}

/**
 * Finds an anchor's quote in a (possibly changed) text. The stored position wins when the quote is still there;
 * otherwise every occurrence is scored by how much of its prefix and suffix still match and how close it is.
 * Returns null when the quote is gone: the caller shows the annotation as an orphan, never drops it.
 */
export function reanchor(text: string, anchor: Anchor): { start: number; end: number } | null {
  const { exact } = anchor
  if (!exact) return null
  if (text.slice(anchor.start, anchor.end) === exact) return { start: anchor.start, end: anchor.end }
  let best: { start: number; score: number } | null = null
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const before = text.slice(Math.max(0, i - anchor.prefix.length), i)
    const after = text.slice(i + exact.length, i + exact.length + anchor.suffix.length)
    const score =
      commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix) - Math.abs(i - anchor.start) / (text.length + 1)
    if (!best || score > best.score) best = { start: i, score }
  }
  return best ? { start: best.start, end: best.start + exact.length } : null
}

/** The text offsets of the n-th (1-based) occurrence of a quote, or null. */
export function findOccurrence(text: string, quote: string, occurrence = 1): { start: number; end: number } | null {
  if (!quote) return null
  let at = -1
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1)
    if (at === -1) return null
  }
  return { start: at, end: at + quote.length }
}

export function countOccurrences(text: string, quote: string): number {
  if (!quote) return 0
  let n = 0
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) n++
  return n
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}
function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}
