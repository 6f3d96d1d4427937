import { z } from 'zod'
import { AnnotationSchema } from '../../shared/model/annotation'
import { ArticleMetaSchema } from '../../shared/model/article'
import { BriefSchema } from '../../shared/model/brief'
import { LinkSchema } from '../../shared/model/link'
import { DocJsonSchema, NotebookInfoSchema, SCHEMA_VERSION } from '../../shared/model/notebook'
import { RegistryEntrySchema } from '../../shared/model/source'
import { DISMISSED_LIMIT, DismissedSuggestionSchema } from '../../shared/model/suggestion'
import type { ExportDocument } from './model'

/**
 * The JSON export: a lossless slice of the notebook (articles whole, with every annotation record, their notes,
 * provenance, original bytes and dismissed suggestions; the registry entries, links and briefs among them) that
 * import reads back.
 */
export const NOTEBOOK_EXPORT_FORMAT = 'intel-notebook-export'
export const NOTEBOOK_EXPORT_VERSION = 1

export const NotebookExportSchema = z.object({
  format: z.literal(NOTEBOOK_EXPORT_FORMAT),
  formatVersion: z.literal(NOTEBOOK_EXPORT_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().datetime(),
  notebook: NotebookInfoSchema.nullable(),
  articles: z.array(
    z.object({
      meta: ArticleMetaSchema,
      doc: DocJsonSchema,
      notes: z.string().max(1_000_000),
      annotations: z.array(AnnotationSchema),
      /** The original bytes, base64, or null when the notebook no longer has them. */
      original: z.string().nullable(),
      /** Absent from exports made before dismissals were carried; those read as none dismissed. */
      dismissedSuggestions: z.array(DismissedSuggestionSchema).max(DISMISSED_LIMIT).default([]),
    }),
  ),
  sources: z.array(RegistryEntrySchema),
  tags: z.array(z.string().max(60)),
  links: z.array(LinkSchema),
  briefs: z.array(BriefSchema),
})
export type NotebookExport = z.infer<typeof NotebookExportSchema>

export async function buildNotebookExport(doc: ExportDocument, readOriginal?: (sha256: string) => Promise<Uint8Array | null>): Promise<NotebookExport> {
  const articles: NotebookExport['articles'] = []
  for (const a of doc.articles) {
    const bytes = readOriginal ? await readOriginal(a.meta.provenance.sha256) : null
    articles.push({
      meta: a.meta,
      doc: a.doc,
      notes: a.notes,
      annotations: a.annotations,
      original: bytes ? Buffer.from(bytes).toString('base64') : null,
      dismissedSuggestions: a.dismissedSuggestions,
    })
  }
  const whole = doc.kind === 'articles' ? doc.whole : undefined
  const tags = new Set<string>(whole?.tags ?? [])
  for (const a of doc.articles) for (const x of a.annotations) for (const t of x.tags) tags.add(t)
  return {
    format: NOTEBOOK_EXPORT_FORMAT,
    formatVersion: NOTEBOOK_EXPORT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: doc.generatedAt,
    notebook: whole?.notebook ?? null,
    articles,
    sources: doc.registry,
    tags: [...tags].sort(),
    links: doc.links,
    briefs: doc.kind === 'brief' ? [doc.brief] : (whole?.briefs ?? []),
  }
}

export async function renderNotebookJson(doc: ExportDocument, readOriginal?: (sha256: string) => Promise<Uint8Array | null>): Promise<string> {
  return `${JSON.stringify(await buildNotebookExport(doc, readOriginal), null, 1)}\n`
}
