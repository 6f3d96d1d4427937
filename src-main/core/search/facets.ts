import type { RegistryEntry } from '../../shared/model/source'
import { bestReliability, type Reliability } from '../../shared/model/grading'
import type { FacetName, FacetValue, SearchFacets } from '../../shared/model/search'
import type { SearchAnnotation, SearchArticle } from './documents'
import { FACET_ORDER, SOURCE, TAG, YEAR, type DocTable } from './doc-table'

export type RegistryView = ReadonlyMap<string, Pick<RegistryEntry, 'id' | 'name' | 'reliability'>>

/**
 * Works out the facet values of one document against the current registry and stores them as codes in the
 * table. Registry names and grades are looked up here rather than at indexing, so renaming or regrading an entry
 * needs no re-indexing: the table notes the registry version and the document is worked out again when it is met.
 */
export function storeFacets(table: DocTable, id: number, article: SearchArticle, ann: SearchAnnotation | null, registry: RegistryView, version: number): void {
  let reliability = ''
  let sources: string[] = []
  if (ann?.kind === 'source') {
    reliability = ownOrRegistry(ann, registry) ?? ''
    sources = [sourceKey(ann, registry)]
  } else if (ann?.kind === 'claim') {
    const srcs: SearchAnnotation[] = []
    for (const sid of ann.sourceIds) {
      const s = article.annotations.find((a) => a.id === sid)
      if (s?.kind === 'source') srcs.push(s)
    }
    reliability = bestReliability(srcs.map((s) => ownOrRegistry(s, registry))) ?? ''
    sources = [...new Set(srcs.map((s) => sourceKey(s, registry)))]
  }
  const day = article.publishedAt.slice(0, 10)
  const values: Record<FacetName, readonly string[]> = {
    kind: one(ann?.kind),
    tag: ann?.tags ?? [],
    status: one(ann?.status),
    reliability: one(reliability),
    credibility: one(ann?.credibility),
    source: sources,
    outlet: one(article.outlet),
    year: one(day.slice(0, 4)),
  }
  FACET_ORDER.forEach((name, f) => table.setFacet(f, id, values[name]))
  table.day[id] = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Number(day.replace(/-/g, '')) : 0
  table.version[id] = version
}

function one(value: string | undefined): readonly string[] {
  return value ? [value] : []
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

const SELECTED: Record<FacetName, (f: SearchFacets) => readonly string[] | undefined> = {
  kind: (f) => f.kinds,
  tag: (f) => f.tags,
  status: (f) => f.statuses,
  reliability: (f) => f.reliability,
  credibility: (f) => f.credibility,
  source: (f) => f.sources,
  outlet: (f) => f.outlets,
  year: () => undefined,
}

/**
 * Which filters a document fails, as a bit mask over FACET_ORDER; only the facets in use are tested. Each test is a
 * lookup of the document's code in a small array of the selected codes.
 */
export function filterTester(f: SearchFacets, table: DocTable): (id: number) => number {
  const tests: Array<(id: number) => boolean> = []
  const bits: number[] = []
  FACET_ORDER.forEach((name, i) => {
    const selected = SELECTED[name](f)
    if (!selected?.length) return
    const codes = table.codes[i]!
    const allowed = new Uint8Array(codes.size + selected.length)
    // A value no document has yet still gets its code: a document worked out later in this query may have it.
    for (const v of selected) allowed[codes.code(v)] = 1
    const col = table.facet[i]!
    const more = table.more[i]!
    tests.push(i === TAG || i === SOURCE ? (id) => allowed[col[id]!] === 1 || (more.get(id)?.some((c) => allowed[c] === 1) ?? false) : (id) => allowed[col[id]!] === 1)
    bits.push(1 << i)
  })
  if (f.from || f.to) {
    const from = f.from ? Number(f.from.replace(/-/g, '')) : 0
    const to = f.to ? Number(f.to.replace(/-/g, '')) : 99999999
    const day = table.day
    tests.push((id) => day[id] !== 0 && day[id]! >= from && day[id]! <= to)
    bits.push(1 << YEAR)
  }
  if (tests.length === 0) return () => 0
  return (id) => {
    let mask = 0
    for (let t = 0; t < tests.length; t++) if (!tests[t]!(id)) mask |= bits[t]!
    return mask
  }
}

const collator = new Intl.Collator()

/**
 * Counts facet values in one array of counts per facet. A document counts towards a facet's values when it fails
 * no other filter, so choosing "claim" still shows how many sources and questions match.
 */
export class FacetCounter {
  private readonly counts: Int32Array[]

  constructor(private readonly table: DocTable) {
    this.counts = table.codes.map((c) => new Int32Array(c.size))
  }

  add(id: number, failed: number): void {
    const { facet, more } = this.table
    for (let f = 0; f < FACET_ORDER.length; f++) {
      if (failed !== 0 && failed !== 1 << f) continue
      this.bump(f, facet[f]![id]!)
      if (f === TAG || f === SOURCE) for (const c of more[f]!.get(id) ?? []) this.bump(f, c)
    }
  }

  /** Documents worked out during the query may bring codes the arrays were not sized for. */
  private bump(f: number, code: number): void {
    let counts = this.counts[f]!
    if (code >= counts.length) {
      counts = new Int32Array(this.table.codes[f]!.size * 2)
      counts.set(this.counts[f]!)
      this.counts[f] = counts
    }
    counts[code]!++
  }

  result(label: (facet: FacetName, value: string) => string): Record<FacetName, FacetValue[]> {
    const out = {} as Record<FacetName, FacetValue[]>
    FACET_ORDER.forEach((name, f) => {
      const counts = this.counts[f]!
      const values = this.table.codes[f]!.values
      const list: FacetValue[] = []
      // Code 0 is "no value", which is not offered as a facet value.
      for (let c = 1; c < counts.length; c++) if (counts[c]! > 0) list.push({ value: values[c]!, label: label(name, values[c]!), count: counts[c]! })
      out[name] = list.sort(name === 'year' ? (a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0) : (a, b) => b.count - a.count || collator.compare(a.label, b.label))
    })
    return out
  }
}
