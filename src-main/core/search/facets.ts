import type { RegistryEntry } from '../../shared/model/source'
import { bestReliability, type Reliability } from '../../shared/model/grading'
import type { FacetName, FacetValue, SearchFacets } from '../../shared/model/search'
import type { SearchAnnotation, SearchArticle } from './documents'

/** The facet values of one indexed document, worked out at query time against the current registry. */
export interface DocFacets {
  kind: string
  tags: readonly string[]
  status: string
  reliability: string
  credibility: string
  sources: readonly string[]
  outlet: string
  /** The article's publication day, YYYY-MM-DD or '', and its year for counting. */
  day: string
  year: string
}

export type RegistryView = ReadonlyMap<string, Pick<RegistryEntry, 'id' | 'name' | 'reliability'>>

export function docFacets(article: SearchArticle, ann: SearchAnnotation | null, byId: ReadonlyMap<string, SearchAnnotation>, registry: RegistryView): DocFacets {
  const base = { outlet: article.outlet, day: article.publishedAt.slice(0, 10), year: article.publishedAt.slice(0, 4) }
  if (!ann) return { ...base, kind: '', tags: [], status: '', reliability: '', credibility: '', sources: [] }
  let reliability = ''
  let sources: string[] = []
  if (ann.kind === 'source') {
    reliability = ownOrRegistry(ann, registry) ?? ''
    sources = [sourceKey(ann, registry)]
  } else if (ann.kind === 'claim') {
    const srcs = ann.sourceIds.map((id) => byId.get(id)).filter((s): s is SearchAnnotation => s?.kind === 'source')
    reliability = bestReliability(srcs.map((s) => ownOrRegistry(s, registry))) ?? ''
    sources = [...new Set(srcs.map((s) => sourceKey(s, registry)))]
  }
  return { ...base, kind: ann.kind, tags: ann.tags, status: ann.status, reliability, credibility: ann.credibility, sources }
}

function ownOrRegistry(s: SearchAnnotation, registry: RegistryView): Reliability | null {
  if (s.reliability) return s.reliability as Reliability
  return (s.registryId ? registry.get(s.registryId)?.reliability : null) ?? null
}

/** A source is its registry entry; one not yet in the registry stands for itself. */
function sourceKey(s: SearchAnnotation, registry: RegistryView): string {
  return s.registryId && registry.has(s.registryId) ? s.registryId : s.id
}

const ANNOTATION_FACETS = ['kinds', 'tags', 'statuses', 'reliability', 'credibility', 'sources'] as const

export function hasAnnotationFacets(f: SearchFacets): boolean {
  return ANNOTATION_FACETS.some((k) => (f[k]?.length ?? 0) > 0)
}

/** The facets in a fixed order: a facet's position is its bit in the mask of failed filters, and FacetCounter.add relies on it. */
const FACETS: ReadonlyArray<{ name: FacetName; test: (f: SearchFacets, d: DocFacets) => boolean }> = [
  { name: 'kind', test: (f, d) => inList(f.kinds, d.kind) },
  { name: 'tag', test: (f, d) => !f.tags?.length || d.tags.some((t) => f.tags!.includes(t)) },
  { name: 'status', test: (f, d) => inList(f.statuses, d.status) },
  { name: 'reliability', test: (f, d) => inList(f.reliability, d.reliability) },
  { name: 'credibility', test: (f, d) => inList(f.credibility, d.credibility) },
  { name: 'source', test: (f, d) => !f.sources?.length || d.sources.some((s) => f.sources!.includes(s)) },
  { name: 'outlet', test: (f, d) => inList(f.outlets, d.outlet) },
  {
    name: 'year',
    test: (f, d) => (!f.from && !f.to) || (!!d.day && (!f.from || d.day >= f.from) && (!f.to || d.day <= f.to)),
  },
]

function inList(list: readonly string[] | undefined, value: string): boolean {
  return !list?.length || list.includes(value)
}

const ACTIVE: Record<FacetName, (f: SearchFacets) => boolean> = {
  kind: (f) => !!f.kinds?.length,
  tag: (f) => !!f.tags?.length,
  status: (f) => !!f.statuses?.length,
  reliability: (f) => !!f.reliability?.length,
  credibility: (f) => !!f.credibility?.length,
  source: (f) => !!f.sources?.length,
  outlet: (f) => !!f.outlets?.length,
  year: (f) => !!f.from || !!f.to,
}

/**
 * Which filters a document fails, as a bit mask over FACETS; only the facets in use are tested, since a query
 * may meet tens of thousands of documents. A document counts towards a facet's values when it fails no other
 * filter, so choosing "claim" still shows how many sources and questions match.
 */
export function filterTester(f: SearchFacets): (d: DocFacets) => number {
  const active = FACETS.map((facet, i) => ({ bit: 1 << i, test: facet.test, on: ACTIVE[facet.name](f) })).filter((x) => x.on)
  if (active.length === 0) return () => 0
  return (d) => {
    let mask = 0
    for (const a of active) if (!a.test(f, d)) mask |= a.bit
    return mask
  }
}

/** Counts facet values without allocating per document: a query may count thousands of them on every keystroke. */
export class FacetCounter {
  private counts = FACETS.map(() => new Map<string, number>())

  add(d: DocFacets, failed: number): void {
    const c = this.counts
    if (failed === 0 || failed === 1) bump(c[0]!, d.kind)
    if (failed === 0 || failed === 2) for (const t of d.tags) bump(c[1]!, t)
    if (failed === 0 || failed === 4) bump(c[2]!, d.status)
    if (failed === 0 || failed === 8) bump(c[3]!, d.reliability)
    if (failed === 0 || failed === 16) bump(c[4]!, d.credibility)
    if (failed === 0 || failed === 32) for (const s of d.sources) bump(c[5]!, s)
    if (failed === 0 || failed === 64) bump(c[6]!, d.outlet)
    if (failed === 0 || failed === 128) bump(c[7]!, d.year)
  }

  result(label: (facet: FacetName, value: string) => string): Record<FacetName, FacetValue[]> {
    const out = {} as Record<FacetName, FacetValue[]>
    FACETS.forEach((facet, i) => {
      out[facet.name] = [...this.counts[i]!]
        .map(([value, count]) => ({ value, label: label(facet.name, value), count }))
        .sort((a, b) => (facet.name === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.label.localeCompare(b.label)))
    })
    return out
  }
}

function bump(m: Map<string, number>, value: string): void {
  if (value) m.set(value, (m.get(value) ?? 0) + 1)
}
