import type { Annotation, AnnotationKind, Claim, SourceAnnotation } from '../../../src-main/shared/model/annotation'
import { ANNOTATION_KINDS } from '../../../src-main/shared/model/annotation'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import {
  CLAIM_STATUS,
  CONFIDENCE_MEANING,
  LIKELIHOOD_BAND,
  QUESTION_STATUS,
  RELIABILITY_MEANING,
  bestReliability,
  evidenceCode,
  evidenceCodeMeaning,
  type Reliability,
} from '../../../src-main/shared/model/grading'

/** Pure logic behind the annotation panel: grouping, filtering and the words on chips. */

export const KIND_LABEL: Record<AnnotationKind, { one: string; many: string }> = {
  claim: { one: 'Claim', many: 'Claims' },
  source: { one: 'Source', many: 'Sources' },
  question: { one: 'Question', many: 'Questions' },
}

export interface PanelFilter {
  kinds: ReadonlySet<AnnotationKind>
  tag: string
  /** A claim or question status, "orphaned", or "" for all. */
  status: string
}

export const NO_FILTER: PanelFilter = { kinds: new Set(ANNOTATION_KINDS), tag: '', status: '' }

export const STATUS_OPTIONS: readonly string[] = [...new Set<string>([...CLAIM_STATUS, ...QUESTION_STATUS, 'orphaned'])]

export function matchesFilter(a: Annotation, f: PanelFilter): boolean {
  if (!f.kinds.has(a.kind)) return false
  if (f.tag && !a.tags.includes(f.tag)) return false
  if (f.status === 'orphaned') return a.orphaned
  if (f.status) return 'status' in a && a.status === f.status
  return true
}

export function isFiltered(f: PanelFilter): boolean {
  return f.kinds.size !== ANNOTATION_KINDS.length || f.tag !== '' || f.status !== ''
}

/** Document order: by where the anchor starts, wider spans first at equal starts; orphans, which have no place, last. */
export function documentOrder(a: Annotation, b: Annotation): number {
  if (a.orphaned !== b.orphaned) return a.orphaned ? 1 : -1
  return a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end
}

export interface KindGroup {
  kind: AnnotationKind
  total: number
  items: Annotation[]
}

export function groupForPanel(records: readonly Annotation[], filter: PanelFilter): KindGroup[] {
  return ANNOTATION_KINDS.map((kind) => {
    const ofKind = records.filter((a) => a.kind === kind)
    return { kind, total: ofKind.length, items: ofKind.filter((a) => matchesFilter(a, filter)).sort(documentOrder) }
  })
}

/** Every annotation id in panel order (the order keyboard navigation in the list follows). */
export function panelOrder(groups: readonly KindGroup[]): string[] {
  return groups.flatMap((g) => g.items.map((a) => a.id))
}

/** A source annotation's grade: its own, else its registry entry's. */
export function sourceReliability(source: SourceAnnotation, registry: ReadonlyMap<string, RegistryEntry>): Reliability | null {
  if (source.reliability) return source.reliability
  return source.registryId ? (registry.get(source.registryId)?.reliability ?? null) : null
}

export interface Evidence {
  code: string
  meaning: string
}

/** A claim's evidence code from the best reliability of its linked sources and its own credibility. */
export function claimEvidence(claim: Claim, records: readonly Annotation[], registry: ReadonlyMap<string, RegistryEntry>): Evidence {
  const grades = claim.sourceIds.map((id) => {
    const s = records.find((r) => r.id === id)
    return s?.kind === 'source' ? sourceReliability(s, registry) : null
  })
  const code = evidenceCode(bestReliability(grades), claim.credibility)
  const linked = claim.sourceIds.length === 0 ? ' No source is linked yet, so reliability reads F.' : ''
  return { code, meaning: `${code}: ${evidenceCodeMeaning(code)}${linked}` }
}

/** "likely · moderate" with its tooltip, or null when neither is set. */
export function estimateChip(claim: Claim): Evidence | null {
  if (!claim.likelihood && !claim.confidence) return null
  const parts = [claim.likelihood ?? 'likelihood not set', claim.confidence ?? 'confidence not set']
  const words: string[] = []
  if (claim.likelihood) words.push(`Likelihood: ${claim.likelihood} (${LIKELIHOOD_BAND[claim.likelihood]}).`)
  if (claim.confidence) words.push(`${CONFIDENCE_MEANING[claim.confidence]}.`)
  return { code: parts.join(' · '), meaning: words.join(' ') }
}

export function reliabilityChip(r: Reliability | null): Evidence | null {
  return r ? { code: r, meaning: `${r}: ${RELIABILITY_MEANING[r]}` } : null
}

/** One line of the quote for a list row. */
export function quoteLine(a: Annotation, max = 140): string {
  const q = a.anchor.exact.replace(/\s+/g, ' ').trim()
  return q.length > max ? `${q.slice(0, max - 1)}…` : q || '(empty)'
}

/** Up to this many sources, a claim's "Attributed to" list shows them all; beyond, the nearest and a filter. */
export const SOURCE_CHOICES = 8
/** The most sources a filter lists at once; the rest are counted, so a short filter over a long article stays short. */
const FILTER_LIMIT = 40

export interface SourceChoices {
  /** In document order: the sources the claim cites and the ones offered, as they stand in the text. */
  shown: SourceAnnotation[]
  /** How many of `shown` are offered rather than already cited. */
  offered: number
  /** Sources that would be offered but are not shown: further away, or past the filter's limit. */
  more: number
}

/**
 * The sources a claim's "Attributed to" list offers. A short article shows every source. A long one shows the
 * sources the claim already cites and, since attribution sits beside what it attributes, the ones nearest the
 * claim in the text; `query` instead offers every source whose quote or registry entry holds it.
 */
export function sourceChoices(claim: Claim, sources: readonly SourceAnnotation[], registry: ReadonlyMap<string, RegistryEntry>, query: string): SourceChoices {
  const cited = new Set(claim.sourceIds)
  const q = query.trim().toLocaleLowerCase()
  const candidates = sources.filter((s) => !cited.has(s.id) && (!q || sourceText(s, registry).includes(q)))
  let offered: SourceAnnotation[]
  if (q) offered = candidates.slice(0, FILTER_LIMIT)
  else if (sources.length <= SOURCE_CHOICES) offered = candidates
  else {
    const at = claim.anchor.start
    offered = candidates
      .sort((a, b) => Math.abs(a.anchor.start - at) - Math.abs(b.anchor.start - at) || a.anchor.start - b.anchor.start)
      .slice(0, Math.max(3, SOURCE_CHOICES - cited.size))
  }
  const keep = new Set([...offered.map((s) => s.id), ...cited])
  const shown = sources.filter((s) => keep.has(s.id)).sort(documentOrder)
  return { shown, offered: offered.length, more: candidates.length - offered.length }
}

function sourceText(s: SourceAnnotation, registry: ReadonlyMap<string, RegistryEntry>): string {
  const entry = s.registryId ? registry.get(s.registryId) : undefined
  return [s.anchor.exact, entry?.name ?? '', ...(entry?.aliases ?? [])].join('\n').toLocaleLowerCase()
}
