import { Index } from 'flexsearch'
import type { RegistryEntry } from '../../shared/model/source'
import { EMPTY_FACETS, type SearchGroup, type SearchHit, type SearchQuery, type SearchResponse, type Highlight } from '../../shared/model/search'
import type { SearchAnnotation, SearchArticle } from './documents'
import { filterTester, FacetCounter, hasAnnotationFacets, storeFacets } from './facets'
import { DocTable, hashText, RELIABILITY, SOURCE } from './doc-table'
import { encoder, ENCODER_PROBE, literalOffsets, matchOffsets, parseQuery, snippetAround, SNIPPET_WIDTH, type ParsedQuery } from './terms'

export interface IndexSnapshot {
  flex: Array<[key: string, data: string]>
  /** Document ids handed out so far, dead ones included: new documents are numbered from here. */
  docCount: number
  articles: Array<{ article: SearchArticle; doc: number; annotationDocs: number[]; hashes: number[] }>
}

interface Entry {
  slot: number
  article: SearchArticle
  /** Document ids: the article's own, then one per annotation in the order of article.annotations. */
  articleDoc: number
  annotationDocs: Int32Array
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
/** Every match of a word, for intersecting: more than a notebook holds documents. */
const ALL = 2 ** 31 - 1

/**
 * The full-text index of a notebook: one document per article (title, metadata, notes, text) and one per
 * annotation (quote, note, tags, chain or answer), over FlexSearch. FlexSearch holds the words; the table holds,
 * per document, its article, a hash of its words and its facet codes; the articles themselves are kept once, for
 * snippets. Edited documents are not removed from FlexSearch, which would scan the whole index without its
 * memory-hungry fast-update register; they are re-added under a fresh id and the old id is left dead, and the index
 * is rebuilt once dead ids outnumber live ones.
 */
export class SearchIndex {
  private index = createFlexIndex()
  private table = new DocTable()
  private entries = new Map<string, Entry>()
  private slots: Array<Entry | undefined> = []
  private freeSlots: number[] = []
  private registry: Map<string, Pick<RegistryEntry, 'id' | 'name' | 'reliability'>> = new Map()
  /** Spans of sources not yet in the registry, by annotation id: how such a source is labelled. */
  private unregistered = new Map<string, string>()
  private live = 0
  private dead = 0
  private registryVersion = 0
  /** Articles newest first, for browsing by facets without words; dropped whenever an article comes or goes. */
  private byDate: Entry[] | null = null
  /** Scratch marks by document id for intersecting word lists; a stamp per pass saves clearing them. */
  private marks = new Uint32Array(0)
  private slotSeen = new Uint32Array(0)
  private slotGroup = new Int32Array(0)
  private stamp = 0

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
    const slot = old?.slot ?? this.freeSlots.pop() ?? this.slots.length
    const oldDocs = new Map<string, number>()
    if (old) old.article.annotations.forEach((a, i) => oldDocs.set(a.id, old.annotationDocs[i]!))
    const entry: Entry = {
      slot,
      article,
      articleDoc: this.keepOrAdd(old?.articleDoc, slot, -1, articleWords(article)),
      annotationDocs: new Int32Array(article.annotations.length),
    }
    article.annotations.forEach((ann, i) => {
      const previous = oldDocs.get(ann.id)
      oldDocs.delete(ann.id)
      entry.annotationDocs[i] = this.keepOrAdd(previous, slot, i, annotationWords(ann))
    })
    for (const id of oldDocs.values()) this.kill(id)
    if (old) for (const a of old.article.annotations) this.unregistered.delete(a.id)
    for (const a of article.annotations) if (a.kind === 'source') this.unregistered.set(a.id, a.quote)
    this.entries.set(article.id, entry)
    this.slots[slot] = entry
    this.byDate = null
    if (this.dead > 20000 && this.dead > this.live) this.rebuild()
  }

  remove(articleId: string): void {
    const old = this.entries.get(articleId)
    if (!old) return
    this.kill(old.articleDoc)
    for (const id of old.annotationDocs) this.kill(id)
    for (const a of old.article.annotations) this.unregistered.delete(a.id)
    this.entries.delete(articleId)
    this.slots[old.slot] = undefined
    this.freeSlots.push(old.slot)
    this.byDate = null
  }

  /**
   * Everything the index holds, for the cache: FlexSearch's own export (its words) as chunks, then each article with
   * its document ids and their hashes. Taken in one synchronous pass, so no update lands halfway through it.
   */
  snapshot(): IndexSnapshot {
    const flex: Array<[string, string]> = []
    void this.index.export((key: string, data: string) => void flex.push([key, data]))
    const articles = [...this.entries.values()].map((e) => ({
      article: e.article,
      doc: e.articleDoc,
      annotationDocs: [...e.annotationDocs],
      hashes: [this.table.hash[e.articleDoc]!, ...[...e.annotationDocs].map((id) => this.table.hash[id]!)],
    }))
    return { flex, docCount: this.table.length, articles }
  }

  /** An index as a snapshot left it. The snapshot must be whole and consistent: the cache checks it before. */
  static restore(snapshot: IndexSnapshot): SearchIndex {
    const ix = new SearchIndex()
    for (const [key, data] of snapshot.flex) ix.index.import(key, data)
    ix.table.reserve(snapshot.docCount)
    for (const { article, doc, annotationDocs, hashes } of snapshot.articles) {
      const slot = ix.slots.length
      ix.table.restore(doc, slot, -1, hashes[0]!)
      annotationDocs.forEach((id, i) => ix.table.restore(id, slot, i, hashes[i + 1]!))
      const entry: Entry = { slot, article, articleDoc: doc, annotationDocs: Int32Array.from(annotationDocs) }
      ix.entries.set(article.id, entry)
      ix.slots.push(entry)
      for (const a of article.annotations) if (a.kind === 'source') ix.unregistered.set(a.id, a.quote)
      ix.live += 1 + annotationDocs.length
    }
    ix.dead = snapshot.docCount - ix.live
    return ix
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
    const table = this.table
    const counter = new FacetCounter(table)
    const failedFilters = filterTester(facets, table)
    const version = this.registryVersion
    const limit = query.limit ?? DEFAULT_GROUPS
    let sampled = 0
    let totalHits = 0
    let totalArticles = 0
    let visited = 0
    // Per article slot, this query's stamp once seen, and where its matches are kept when it is shown.
    if (this.slotSeen.length < this.slots.length) {
      this.slotSeen = new Uint32Array(this.slots.length * 2)
      this.slotGroup = new Int32Array(this.slots.length * 2)
    }
    const stamp = this.nextStamp()
    const { slotSeen, slotGroup } = this
    /** The matches of the articles shown: only those keep their documents, the rest are only counted. */
    const shown: Array<{ slot: number; docs: number[] }> = []
    const visit = (id: number) => {
      visited++
      if (id >= table.length) return
      const slot = table.article[id]!
      if (slot === -1) return
      if (table.version[id] !== version) {
        const entry = this.slots[slot]!
        const annIndex = table.ann[id]!
        storeFacets(table, id, entry.article, annIndex === -1 ? null : entry.article.annotations[annIndex]!, this.registry, version)
      }
      const failed = failedFilters(id)
      if (sampled < FACET_SAMPLE) {
        counter.add(id, failed)
        sampled++
      }
      if (failed !== 0) return
      totalHits++
      if (slotSeen[slot] !== stamp) {
        slotSeen[slot] = stamp
        totalArticles++
        slotGroup[slot] = shown.length < limit ? shown.push({ slot, docs: [] }) - 1 : -1
      }
      const g = slotGroup[slot]!
      if (g !== -1) shown[g]!.docs.push(id)
    }
    let complete = true
    if (parsed.words.length > 0) {
      const max = filtered ? FILTERED_CANDIDATES : CANDIDATES
      const ids = this.matching(parsed.words, max)
      complete = ids.length < max
      for (let i = 0; i < ids.length; i++) visit(ids[i]!)
    } else {
      // Facets without words browse: newest articles first, annotations in text order, as deep as a filtered query looks.
      this.byDate ??= [...this.entries.values()].sort((a, b) => (a.article.publishedAt < b.article.publishedAt ? 1 : a.article.publishedAt > b.article.publishedAt ? -1 : 0))
      for (const e of this.byDate) {
        if (visited >= FILTERED_CANDIDATES) {
          complete = false
          break
        }
        visit(e.articleDoc)
        for (let i = 0; i < e.annotationDocs.length; i++) visit(e.annotationDocs[i]!)
      }
    }
    const groups: SearchGroup[] = []
    for (const { slot, docs } of shown) groups.push(this.group(this.slots[slot]!, docs, parsed))
    return {
      text: query.text,
      groups,
      totalArticles,
      totalHits,
      complete,
      facets: counter.result((facet, value) => (facet === 'source' ? this.sourceLabel(value) : value)),
      facetSample: sampled === FACET_SAMPLE ? FACET_SAMPLE : null,
      indexing: null,
      tookMs: performance.now() - started,
    }
  }

  /**
   * The documents holding every word, best first, at most `max`. One word is FlexSearch's ranked list as it is.
   * Several are intersected here: FlexSearch's own intersection counts every id of every list in a dictionary
   * object, and a word being typed ("sa") matches most of the notebook, so that cost tens of milliseconds at 10,000
   * articles. Marking ids in a typed array is a few nanoseconds each; the rarest word's ranking orders the result.
   */
  private matching(words: readonly string[], max: number): number[] {
    if (words.length === 1) return this.index.search(words[0]!, { limit: max }) as number[]
    const lists = words.map((w) => this.index.search(w, { limit: ALL }) as number[]).sort((a, b) => a.length - b.length)
    if (this.marks.length < this.table.length) this.marks = new Uint32Array(this.table.article.length)
    let candidates = lists[0]!
    for (let k = 1; k < lists.length && candidates.length > 0; k++) {
      const stamp = this.nextStamp()
      const marks = this.marks
      for (const id of lists[k]!) marks[id] = stamp
      const kept: number[] = []
      const last = k === lists.length - 1
      for (const id of candidates) {
        if (marks[id] !== stamp) continue
        kept.push(id)
        if (last && kept.length === max) break
      }
      candidates = kept
    }
    return candidates
  }

  private nextStamp(): number {
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0)
      this.slotSeen.fill(0)
      this.stamp = 1
    }
    return this.stamp
  }

  private group(entry: Entry, docs: number[], query: ParsedQuery): SearchGroup {
    const a = entry.article
    const encoded = query.encoded
    const hits: SearchHit[] = []
    for (const id of docs) {
      if (hits.length >= HITS_PER_ARTICLE) break
      const annIndex = this.table.ann[id]!
      const hit = annIndex === -1 ? articleHit(a, query) : this.annotationHit(a.annotations[annIndex]!, id, encoded)
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

  private annotationHit(ann: SearchAnnotation, id: number, encoded: string[]): SearchHit {
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
    const t = this.table
    const sources = [t.facet[SOURCE]![id]!, ...(t.more[SOURCE]!.get(id) ?? [])].filter((c) => c > 0)
    return {
      field: 'annotation',
      annotationId: ann.id,
      kind: ann.kind,
      start: ann.start,
      end: ann.end,
      snippet,
      highlights,
      status: ann.status,
      reliability: t.codes[RELIABILITY]!.values[t.facet[RELIABILITY]![id]!]!,
      credibility: ann.credibility,
      sources: sources.map((c) => this.sourceLabel(t.codes[SOURCE]!.values[c]!)),
    }
  }

  private sourceLabel(key: string): string {
    return this.registry.get(key)?.name ?? this.unregistered.get(key) ?? key
  }

  private keepOrAdd(previous: number | undefined, slot: number, annIndex: number, words: string): number {
    const hash = hashText(words)
    if (previous !== undefined && this.table.isLive(previous)) {
      if (this.table.hash[previous] === hash) {
        // Same words: the document stays, but its position and facets may have changed.
        this.table.ann[previous] = annIndex
        this.table.version[previous] = -1
        return previous
      }
      this.kill(previous)
    }
    const id = this.table.add(slot, annIndex, hash)
    this.index.add(id, words)
    this.live++
    return id
  }

  private kill(id: number): void {
    if (!this.table.kill(id)) return
    this.live--
    this.dead++
  }

  private rebuild(): void {
    const articles = [...this.entries.values()].map((e) => e.article)
    this.index = createFlexIndex()
    this.table = new DocTable()
    this.entries.clear()
    this.slots = []
    this.freeSlots = []
    this.unregistered.clear()
    this.live = 0
    this.dead = 0
    for (const a of articles) this.upsert(a)
  }
}

function articleWords(a: SearchArticle): string {
  return [a.title, a.outlet, a.byline, a.excerpt, a.notes, a.text].join('\n')
}

function annotationWords(a: SearchAnnotation): string {
  return [a.quote, a.note, a.tags.join(' '), a.extra].join('\n')
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
const FLEX_OPTIONS = { tokenize: 'forward', resolution: 3, fastupdate: false } as const

function createFlexIndex(): Index {
  return new Index({ ...FLEX_OPTIONS, encoder })
}

/** The FlexSearch release whose export format the cache holds; a unit test keeps it equal to the installed one. */
export const FLEXSEARCH_VERSION = '0.8.212'

/**
 * What a cached index depends on besides the notebook: FlexSearch's export format, the index options, and how the
 * encoder folds words (a sample of words through it), so a cache written by a build that indexed differently is discarded.
 */
export const INDEX_SCHEME = JSON.stringify([FLEXSEARCH_VERSION, FLEX_OPTIONS, encoder.encode(ENCODER_PROBE)])
