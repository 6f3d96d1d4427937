import { RegistryEntrySchema, type RegistryEntry } from '../../shared/model/source'
import type { RegistryRow } from '../../shared/model/ledger'
import { UserError } from '../errors'
import type { ServiceContext } from '../services/context'
import type { NotebookData } from '../catalogue/notebook-data'
import { catalogueOf } from '../catalogue/notebook-catalogue'

/** Each registry entry with how much rests on it: the source annotations naming it, their claims, their articles. */
export function registryRows(data: NotebookData): RegistryRow[] {
  const rows = new Map<string, RegistryRow>([...data.registry.values()].map((entry) => [entry.id, { entry, mentions: 0, claims: 0, articles: [] }]))
  for (const { meta, annotations } of data.articles) {
    const named = new Map<string, string>()
    for (const a of annotations) if (a.kind === 'source' && a.registryId && rows.has(a.registryId)) named.set(a.id, a.registryId)
    const touched = new Set<string>()
    for (const registryId of named.values()) {
      rows.get(registryId)!.mentions++
      touched.add(registryId)
    }
    for (const a of annotations) {
      if (a.kind !== 'claim') continue
      for (const registryId of new Set(a.sourceIds.map((s) => named.get(s)).filter((x): x is string => !!x))) rows.get(registryId)!.claims++
    }
    for (const registryId of touched) rows.get(registryId)!.articles.push({ id: meta.id, title: meta.title })
  }
  return [...rows.values()].sort((a, b) => a.entry.name.localeCompare(b.entry.name))
}

/**
 * Merges one registry entry into another: every source annotation naming the merged entry is rewritten to the
 * kept one, the merged name and aliases become aliases of the kept entry, and the merged entry is removed.
 * The kept entry's grade wins; the merged one's is used only when the kept entry has none.
 */
export async function mergeSources(ctx: ServiceContext, keepId: string, mergeId: string): Promise<{ entry: RegistryEntry; rewritten: number; articleIds: string[] }> {
  if (keepId === mergeId) throw new UserError('Pick two different registry entries to merge.')
  const keep = ctx.store.index.sources.find((s) => s.id === keepId)
  const merged = ctx.store.index.sources.find((s) => s.id === mergeId)
  if (!keep || !merged) throw new UserError(`There is no source ${keep ? mergeId : keepId} in the registry.`)
  let rewritten = 0
  const articleIds: string[] = []
  const now = ctx.now()
  // The catalogue says which articles name the merged entry, so only those are read and rewritten.
  for (const { meta, annotations } of await catalogueOf(ctx.store).articles()) {
    const hits = annotations.filter((a) => a.kind === 'source' && a.registryId === mergeId).length
    if (hits === 0) continue
    rewritten += hits
    articleIds.push(meta.id)
    await ctx.store.updateArticle(meta.id, (f) => {
      f.annotations = f.annotations.map((a) => (a.kind === 'source' && a.registryId === mergeId ? { ...a, registryId: keepId, updatedAt: now } : a))
    })
  }
  const aliases = [...new Set([...keep.aliases, merged.name, ...merged.aliases])].filter((n) => n !== keep.name).slice(0, 50)
  const note = [keep.note, merged.note].filter(Boolean).join('\n\n').slice(0, 20000)
  const entry = RegistryEntrySchema.parse({ ...keep, aliases, note, reliability: keep.reliability ?? merged.reliability, updatedAt: now })
  await ctx.store.updateIndex((index) => {
    index.sources = index.sources.filter((s) => s.id !== mergeId).map((s) => (s.id === keepId ? entry : s))
  })
  return { entry, rewritten, articleIds }
}
