import type { Node as PMNode } from '@tiptap/pm/model'
import { newAnnotation, type Annotation } from '../../shared/model/annotation'
import { isId } from '../../shared/model/ids'
import { reconcileAnnotations } from '../../shared/schema/annotate-doc'
import { anchorAt, indexText, markedSpans } from '../../shared/schema/plain-text'

const TRASH_LIMIT = 200

/**
 * Brings the records of an article in line with a saved body. Marks whose id has no record come from an undo
 * of a deletion (the record is restored from the trash, grades and notes included) or, failing that, are given a
 * fresh record, so no mark is ever without meaning. Records whose marks vanished become orphans.
 */
export function reconcileBody(doc: PMNode, annotations: Annotation[], trash: Annotation[], now: string): { annotations: Annotation[]; trash: Annotation[] } {
  const index = indexText(doc)
  const spans = markedSpans(doc, index)
  const known = new Set(annotations.map((a) => a.id))
  const restored: Annotation[] = []
  let remainingTrash = trash
  for (const span of spans.values()) {
    if (known.has(span.id) || !isId('annotation', span.id)) continue
    const fromTrash = trash.find((t) => t.id === span.id && t.kind === span.kind)
    if (fromTrash) {
      restored.push(fromTrash)
      remainingTrash = remainingTrash.filter((t) => t.id !== span.id)
    } else restored.push(newAnnotation(span.kind, span.id, anchorAt(index.text, span.start, span.end), now))
  }
  const { annotations: next } = reconcileAnnotations(doc, [...annotations, ...restored], now)
  return { annotations: sortByPosition(next), trash: remainingTrash }
}

export function addToTrash(trash: Annotation[], removed: Annotation): Annotation[] {
  return [removed, ...trash.filter((t) => t.id !== removed.id)].slice(0, TRASH_LIMIT)
}

/** Document order, orphans last: the order the side panel and exports show. */
export function sortByPosition(annotations: Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => Number(a.orphaned) - Number(b.orphaned) || a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end)
}
