import { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import type { Annotation, AnnotationKind } from '../model/annotation'
import type { DocJson } from '../model/notebook'
import { documentSchema } from './document-extensions'
import { ANNOTATION_MARK_NAMES } from './annotation-marks'
import { indexText, markedSpans, pmPosAt, reanchor, anchorAt, type TextIndex } from './plain-text'

/** Parses stored JSON into a document of the shared schema; throws with a readable message if it does not fit. */
export function docFromJson(json: DocJson): PMNode {
  const doc = PMNode.fromJSON(documentSchema(), json)
  doc.check()
  return doc
}

export function emptyDoc(): DocJson {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

/** Adds an annotation mark over a plain-text range, across block boundaries if need be. */
export function addAnnotationMark(doc: PMNode, kind: AnnotationKind, id: string, start: number, end: number, index: TextIndex = indexText(doc)): PMNode {
  const from = pmPosAt(index, start, 'start')
  const to = pmPosAt(index, end, 'end')
  if (from === null || to === null || to <= from) throw new Error('That text range is not in the article.')
  const tr = new Transform(doc)
  tr.addMark(from, to, documentSchema().marks[kind]!.create({ id }))
  return tr.doc
}

export function removeAnnotationMarks(doc: PMNode, id: string): PMNode {
  const tr = new Transform(doc)
  const schema = documentSchema()
  for (const name of ANNOTATION_MARK_NAMES) {
    const type = schema.marks[name]!
    doc.descendants((node, pos) => {
      if (!node.isText) return true
      for (const m of node.marks) if (m.type === type && m.attrs.id === id) tr.removeMark(pos, pos + node.nodeSize, m)
      return true
    })
  }
  return tr.doc
}

/**
 * Brings annotation records in line with the document after an edit: anchors follow their marks,
 * annotations whose marks vanished become orphans (keeping their quote), and orphans whose marks came back
 * (an undo, say) are restored. Returns the updated records and whether any changed. `updatedAt` moves only
 * when an annotation's own words change or it is orphaned or restored.
 */
export function reconcileAnnotations(doc: PMNode, annotations: Annotation[], now: string): { annotations: Annotation[]; changed: boolean } {
  const index = indexText(doc)
  const spans = markedSpans(doc, index)
  let changed = false
  const next = annotations.map((a) => {
    const span = spans.get(a.id)
    if (!span) {
      if (a.orphaned) return a
      changed = true
      return { ...a, orphaned: true, updatedAt: now }
    }
    const anchor = anchorAt(index.text, span.start, span.end)
    const same =
      !a.orphaned && anchor.start === a.anchor.start && anchor.end === a.anchor.end && anchor.exact === a.anchor.exact && anchor.prefix === a.anchor.prefix && anchor.suffix === a.anchor.suffix
    if (same) return a
    changed = true
    // "Updated" means the annotation itself changed: its words, or whether it has any. Text typed elsewhere only
    // moves the anchor, and must not mark every annotation after it as just updated.
    const touched = a.orphaned || anchor.exact !== a.anchor.exact
    return { ...a, anchor, orphaned: false, updatedAt: touched ? now : a.updatedAt }
  })
  return { annotations: next, changed }
}

/**
 * Re-creates lost marks from the stored W3C anchors (a document replaced by an import, say).
 * Annotations whose quote cannot be found stay orphaned.
 */
export function reapplyAnchors(doc: PMNode, annotations: Annotation[]): PMNode {
  let current = doc
  const spans = markedSpans(current)
  for (const a of annotations) {
    if (spans.has(a.id)) continue
    const index = indexText(current)
    const hit = reanchor(index.text, a.anchor)
    if (!hit) continue
    current = addAnnotationMark(current, a.kind, a.id, hit.start, hit.end, index)
  }
  return current
}
