import { Index } from 'flexsearch'
import type { RegistryEntry } from '../../shared/model/source'
import { EMPTY_FACETS, type SearchGroup, type SearchHit, type SearchQuery, type SearchResponse, type Highlight } from '../../shared/model/search'
import type { SearchAnnotation, SearchArticle } from './documents'
import { docFacets, filterTester, FacetCounter, hasAnnotationFacets, type DocFacets, type RegistryView } from './facets'
import { encoder, literalOffsets, matchOffsets, parseQuery, snippetAround, SNIPPET_WIDTH, type ParsedQuery } from './terms'

interface DocRef {
  articleId: string
  ann: SearchAnnotation | null
  /** The text it was indexed with, to tell whether an edit changed it. */
  indexed: string
  /** Facet values as of a registry version: worked out once, not on every query that meets the document. */
  facets: DocFacets | null
  facetsVersion: number
}

interface Entry {
  article: SearchArticle
  byId: Map<string, SearchAnnotation>
  /** Numeric index ids: the article's own document, then one per annotation by annotation id. */
  articleDoc: number
  annotationDocs: Map<string, number>
}

/**
 * How many ranked matches a query looks at. Unfiltered, the best 1,000 fill a screen of articles and give
 * facet counts that guide narrowing; filtered, it looks much deeper so rare combinations are still found.
 * A query that meets more says so (complete: false) instead of counting them all on every keystroke.
 */
const CANDIDATES = 1000
const FILTERED_CANDIDATES = 10000
const FACET_SAMPLE = 1000
const HITS_PER_ARTICLE = 3
/** A screenful of articles; the analyst narrows the query or asks for more. */
const DEFAULT_GROUPS = 20

/**
 * The full-text index of a notebook: one document per article (title, metadata, notes, text) and one per
 * annotation (quote, note, tags, chain or answer), over FlexSearch. Edited documents are not removed from
 * FlexSearch, which would scan the whole index without its memory-hungry fast-update register; they are
 * re-added under a fresh id and the old id is left dead, and the index is rebuilt once dead ids outnumber live ones.
 */
export class SearchIndex {
  private index = createFlexIndex()
  private docs: Array<DocRef | undefined> = []
  private entries = new Map<string, Entry>()
  private registry: Map<string, Pick<RegistryEntry, 'id' | 'name' | 'reliability'>> = new Map()
  /** Spans of sources not yet in the registry, by annotation id: how such a source is labelled. */
  private unregistered = new Map<string, string>()
  private live = 0
  private dead = 0
  private registryVersion = 0

  get size(): number {
    return this.entries.size
  }

  has(articleId: string): boolean {
    return this.entries.has(articleId)
  }

  setRegistry(entries: ReadonlyArray<Pick<RegistryEntry, 'id' | 'name' | 'reliability'>>): void {
    this.registry = new Map(entries.map((e) => [e.id, { id: e.id, name: e.name, reliability: e.reliability }]))
    this.registryVersion++
  }

  /** Adds an article or brings it up to date, re-indexing only the documents whose words changed. */
  upsert(article: SearchArticle): void {
    const old = this.entries.get(article.id)
    const articleText = [article.title, article.outlet, article.byline, article.excerpt, article.notes, article.text].join('\n')
    const entry: Entry = {
      article,
      byId: new Map(article.annotations.map((a) => [a.id, a])),
      articleDoc: this.keepOrAdd(old?.articleDoc, { articleId: article.id, ann: null, indexed: articleText, facets: null, facetsVersion: -1 }),
      annotationDocs: new Map(),
    }
    for (const ann of article.annotations) {
      const text = [ann.quote, ann.note, ann.tags.join(' '), ann.extra].join('\n')
      entry.annotationDocs.set(ann.id, this.keepOrAdd(old?.annotationDocs.get(ann.id), { articleId: article.id, ann, indexed: text, facets: null, facetsVersion: -1 }))
    }
    if (old) for (const [annId, id] of old.annotationDocs) if (!entry.annotationDocs.has(annId)) this.kill(id)
    if (old) for (const a of old.article.annotations) this.unregistered.delete(a.id)
    for (const a of article.annotations) if (a.kind === 'source') this.unregistered.set(a.id, a.quote)
    this.entries.set(article.id, entry)
    if (this.dead > 20000 && this.dead > this.live) this.rebuild()
  }

  remove(articleId: string): void {
    const old = this.entries.get(articleId)
    if (!old) return
    this.kill(old.articleDoc)
    for (const id of old.annotationDocs.values()) this.kill(id)
    for (const a of old.article.annotations) this.unregistered.delete(a.id)
    this.entries.delete(articleId)
  }

  search(query: SearchQuery): SearchResponse {
    const started = performance.now()
    const facets = query.facets ?? {}
    const parsed = parseQuery(query.text)
    const annotationOnly = hasAnnotationFacets(facets)
    const filtered = annotationOnly || !!facets.outlets?.length || !!facets.from || !!facets.to
    if (parsed.words.length === 0 && !filtered) {
      return { text: query.text, groups: [], totalArticles: 0, totalHits: 0, complete: true, facets: EMPTY_FACETS, facetSample: null, indexing: null, tookMs: performance.now() - started }
    }
    const counter = new FacetCounter()
    const failedFilters = filterTester(facets)
    let sampled = 0
    const groups = new Map<string, DocRef[]>()
    let totalHits = 0
    const visit = (id: number) => {
      const ref = this.docs[id]
      if (!ref) return
      if (ref.facetsVersion !== this.registryVersion) {
        const entry = this.entries.get(ref.articleId)!
        ref.facets = docFacets(entry.article, ref.ann, entry.byId, this.registry)
        ref.facetsVersion = this.registryVersion
      }
      const f = ref.facets!
      const failed = failedFilters(f)
      if (sampled < FACET_SAMPLE) {
        counter.add(f, failed)
        sampled++
      }
      if (failed !== 0) return
      totalHits++
      let group = groups.get(ref.articleId)
      if (!group) groups.set(ref.articleId, (group = []))
      group.push(ref)
    }
    let complete = true
    if (parsed.words.length > 0) {
      const limit = filtered ? FILTERED_CANDIDATES : CANDIDATES
      const ids = this.index.search(parsed.words.join(' '), { limit }) as number[]
      complete = ids.length < limit
      for (const id of ids) visit(id)
    } else {
      // Facets without words browse: newest articles first, annotations in text order.
      const ordered = [...this.entries.values()].sort((a, b) => b.article.publishedAt.localeCompare(a.article.publishedAt))
      for (const e of ordered) {
        visit(e.articleDoc)
        for (const id of e.annotationDocs.values()) visit(id)
      }
    }
    const limit = query.limit ?? DEFAULT_GROUPS
    const out: SearchGroup[] = []
    for (const [articleId, docs] of groups) {
      if (out.length >= limit) break
      out.push(this.group(this.entries.get(articleId)!, docs, parsed))
    }
    return {
      text: query.text,
      groups: out,
      totalArticles: groups.size,
      totalHits,
      complete,
      facets: counter.result((facet, value) => (facet === 'source' ? this.sourceLabel(value) : value)),
      facetSample: sampled === FACET_SAMPLE ? FACET_SAMPLE : null,
      indexing: null,
      tookMs: performance.now() - started,
    }
  }

  private group(entry: Entry, docs: DocRef[], query: ParsedQuery): SearchGroup {
    const a = entry.article
    const encoded = query.encoded
    const hits: SearchHit[] = []
    for (const d of docs) {
      if (hits.length >= HITS_PER_ARTICLE) break
      const hit = d.ann ? this.annotationHit(d.ann, d.facets!, encoded) : articleHit(a, query)
      if (hit) hits.push(hit)
    }
    return {
      articleId: a.id,
      title: a.title,
      titleHighlights: matchOffsets(a.title, encoded),
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      hits,
      more: docs.length - Math.min(docs.length, HITS_PER_ARTICLE),
    }
  }

  private annotationHit(ann: SearchAnnotation, f: DocFacets, encoded: string[]): SearchHit {
    const fields = [ann.quote, ann.note, ann.extra, ann.tags.join(' ')]
    let text = ann.quote
    let matches: Highlight[] = matchOffsets(ann.quote, encoded)
    for (const candidate of fields.slice(1)) {
      if (matches.length || !encoded.length) break
      const m = matchOffsets(candidate, encoded)
      if (m.length) {
        text = candidate
        matches = m
      }
    }
    const { snippet, highlights } = snippetAround(text, matches, 200)
    return {
      field: 'annotation',
      annotationId: ann.id,
      kind: ann.kind,
      start: ann.start,
      end: ann.end,
      snippet,
      highlights,
      status: ann.status,
      reliability: f.reliability,
      credibility: ann.credibility,
      sources: f.sources.map((s) => this.sourceLabel(s)),
    }
  }

  private sourceLabel(key: string): string {
    return this.registry.get(key)?.name ?? this.unregistered.get(key) ?? key
  }

  private keepOrAdd(previous: number | undefined, ref: DocRef): number {
    if (previous !== undefined) {
      const old = this.docs[previous]
      if (old && old.indexed === ref.indexed) {
        this.docs[previous] = ref
        return previous
      }
      this.kill(previous)
    }
    const id = this.docs.length
    this.docs.push(ref)
    this.index.add(id, ref.indexed)
    this.live++
    return id
  }

  private kill(id: number): void {
    if (!this.docs[id]) return
    this.docs[id] = undefined
    this.live--
    this.dead++
  }

  private rebuild(): void {
    const entries = [...this.entries.values()].map((e) => e.article)
    this.index = createFlexIndex()
    this.docs = []
    this.entries.clear()
    this.unregistered.clear()
    this.live = 0
    this.dead = 0
    for (const a of entries) this.upsert(a)
  }
}

/**
 * Where an article's own document matched. The body is searched for the words as typed first (fast), then the
 * short fields; only when neither explains the match (a transliterated spelling in the body) is the body read
 * word by word through the encoder.
 */
function articleHit(a: SearchArticle, query: ParsedQuery): SearchHit | null {
  const base = { annotationId: null, kind: null, status: '', reliability: '', credibility: '', sources: [] }
  const { encoded } = query
  const bodyHit = (matches: Highlight[]): SearchHit => {
    const { snippet, highlights } = snippetAround(a.text, matches)
    const first = matches[0]
    return { ...base, field: 'text', start: first ? first[0] : null, end: first ? first[1] : null, snippet, highlights }
  }
  if (!encoded.length) return bodyHit([])
  const literal = literalOffsets(a.text, query.literal, SNIPPET_WIDTH)
  if (literal.length) return bodyHit(literal)
  for (const [field, text] of [['notes', a.notes], ['meta', [a.outlet, a.byline, a.excerpt].filter(Boolean).join(' · ')]] as const) {
    const m = matchOffsets(text, encoded)
    if (m.length) return { ...base, field, start: null, end: null, ...pick(snippetAround(text, m)) }
  }
  // Only the title matched: the group's highlighted title says so, no separate hit is needed.
  if (matchOffsets(a.title, encoded).length) return null
  return bodyHit(matchOffsets(a.text, encoded, SNIPPET_WIDTH))
}

function pick(s: { snippet: string; highlights: Highlight[] }) {
  return { snippet: s.snippet, highlights: s.highlights }
}

/**
 * Forward tokenisation indexes every prefix of every word, which is what makes search-as-you-type a lookup.
 * Resolution 3 keeps a little ranking by position (a title word outranks one deep in the text) at a fraction
 * of the memory of the default 9; see bench/search for the figures behind these choices.
 */
function createFlexIndex(): Index {
  return new Index({ tokenize: 'forward', encoder, resolution: 3, fastupdate: false })
}
