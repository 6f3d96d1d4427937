import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { Brief } from '../../shared/model/brief'
import type { Link } from '../../shared/model/link'
import type { DocJson, NotebookInfo } from '../../shared/model/notebook'
import type { RegistryEntry } from '../../shared/model/source'
import type { DismissedSuggestion } from '../../shared/model/suggestion'
import type { ExportFormat } from '../../shared/ipc-contract'

/** An article as exports need it: its citation data, its body and every annotation record. */
export interface ExportArticle {
  meta: ArticleMeta
  doc: DocJson
  notes: string
  annotations: Annotation[]
  /** The assistant's suggestions the analyst dismissed, carried by the notebook JSON export so they stay dismissed. */
  dismissedSuggestions: DismissedSuggestion[]
}

/** One annotation of a brief's evidence section, read live from its article when the export is made. */
export interface EvidenceEntry {
  /** C1, S1, Q1…: how the text of the brief refers to it. */
  label: string
  annotation: Annotation
  article: ArticleMeta
  /** Claims only: the current evidence code (source reliability × information credibility). */
  evidenceCode: string | null
  /** Claims: the sources it is attributed to; sources: the registry entry's name. */
  sourceNames: string[]
  /** Picked one by one (true) or brought in by the brief's filter (false). */
  picked: boolean
}

export type ExportDocument =
  | {
      kind: 'brief'
      brief: Brief
      evidence: EvidenceEntry[]
      /** Picked annotations that no longer exist (their article or record was deleted). */
      missing: number
      articles: ExportArticle[]
      registry: RegistryEntry[]
      links: Link[]
      generatedAt: string
    }
  | {
      kind: 'articles'
      title: string
      articles: ExportArticle[]
      registry: RegistryEntry[]
      links: Link[]
      generatedAt: string
      /** Set when the whole notebook is exported: what else the JSON slice must carry to be lossless. */
      whole?: { notebook: NotebookInfo; tags: string[]; briefs: Brief[] }
    }

export { EXPORT_FORMATS, type ExportFormat } from '../../shared/ipc-contract'

/**
 * The notebook export's own extension first (the file association in package.json's electron-builder config, so
 * the OS opens it with the app), then .json, under which the same JSON is also read back.
 */
export const NOTEBOOK_EXPORT_EXTENSIONS = ['intelnotebook', 'json'] as const

export const FORMAT_EXTENSION: Record<ExportFormat, string> = { md: 'md', html: 'html', docx: 'docx', pdf: 'pdf', json: NOTEBOOK_EXPORT_EXTENSIONS[0], w3c: 'jsonld' }
export const FORMAT_MEDIA_TYPE: Record<ExportFormat, string> = {
  md: 'text/markdown',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json',
  w3c: 'application/ld+json',
}

export function documentTitle(doc: ExportDocument): string {
  return doc.kind === 'brief' ? doc.brief.title : doc.title
}
