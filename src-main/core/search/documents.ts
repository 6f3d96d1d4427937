import type { Annotation, AnnotationKind } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { ArticleFile } from '../../shared/model/notebook'
import { docFromJson } from '../../shared/schema/annotate-doc'
import { plainText } from '../../shared/schema/plain-text'

/**
 * What the index knows of one annotation: its words and its raw facet values. Registry names and grades are
 * looked up at query time, so renaming or regrading a registry entry needs no re-indexing.
 */
export interface SearchAnnotation {
  id: string
  kind: AnnotationKind
  /** Plain-text offsets of the span in the article, where opening a result scrolls to. */
  start: number
  end: number
  quote: string
  note: string
  tags: string[]
  /** Claim or question status; '' for a source. */
  status: string
  credibility: string
  /** A source's own grade in context; '' when it takes the registry entry's. */
  reliability: string
  /** A source's registry entry. */
  registryId: string | null
  /** A claim's source annotations, in the same article. */
  sourceIds: string[]
  /** More words to find it by: a source's relay chain, a question's answer. */
  extra: string
}

/** One article flattened for the index: all it holds is plain text and facet values, so it crosses to the worker cheaply. */
export interface SearchArticle {
  id: string
  title: string
  outlet: string
  byline: string
  publishedAt: string
  url: string
  excerpt: string
  notes: string
  text: string
  annotations: SearchAnnotation[]
}

/** Notes are sanitized HTML; the index wants their words only. */
export function htmlToText(html: string): string {
  if (!html) return ''
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()
}

export function searchArticle(meta: ArticleMeta, file: Pick<ArticleFile, 'doc' | 'notes' | 'annotations'>): SearchArticle {
  return {
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    byline: meta.byline,
    publishedAt: meta.publishedAt.slice(0, 10),
    url: meta.url,
    excerpt: meta.excerpt,
    notes: htmlToText(file.notes),
    text: plainText(docFromJson(file.doc)),
    // Orphans keep their quote and stay findable: the analyst still sees them in the panel.
    annotations: file.annotations.map(searchAnnotation),
  }
}

function searchAnnotation(a: Annotation): SearchAnnotation {
  return {
    id: a.id,
    kind: a.kind,
    start: a.anchor.start,
    end: a.anchor.end,
    quote: a.anchor.exact,
    note: htmlToText(a.note),
    tags: a.tags,
    status: a.kind === 'source' ? '' : a.status,
    credibility: a.kind === 'claim' ? (a.credibility ?? '') : '',
    reliability: a.kind === 'source' ? (a.reliability ?? '') : '',
    registryId: a.kind === 'source' ? a.registryId : null,
    sourceIds: a.kind === 'claim' ? a.sourceIds : [],
    extra: a.kind === 'source' ? a.chain.join(' ') : a.kind === 'question' ? a.answer : '',
  }
}
