import { z } from 'zod'
import { ANNOTATION_KINDS, type AnnotationKind } from './annotation'
import { CLAIM_STATUS, CREDIBILITY, QUESTION_STATUS, RELIABILITY } from './grading'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')

/**
 * Facet filters: values within one facet are alternatives (OR), facets combine (AND). Annotation facets
 * (kind, tag, status, reliability, credibility, source) narrow the results to annotations; outlet and dates
 * narrow by the article.
 */
export const SearchFacetsSchema = z
  .object({
    kinds: z.array(z.enum(ANNOTATION_KINDS)).max(3),
    tags: z.array(z.string().max(60)).max(50),
    statuses: z.array(z.enum([...CLAIM_STATUS, ...QUESTION_STATUS])).max(8),
    reliability: z.array(z.enum(RELIABILITY)).max(6),
    credibility: z.array(z.enum(CREDIBILITY)).max(6),
    /** Registry entry ids (or, for a source not yet in the registry, its annotation id). */
    sources: z.array(z.string().max(40)).max(50),
    outlets: z.array(z.string().max(300)).max(50),
    from: z.union([z.literal(''), day]),
    to: z.union([z.literal(''), day]),
  })
  .partial()
  .strict()
export type SearchFacets = z.infer<typeof SearchFacetsSchema>

export const SearchQuerySchema = z
  .object({
    text: z.string().max(500),
    facets: SearchFacetsSchema.optional(),
    /** How many articles to return, best first. */
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
export type SearchQuery = z.infer<typeof SearchQuerySchema>

export type FacetName = 'kind' | 'tag' | 'status' | 'reliability' | 'credibility' | 'source' | 'outlet' | 'year'

/** A match inside a snippet, as offsets into the snippet text: the renderer marks them up itself, escaping the text. */
export type Highlight = [start: number, end: number]

export interface SearchHit {
  /** Where the words matched: the article's text, its title or metadata, its notes, or an annotation. */
  field: 'text' | 'title' | 'meta' | 'notes' | 'annotation'
  annotationId: string | null
  kind: AnnotationKind | null
  /** Plain-text offsets in the article to scroll to and select; null for matches outside the body. */
  start: number | null
  end: number | null
  snippet: string
  highlights: Highlight[]
  /** Status, grades and source names of an annotation hit, shown as chips. */
  status: string
  reliability: string
  credibility: string
  sources: string[]
}

export interface SearchGroup {
  articleId: string
  title: string
  titleHighlights: Highlight[]
  outlet: string
  publishedAt: string
  hits: SearchHit[]
  /** Further matches in this article that were not returned. */
  more: number
}

export interface FacetValue {
  value: string
  label: string
  count: number
}

export interface SearchResponse {
  text: string
  groups: SearchGroup[]
  /** Articles that matched, of which `groups` holds the best. */
  totalArticles: number
  totalHits: number
  /** False when the query met more matches than it looked at: the totals are then lower bounds ("2,000+"). */
  complete: boolean
  /** Counts among the matches, for each facet ignoring its own filter, so picking one value keeps the others visible. */
  facets: Record<FacetName, FacetValue[]>
  /** Set when the facet counts were taken over only this many best matches, the query having met more. */
  facetSample: number | null
  /** While the index is still being built in the background: how far it has got. */
  indexing: { done: number; total: number } | null
  tookMs: number
}

export const EMPTY_FACETS: Record<FacetName, FacetValue[]> = { kind: [], tag: [], status: [], reliability: [], credibility: [], source: [], outlet: [], year: [] }
