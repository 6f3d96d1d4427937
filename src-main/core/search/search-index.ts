import { Index } from 'flexsearch'
import type { RegistryEntry } from '../../shared/model/source'
import { EMPTY_FACETS, type SearchGroup, type SearchHit, type SearchQuery, type SearchResponse, type Highlight } from '../../shared/model/search'
import type { SearchAnnotation, SearchArticle } from './documents'
import { docFacets, failedFilters, FacetCounter, hasAnnotationFacets, type DocFacets, type RegistryView } from './facets'
import { encoder, matchOffsets, parseQuery, snippetAround } from './terms'

interface DocRef {
  articleId: string
  ann: SearchAnnotation | null
  /** The text it was indexed with, to tell whether an edit changed it. */
  indexed: string
}

interface Entry {
  article: SearchArticle
  byId: Map<string, SearchAnnotation>
  /** Numeric index ids: the article's own document, then one per annotation by annotation id. */
  articleDoc: number
  annotationDocs: Map<string, number>
}

/** Enough candidates that facet counts stay exact for all but the commonest words. */
const CANDIDATES = 30000
const HITS_PER_ARTICLE = 3
const DEFAULT_GROUPS = 50

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

  get size(): number {
    return this.entries.size
  }

  has(articleId: string): boolean {
    return this.entries.has(articleId)
  }

  setRegistry(entries: ReadonlyArray<Pick<RegistryEntry, 'id' | 'name' | 'reliability'>>): void {
    this.registry = new Map(entries.map((e) => [e.id, { id: e.id, name: e.name, reliability: e.reliability }]))
  }

  /** Adds an article or brings it up to date, re-indexing only the documents whose words changed. */
  upsert(article: SearchArticle): void {
    const old = this.entries.get(article.id)
    const articleText = [article.title, article.outlet, article.byline, article.excerpt, article.notes, article.text].join('\n')
    const entry: Entry = {
      article,
      byId: new Map(article.annotations.map((a) => [a.id, a])),
      articleDoc: this.keepOrAdd(old?.articleDoc, { articleId: article.id, ann: null, indexed: articleText }),
      annotationDocs: new Map(),
    }
    for (const ann of article.annotations) {
      const text = [ann.quote, ann.note, ann.tags.join(' '), ann.extra].join('\n')
      entry.annotationDocs.set(ann.id, this.keepOrAdd(old?.annotationDocs.get(ann.id), { articleId: article.id, ann, indexed: text }))
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
      return { text: query.text, groups: [], totalArticles: 0, totalHits: 0, facets: EMPTY_FACETS, indexing: null, tookMs: performance.now() - started }
    }
    const counter = new FacetCounter()
    const groups = new Map<string, Array<{ ref: DocRef; facets: DocFacets }>>()
    let totalHits = 0
    const visit = (id: number) => {
      const ref = this.docs[id]
      if (!ref) return
      const entry = this.entries.get(ref.articleId)!
      const f = docFacets(entry.article, ref.ann, entry.byId, this.registry)
      const failed = failedFilters(facets, f)
      counter.add(f, failed)
      if (failed !== 0) return
      totalHits++
      let group = groups.get(ref.articleId)
      if (!group) groups.set(ref.articleId, (group = []))
      group.push({ ref, facets: f })
    }
    if (parsed.words.length > 0) {
      for (const id of this.index.search(parsed.words.join(' '), { limit: CANDIDATES }) as number[]) visit(id)
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
      out.push(this.group(this.entries.get(articleId)!, docs, parsed.encoded))
    }
    return {
      text: query.text,
      groups: out,
      totalArticles: groups.size,
      totalHits,
      facets: counter.result((facet, value) => (facet === 'source' ? this.sourceLabel(value) : value)),
      indexing: null,
      tookMs: performance.now() - started,
    }
  }

  private group(entry: Entry, docs: Array<{ ref: DocRef; facets: DocFacets }>, encoded: string[]): SearchGroup {
    const a = entry.article
    const hits: SearchHit[] = []
    for (const d of docs) {
      if (hits.length >= HITS_PER_ARTICLE) break
      const hit = d.ref.ann ? this.annotationHit(d.ref.ann, d.facets, encoded) : articleHit(a, encoded)
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

function articleHit(a: SearchArticle, encoded: string[]): SearchHit | null {
  const base = { annotationId: null, kind: null, status: '', reliability: '', credibility: '', sources: [] }
  const body = matchOffsets(a.text, encoded)
  if (body.length || !encoded.length) {
    const { snippet, highlights } = snippetAround(a.text, body)
    const first = body[0]
    return { ...base, field: 'text', start: first ? first[0] : null, end: first ? first[1] : null, snippet, highlights }
  }
  for (const [field, text] of [['notes', a.notes], ['meta', [a.outlet, a.byline, a.excerpt].filter(Boolean).join(' · ')]] as const) {
    const m = matchOffsets(text, encoded)
    if (m.length) return { ...base, field, start: null, end: null, ...pick(snippetAround(text, m)) }
  }
  // Only the title matched: the group's highlighted title says so, no separate hit is needed.
  return matchOffsets(a.title, encoded).length ? null : { ...base, field: 'text', start: null, end: null, ...pick(snippetAround(a.text, [])) }
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
