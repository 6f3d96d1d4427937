import type { Annotation, Claim, SourceAnnotation } from '../../shared/model/annotation'
import type { Link } from '../../shared/model/link'
import type { RegistryEntry } from '../../shared/model/source'
import { claimEvidenceCode, sourceReliability } from '../../shared/model/evidence'
import type { LedgerRow, LedgerSource, LinkEnd } from '../../shared/model/ledger'
import type { AnnotationLookup } from '../catalogue/notebook-catalogue'
import type { NotebookData } from '../catalogue/notebook-data'
import type { ScannedArticle } from '../catalogue/full-scan'

type Located = AnnotationLookup

/** Every claim in the notebook with its sources, grades, links and the two flags, in article then text order. */
export function claimsLedger(data: NotebookData): LedgerRow[] {
  const { registry, lookup: located } = data
  const rows: LedgerRow[] = []
  for (const { meta, annotations } of sortArticles(data.articles)) {
    const byId = new Map(annotations.map((a) => [a.id, a]))
    for (const claim of annotations) {
      if (claim.kind !== 'claim') continue
      const links = data.linksOf(claim.id)
      const ends = linkEnds(claim.id, links, located)
      rows.push({
        articleId: meta.id,
        articleTitle: meta.title,
        outlet: meta.outlet,
        publishedAt: meta.publishedAt,
        claim,
        sources: claimSources(claim, byId, registry),
        evidenceCode: claimEvidenceCode(claim, byId, registry),
        links: ends,
        singleSource: isSingleSource(claim, links, located, registry),
        contested: ends.some((e) => e.type === 'contradicts'),
      })
    }
  }
  return rows
}

/** Newest first. The keys are ISO dates, so code-unit order is date order, without a collator's cost at 10,000 articles. */
function sortArticles(scan: readonly ScannedArticle[]): ScannedArticle[] {
  const key = (a: ScannedArticle) => a.meta.publishedAt || a.meta.createdAt
  return [...scan].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? 1 : ka > kb ? -1 : 0
  })
}

function claimSources(claim: Claim, byId: ReadonlyMap<string, Annotation>, registry: ReadonlyMap<string, RegistryEntry>): LedgerSource[] {
  return claim.sourceIds.flatMap((id) => {
    const s = byId.get(id)
    if (!s || s.kind !== 'source') return []
    const entry = s.registryId ? registry.get(s.registryId) : undefined
    return [{ annotationId: s.id, quote: s.anchor.exact, registryId: entry?.id ?? null, name: entry?.name ?? s.anchor.exact, reliability: sourceReliability(s, registry) ?? '', chain: s.chain }]
  })
}

/** The links touching an annotation, from its side (out of `links`, which may hold others): a link shows in the panels of both of its ends. */
export function linkEnds(annotationId: string, links: readonly Link[], located: Located): LinkEnd[] {
  const out: LinkEnd[] = []
  for (const l of links) {
    const direction = l.from.annotationId === annotationId ? 'out' : l.to.annotationId === annotationId ? 'in' : null
    if (!direction) continue
    const other = direction === 'out' ? l.to : l.from
    const found = located.get(other.annotationId)
    out.push({
      linkId: l.id,
      type: l.type,
      direction,
      articleId: other.articleId,
      articleTitle: found?.meta.title ?? '(deleted article)',
      annotationId: other.annotationId,
      kind: found?.annotation.kind ?? null,
      quote: found?.annotation.anchor.exact ?? '',
    })
  }
  return out
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Where a source's information comes from: the innermost link of its relay chain (The Guardian citing Reuters
 * citing the NIS comes from the NIS), else its registry entry, else the words of its span.
 */
function origin(s: SourceAnnotation, registry: ReadonlyMap<string, RegistryEntry>): string {
  const inner = s.chain[s.chain.length - 1]
  if (inner) {
    const n = norm(inner)
    const entry = [...registry.values()].find((e) => norm(e.name) === n || e.aliases.some((a) => norm(a) === n))
    return entry ? `entry:${entry.id}` : `name:${n}`
  }
  if (s.registryId && registry.has(s.registryId)) return `entry:${s.registryId}`
  return `name:${norm(s.anchor.exact)}`
}

/**
 * Single-source (`links` holds at least those touching the claim): the claim has support and all of it traces to one origin. Support is the claim's own sources
 * plus those of claims elsewhere that support it or say the same, since two articles repeating one agency's
 * statement are still one source.
 */
export function isSingleSource(claim: Claim, links: readonly Link[], located: Located, registry: ReadonlyMap<string, RegistryEntry>): boolean {
  const supporting = new Set<string>([claim.id])
  for (const l of links) {
    if (l.type === 'supports' && l.to.annotationId === claim.id) supporting.add(l.from.annotationId)
    if (l.type === 'same-as' && (l.to.annotationId === claim.id || l.from.annotationId === claim.id)) {
      supporting.add(l.to.annotationId === claim.id ? l.from.annotationId : l.to.annotationId)
    }
  }
  const origins = new Set<string>()
  for (const id of supporting) {
    const found = located.get(id)
    if (!found) continue
    const a = found.annotation
    if (a.kind === 'source') origins.add(origin(a, registry))
    if (a.kind !== 'claim') continue
    for (const sid of a.sourceIds) {
      const s = located.get(sid)?.annotation
      if (s?.kind === 'source') origins.add(origin(s, registry))
    }
  }
  return origins.size === 1
}
