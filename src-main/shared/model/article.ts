import { z } from 'zod'
import { idSchema } from './ids'

export const ORIGIN_KIND = ['file', 'url', 'paste', 'sample'] as const

/** Where an article came from, kept so that a claim can be cited and its evidence checked later. */
export const ProvenanceSchema = z.object({
  origin: z.enum(ORIGIN_KIND),
  /** The file name as imported (never a path from the renderer), or the page URL. */
  name: z.string().max(2048),
  /** SHA-256 of the original bytes, hex. The bytes themselves are kept under originals/<sha256>. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: z.string().datetime(),
  mediaType: z.string().max(200),
  byteLength: z.number().int().nonnegative(),
})
export type Provenance = z.infer<typeof ProvenanceSchema>

const isoDateOrEmpty = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'dates are written YYYY-MM-DD')])

/** The editable bibliographic fields of an article, as the analyst and the importer see them. */
export const ArticleFieldsSchema = z.object({
  title: z.string().trim().min(1, 'an article needs a title').max(500),
  outlet: z.string().max(300),
  byline: z.string().max(500),
  publishedAt: isoDateOrEmpty,
  url: z.string().max(2048),
  language: z.string().max(35),
  excerpt: z.string().max(2000),
})
export type ArticleFields = z.infer<typeof ArticleFieldsSchema>

/** What the notebook index holds per article: enough for the library list without opening the article file. */
export const ArticleMetaSchema = ArticleFieldsSchema.extend({
  id: idSchema('article'),
  createdAt: z.string().datetime(),
  /** When the bibliographic fields or the annotation counts last changed; body edits live in the article file. */
  updatedAt: z.string().datetime(),
  provenance: ProvenanceSchema,
  /** Kept in the index so the library can show them; they change only when annotations come or go, not per keystroke. */
  counts: z.object({
    claim: z.number().int().nonnegative(),
    source: z.number().int().nonnegative(),
    question: z.number().int().nonnegative(),
  }),
})
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>

export const EMPTY_FIELDS: ArticleFields = {
  title: 'Untitled',
  outlet: '',
  byline: '',
  publishedAt: '',
  url: '',
  language: '',
  excerpt: '',
}
