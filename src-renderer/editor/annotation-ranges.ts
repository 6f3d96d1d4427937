import { Fragment, Slice, type Mark, type Node as PMNode } from '@tiptap/pm/model'
import type { AnnotationKind } from '../../src-main/shared/model/annotation'
import { ANNOTATION_MARK_NAMES } from '../../src-main/shared/schema/annotation-marks'

/** Document-position helpers for annotation marks. Pure ProseMirror, so they run in unit tests without a view. */

export interface MarkRange {
  from: number
  to: number
}

export interface AnnotationSpan extends MarkRange {
  id: string
  kind: AnnotationKind
}

export function annotationKindOf(mark: Mark): AnnotationKind | null {
  const name = mark.type.name as AnnotationKind
  return ANNOTATION_MARK_NAMES.includes(name) && typeof mark.attrs.id === 'string' ? name : null
}

/** The ranges an annotation's marks cover, adjacent text nodes merged, in document order. */
export function annotationRanges(doc: PMNode, id: string): MarkRange[] {
  const ranges: MarkRange[] = []
  doc.descendants((node, pos) => {
    if (!node.isText) return true
    if (!node.marks.some((m) => m.attrs.id === id && annotationKindOf(m))) return false
    const last = ranges[ranges.length - 1]
    if (last && last.to === pos) last.to = pos + node.nodeSize
    else ranges.push({ from: pos, to: pos + node.nodeSize })
    return false
  })
  return ranges
}

/** Every annotation in the document with the extent of its marks, ordered by where it starts, outer spans before the ones nested in them. */
export function annotationSpans(doc: PMNode): AnnotationSpan[] {
  const byId = new Map<string, AnnotationSpan>()
  doc.descendants((node, pos) => {
    if (!node.isText) return true
    for (const mark of node.marks) {
      const kind = annotationKindOf(mark)
      if (!kind) continue
      const id = mark.attrs.id as string
      const seen = byId.get(id)
      if (seen) seen.to = pos + node.nodeSize
      else byId.set(id, { id, kind, from: pos, to: pos + node.nodeSize })
    }
    return false
  })
  return [...byId.values()].sort((a, b) => a.from - b.from || b.to - a.to)
}

/**
 * The annotations under a position, innermost (shortest) first, so a click on nested spans picks the one
 * the analyst most likely meant; the outer ones stay reachable from the panel.
 */
export function annotationsAt(doc: PMNode, pos: number): AnnotationSpan[] {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)))
  const node = $pos.parent.maybeChild($pos.index()) ?? $pos.nodeBefore
  if (!node?.isText) return []
  const found: AnnotationSpan[] = []
  for (const mark of node.marks) {
    const kind = annotationKindOf(mark)
    if (!kind) continue
    const id = mark.attrs.id as string
    const ranges = annotationRanges(doc, id)
    const hit = ranges.find((r) => r.from <= pos && pos <= r.to) ?? ranges[0]
    if (hit) found.push({ id, kind, from: hit.from, to: hit.to })
  }
  return found.sort((a, b) => a.to - a.from - (b.to - b.from))
}

/** The next (or previous) annotation after a position, wrapping around the document. */
export function adjacentAnnotation(doc: PMNode, pos: number, direction: 1 | -1, currentId: string | null = null): AnnotationSpan | null {
  const spans = annotationSpans(doc)
  if (spans.length === 0) return null
  const at = currentId ? spans.findIndex((s) => s.id === currentId) : -1
  if (at !== -1) return spans[(at + direction + spans.length) % spans.length]!
  if (direction === 1) return spans.find((s) => s.from >= pos) ?? spans[0]!
  return [...spans].reverse().find((s) => s.from < pos) ?? spans[spans.length - 1]!
}

/**
 * Pasted content never brings annotation marks along: the record behind an id does not travel with a paste,
 * and a copied id would make two spans claim one annotation.
 */
export function stripAnnotationMarks(slice: Slice): Slice {
  return new Slice(stripFragment(slice.content), slice.openStart, slice.openEnd)
}

function stripFragment(fragment: Fragment): Fragment {
  const nodes: PMNode[] = []
  fragment.forEach((node) => {
    if (node.isText) nodes.push(node.mark(node.marks.filter((m) => !annotationKindOf(m))))
    else nodes.push(node.copy(stripFragment(node.content)))
  })
  return Fragment.fromArray(nodes)
}

/**
 * Narrows a selection to the text it holds, dropping whitespace at either end: a double-clicked word in Chromium
 * carries its trailing space, and a tag that swallows it anchors badly. Returns null when nothing but space is selected.
 */
export function trimRange(doc: PMNode, from: number, to: number): MarkRange | null {
  let start = from
  let end = to
  while (start < end && isSpaceAt(doc, start)) start++
  while (end > start && isSpaceAt(doc, end - 1)) end--
  return end > start ? { from: start, to: end } : null
}

function isSpaceAt(doc: PMNode, pos: number): boolean {
  const ch = doc.textBetween(pos, pos + 1, '\n', '\n')
  // Block boundaries read as empty: step over them like whitespace.
  return ch === '' || /\s/.test(ch)
}
