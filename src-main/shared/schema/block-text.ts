import type { Node as PMNode } from '@tiptap/pm/model'
import type { Anchor, AnnotationKind } from '../model/annotation'
import { ANNOTATION_MARK_NAMES } from './annotation-marks'
import { CONTEXT_CHARS } from './plain-text'

/**
 * The article's plain text (as `indexText` defines it) kept per top-level block, so an anchor for a span costs the
 * blocks it touches and its context instead of a walk over the whole document. Documents are persistent: a
 * transaction replaces the blocks it changed and shares every other block with the previous document, so a block's
 * text is computed once and found again (weakly keyed, it goes with the node) in every later document.
 *
 * Coordinates: each textblock contributes a newline and then its text, so the concatenation of the blocks is the
 * plain text with one extra newline in front. Offset p in that concatenation is plain-text offset p - 1.
 */
const blockText = new WeakMap<PMNode, string>()
/** Per document: where each top-level block starts in the concatenation, with its whole length last. */
const blockStarts = new WeakMap<PMNode, Int32Array>()

function textOf(node: PMNode): string {
  if (node.isText) return node.text!
  if (node.type.name === 'hardBreak') return '\n'
  let text = node.isTextblock ? '\n' : ''
  node.forEach((child) => (text += textOf(child)))
  return text
}

function cachedTextOf(block: PMNode): string {
  let text = blockText.get(block)
  if (text === undefined) blockText.set(block, (text = textOf(block)))
  return text
}

function startsOf(doc: PMNode): Int32Array {
  let starts = blockStarts.get(doc)
  if (starts) return starts
  starts = new Int32Array(doc.childCount + 1)
  for (let i = 0; i < doc.childCount; i++) starts[i + 1] = starts[i]! + cachedTextOf(doc.child(i)).length
  blockStarts.set(doc, starts)
  return starts
}

/** The last block starting at or before concatenation offset p. */
function blockAt(starts: Int32Array, p: number): number {
  let lo = 0
  let hi = starts.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= p) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The plain text from `start` to `end` (offsets clamped to the text, as String.slice does). */
export function textBetween(doc: PMNode, start: number, end: number): string {
  const starts = startsOf(doc)
  const total = Math.max(0, starts[starts.length - 1]! - 1)
  const from = Math.min(Math.max(0, start), total) + 1
  const to = Math.min(Math.max(0, end), total) + 1
  if (to <= from) return ''
  let text = ''
  for (let i = blockAt(starts, from); i < doc.childCount && starts[i]! < to; i++) {
    const s = cachedTextOf(doc.child(i))
    text += s.slice(Math.max(0, from - starts[i]!), to - starts[i]!)
  }
  return text
}

/**
 * Visits the text nodes of the top-level blocks overlapping [from, to] (document positions), each with its
 * plain-text offset, walking only those blocks.
 */
function textNodesBetween(doc: PMNode, from: number, to: number, visit: (node: PMNode, offset: number) => void): void {
  const starts = startsOf(doc)
  const walk = (node: PMNode, at: number): number => {
    if (node.isText) {
      visit(node, at - 1)
      return at + node.text!.length
    }
    if (node.type.name === 'hardBreak') return at + 1
    if (node.isTextblock) at += 1
    node.forEach((child) => (at = walk(child, at)))
    return at
  }
  doc.forEach((block, pos, i) => {
    if (pos + block.nodeSize < from || pos > to) return
    walk(block, starts[i]!)
  })
}

export interface SpanAnchor {
  kind: AnnotationKind
  anchor: Anchor
}

/**
 * The anchor of an annotation whose marks all lie within [from, to] (the selection it was just tagged from): what
 * `anchorAt(indexText(doc).text, …)` gives for the extent `markedSpans` reports, without reading the whole text.
 * Null when no mark of that id is in the range.
 */
export function anchorOfMarks(doc: PMNode, id: string, from: number, to: number): SpanAnchor | null {
  let kind: AnnotationKind | null = null
  let start = Infinity
  let end = -Infinity
  textNodesBetween(doc, from, to, (node, offset) => {
    for (const mark of node.marks) {
      const name = mark.type.name as AnnotationKind
      if (mark.attrs.id !== id || !ANNOTATION_MARK_NAMES.includes(name)) continue
      kind ??= name
      start = Math.min(start, offset)
      end = Math.max(end, offset + node.text!.length)
    }
  })
  if (kind === null) return null
  return {
    kind,
    anchor: {
      exact: textBetween(doc, start, end),
      prefix: textBetween(doc, start - CONTEXT_CHARS, start),
      suffix: textBetween(doc, end, end + CONTEXT_CHARS),
      start,
      end,
    },
  }
}
