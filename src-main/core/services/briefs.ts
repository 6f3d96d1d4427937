import { BriefSchema, type Brief, type BriefFilter } from '../../shared/model/brief'
import type { Annotation, AnnotationKind } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import { claimEvidenceCode } from '../../shared/model/evidence'
import { newId } from '../../shared/model/ids'
import type { RegistryEntry } from '../../shared/model/source'
import type { BriefEvidence } from '../../shared/ipc-contract'
import { sanitizeHtml } from '../import/sanitize'
import type { EvidenceEntry, ExportArticle } from '../export/model'
import { UserError } from '../errors'
import type { ServiceContext } from './context'
import { byNewest } from './articles'
import { catalogueOf } from '../catalogue/notebook-catalogue'

export type BriefFields = Pick<Brief, 'title' | 'author' | 'date' | 'caveat' | 'bluf' | 'judgments' | 'items' | 'filter'>

export function listBriefs(ctx: ServiceContext): Brief[] {
  return [...ctx.store.index.briefs].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
}

export function getBrief(ctx: ServiceContext, id: string): Brief {
  const brief = ctx.store.index.briefs.find((b) => b.id === id)
  if (!brief) throw new UserError(`There is no brief with id ${id} in this notebook.`)
  return brief
}

export async function createBrief(ctx: ServiceContext, input: Partial<BriefFields> & { title: string }): Promise<Brief> {
  const now = ctx.now()
  const brief = parseBrief({
    id: newId('brief'),
    author: '',
    date: now.slice(0, 10),
    caveat: '',
    bluf: '',
    judgments: '',
    items: [],
    filter: null,
    ...input,
    createdAt: now,
    updatedAt: now,
  })
  await checkItems(ctx, brief.items)
  await ctx.store.updateIndex((index) => void index.briefs.push(brief))
  return brief
}

export async function updateBrief(ctx: ServiceContext, id: string, patch: Partial<BriefFields>): Promise<Brief> {
  const current = getBrief(ctx, id)
  const updated = parseBrief({ ...current, ...patch, updatedAt: ctx.now() })
  if (patch.items) await checkItems(ctx, patch.items.filter((i) => !current.items.some((c) => c.annotationId === i.annotationId)))
  await ctx.store.updateIndex((index) => {
    index.briefs = index.briefs.map((b) => (b.id === id ? updated : b))
  })
  return updated
}

export async function deleteBrief(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  getBrief(ctx, id)
  await ctx.store.updateIndex((index) => {
    index.briefs = index.briefs.filter((b) => b.id !== id)
  })
  return { deleted: true }
}

/** Key judgments are rich text from the renderer: they pass the one sanitizing policy before they are stored. */
function parseBrief(raw: unknown): Brief {
  const parsed = BriefSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UserError(`The brief's ${String(issue?.path[0] ?? 'data')} is not valid: ${issue?.message ?? 'bad value'}.`)
  }
  const brief = parsed.data
  const seen = new Set<string>()
  brief.items = brief.items.filter((i) => (seen.has(i.annotationId) ? false : (seen.add(i.annotationId), true)))
  return { ...brief, judgments: brief.judgments ? sanitizeHtml(brief.judgments) : '' }
}

async function checkItems(ctx: ServiceContext, items: Brief['items']): Promise<void> {
  for (const item of items) {
    if (!ctx.store.index.articles.some((a) => a.id === item.articleId)) throw new UserError(`There is no article ${item.articleId} to take evidence from.`)
    const file = await ctx.store.readArticle(item.articleId)
    if (!file.annotations.some((a) => a.id === item.annotationId)) throw new UserError(`There is no annotation ${item.annotationId} in article ${item.articleId}.`)
  }
}

/**
 * Does an annotation match a brief's filter? Each criterion that is set must hold (an empty list sets nothing);
 * within one criterion any value will do. Status and evidence code are claim grades, so setting either one
 * selects claims only. Orphaned annotations no longer stand in their article and are left to be picked by hand.
 */
export function matchesFilter(a: Annotation, code: string | null, filter: BriefFilter): boolean {
  if (a.orphaned) return false
  if (filter.kinds.length && !filter.kinds.includes(a.kind)) return false
  if (filter.tags.length && !a.tags.some((t) => filter.tags.includes(t))) return false
  if (filter.statuses.length && !(a.kind === 'claim' && filter.statuses.includes(a.status))) return false
  if (filter.evidenceCodes.length && !(a.kind === 'claim' && code !== null && filter.evidenceCodes.includes(code))) return false
  return true
}

export function isEmptyFilter(filter: BriefFilter | null): boolean {
  return !filter || (!filter.articleIds.length && !filter.kinds.length && !filter.tags.length && !filter.statuses.length && !filter.evidenceCodes.length)
}

export interface ResolvedBrief {
  brief: Brief
  entries: EvidenceEntry[]
  /** Every article the evidence comes from, whole, in the order they are first cited (empty when not asked for). */
  articles: ExportArticle[]
  missing: number
}

const KIND_ORDER: AnnotationKind[] = ['claim', 'source', 'question']
const KIND_LETTER: Record<AnnotationKind, string> = { claim: 'C', source: 'S', question: 'Q' }

/** An article's metadata with its annotations: all an evidence entry needs from it. */
type EvidenceArticle = Pick<ExportArticle, 'meta' | 'annotations'>

/**
 * The brief's evidence as it stands now. Picked items come first in the analyst's order, then the filter's
 * matches (newest article first, in text order); each annotation is taken from the notebook's catalogue at this
 * moment, so a changed status or grade shows at once. Evidence is then grouped claims, sources, questions and
 * labelled C1, S1, Q1. With `articles`, the cited articles are read whole for an export (progress counts those).
 */
export async function resolveBrief(ctx: ServiceContext, id: string, options: { articles?: boolean; onArticle?: (done: number, total: number) => void } = {}): Promise<ResolvedBrief> {
  const brief = getBrief(ctx, id)
  const catalogue = catalogueOf(ctx.store)
  await catalogue.ready()
  const registry = catalogue.registry
  const metas = new Map(ctx.store.index.articles.map((a) => [a.id, a]))
  const inCatalogue = async (meta: ArticleMeta): Promise<EvidenceArticle | null> => {
    const annotations = await catalogue.annotationsOf(meta.id)
    return annotations ? { meta, annotations } : null
  }

  type Found = { annotation: Annotation; article: EvidenceArticle; picked: boolean }
  const found: Found[] = []
  const seen = new Set<string>()
  let missing = 0
  for (const item of brief.items) {
    const meta = metas.get(item.articleId)
    const article = meta ? await inCatalogue(meta) : null
    const annotation = article?.annotations.find((a) => a.id === item.annotationId)
    if (!article || !annotation) {
      missing++
      continue
    }
    if (seen.has(annotation.id)) continue
    seen.add(annotation.id)
    found.push({ annotation, article, picked: true })
  }

  const filter = brief.filter
  if (filter && !isEmptyFilter(filter)) {
    const scope = (filter.articleIds.length ? filter.articleIds.map((aid) => metas.get(aid)).filter((m): m is ArticleMeta => !!m) : [...metas.values()]).sort(byNewest)
    for (const meta of scope) {
      const article = await inCatalogue(meta)
      if (!article) continue
      let byId: Map<string, Annotation> | null = null
      for (const a of article.annotations) {
        if (seen.has(a.id)) continue
        let code: string | null = null
        if (a.kind === 'claim' && filter.evidenceCodes.length) code = claimEvidenceCode(a, (byId ??= new Map(article.annotations.map((x) => [x.id, x]))), registry)
        if (!matchesFilter(a, code, filter)) continue
        seen.add(a.id)
        found.push({ annotation: a, article, picked: false })
      }
    }
  }

  const counters: Record<AnnotationKind, number> = { claim: 0, source: 0, question: 0 }
  const entries: EvidenceEntry[] = []
  for (const kind of KIND_ORDER) {
    for (const f of found) {
      if (f.annotation.kind !== kind) continue
      entries.push(evidenceEntry(f.annotation, f.article, registry, `${KIND_LETTER[kind]}${++counters[kind]}`, f.picked))
    }
  }
  const cited: ExportArticle[] = []
  if (options.articles !== false) {
    const ids = [...new Set(entries.map((e) => e.article.id))]
    for (const aid of ids) {
      const f = await ctx.store.readArticle(aid)
      cited.push({ meta: metas.get(aid)!, doc: f.doc, notes: f.notes, annotations: f.annotations, dismissedSuggestions: f.dismissedSuggestions })
      options.onArticle?.(cited.length, ids.length)
    }
  }
  return { brief, entries, articles: cited, missing }
}

export function evidenceEntry(a: Annotation, article: EvidenceArticle, registry: ReadonlyMap<string, RegistryEntry>, label: string, picked: boolean): EvidenceEntry {
  const byId = new Map(article.annotations.map((x) => [x.id, x]))
  let evidenceCode: string | null = null
  let sourceNames: string[] = []
  if (a.kind === 'claim') {
    evidenceCode = claimEvidenceCode(a, byId, registry)
    sourceNames = a.sourceIds.map((sid) => sourceName(byId.get(sid), registry)).filter((n): n is string => !!n)
  } else if (a.kind === 'source') {
    sourceNames = [sourceName(a, registry) ?? a.anchor.exact]
  }
  return { label, annotation: a, article: article.meta, evidenceCode, sourceNames, picked }
}

function sourceName(a: Annotation | undefined, registry: ReadonlyMap<string, RegistryEntry>): string | null {
  if (!a || a.kind !== 'source') return null
  return (a.registryId ? registry.get(a.registryId)?.name : null) ?? a.anchor.exact
}

/** The evidence for the composer: plain data the window can show, with the same labels the export will use. */
export async function briefEvidence(ctx: ServiceContext, id: string): Promise<BriefEvidence> {
  const r = await resolveBrief(ctx, id, { articles: false })
  return {
    brief: r.brief,
    missing: r.missing,
    items: r.entries.map((e) => ({
      label: e.label,
      annotation: e.annotation,
      article: { id: e.article.id, title: e.article.title, outlet: e.article.outlet, publishedAt: e.article.publishedAt },
      evidenceCode: e.evidenceCode,
      sourceNames: e.sourceNames,
      picked: e.picked,
    })),
  }
}

/** `brief create --from-tag T --status S`: a brief whose evidence is every claim, source or question so tagged. */
export function filterFrom(options: { tags?: string[]; statuses?: BriefFilter['statuses'] }): BriefFilter | null {
  const filter: BriefFilter = { articleIds: [], kinds: [], tags: options.tags ?? [], statuses: options.statuses ?? [], evidenceCodes: [] }
  return isEmptyFilter(filter) ? null : filter
}
