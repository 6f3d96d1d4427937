import { z } from 'zod'
import { idSchema } from './ids'
import { ArticleMetaSchema } from './article'
import { AnnotationSchema } from './annotation'
import { RegistryEntrySchema } from './source'
import { LinkSchema } from './link'
import { BriefSchema } from './brief'
import { DISMISSED_LIMIT, DismissedSuggestionSchema } from './suggestion'

/** The version this build writes. Files from older versions are migrated; newer ones open read-only. */
export const SCHEMA_VERSION = 2

export const NotebookInfoSchema = z.object({
  id: idSchema('notebook'),
  name: z.string().trim().min(1).max(200),
  createdAt: z.string().datetime(),
})
export type NotebookInfo = z.infer<typeof NotebookInfoSchema>

/** The small index file: everything list-level, read at startup. Article bodies live in their own files. */
export const IndexFileSchema = z.object({
  schemaVersion: z.number().int().positive(),
  notebook: NotebookInfoSchema,
  articles: z.array(ArticleMetaSchema),
  sources: z.array(RegistryEntrySchema),
  tags: z.array(z.string()),
  links: z.array(LinkSchema),
  briefs: z.array(BriefSchema),
})
export type IndexFile = z.infer<typeof IndexFileSchema>

/** A ProseMirror/tiptap document as JSON; its shape is checked against the shared schema, not here. */
export const DocJsonSchema = z.object({ type: z.literal('doc'), content: z.array(z.any()).optional() }).passthrough()
export type DocJson = { type: 'doc'; content?: unknown[]; [k: string]: unknown }

/** One file per article: the body, its annotations and the analyst's notes on the article. */
export const ArticleFileSchema = z.object({
  schemaVersion: z.number().int().positive(),
  id: idSchema('article'),
  doc: DocJsonSchema,
  /** Article notes as sanitized HTML. */
  notes: z.string().max(1_000_000),
  annotations: z.array(AnnotationSchema),
  /**
   * Recently deleted annotations, kept so that undoing a deletion in the editor (which brings the marks back)
   * restores the grades and notes too, instead of a blank record.
   */
  trash: z.array(AnnotationSchema).max(200),
  /** Suggestions of the attribution assistant the analyst dismissed, so they stay dismissed (since format 2). */
  dismissedSuggestions: z.array(DismissedSuggestionSchema).max(DISMISSED_LIMIT),
})
export type ArticleFile = z.infer<typeof ArticleFileSchema>
