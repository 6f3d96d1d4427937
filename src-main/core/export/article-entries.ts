import type { AnnotationKind } from '../../shared/model/annotation'
import type { RegistryEntry } from '../../shared/model/source'
import { evidenceEntry } from '../services/briefs'
import { annotationOrder, docBlocks, type Block } from './doc-blocks'
import type { EvidenceEntry, ExportArticle } from './model'
import type { SpanLabels } from './blocks-html'

export const KIND_LETTER: Record<AnnotationKind, string> = { claim: 'C', source: 'S', question: 'Q' }

export interface LabelledArticle {
  article: ExportArticle
  blocks: Block[]
  /** Every annotation of the article, in text order with orphans last, labelled C1, S1, Q1 per kind. */
  entries: EvidenceEntry[]
  labels: SpanLabels
  entry(id: string): EvidenceEntry | undefined
}

/** Numbers an article's annotations in the order a reader meets them in the text. */
export function labelArticle(article: ExportArticle, registry: ReadonlyMap<string, RegistryEntry>): LabelledArticle {
  const blocks = docBlocks(article.doc)
  const order = annotationOrder(blocks)
  const rank = new Map(order.map((id, i) => [id, i]))
  const sorted = [...article.annotations].sort(
    (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.anchor.start - b.anchor.start,
  )
  const counters: Record<AnnotationKind, number> = { claim: 0, source: 0, question: 0 }
  const entries = sorted.map((a) => evidenceEntry(a, article, registry, `${KIND_LETTER[a.kind]}${++counters[a.kind]}`, true))
  const byId = new Map(entries.map((e) => [e.annotation.id, e]))
  return {
    article,
    blocks,
    entries,
    entry: (id) => byId.get(id),
    labels: {
      get: (id) => {
        const e = byId.get(id)
        return e ? { label: e.label, kind: e.annotation.kind, anchor: noteAnchor(id) } : undefined
      },
    },
  }
}

export function noteAnchor(annotationId: string): string {
  return `note-${annotationId}`
}
