import { RegistryEntrySchema, type RegistryEntry, type SourceType } from '../../shared/model/source'
import type { Reliability } from '../../shared/model/grading'
import { newId } from '../../shared/model/ids'
import { UserError } from '../errors'
import type { ServiceContext } from './context'

export function listSources(ctx: ServiceContext): RegistryEntry[] {
  return [...ctx.store.index.sources].sort((a, b) => a.name.localeCompare(b.name))
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

export function findSourceByName(ctx: ServiceContext, name: string): RegistryEntry | undefined {
  const n = norm(name)
  return ctx.store.index.sources.find((s) => norm(s.name) === n || s.aliases.some((a) => norm(a) === n))
}

export async function createSource(ctx: ServiceContext, input: { name: string; type: SourceType; reliability: Reliability | null }): Promise<RegistryEntry> {
  if (findSourceByName(ctx, input.name)) throw new UserError(`"${input.name.trim()}" is already in the source registry; pick it instead of adding it twice.`)
  const now = ctx.now()
  const entry = RegistryEntrySchema.parse({ id: newId('source'), name: input.name, type: input.type, reliability: input.reliability, aliases: [], note: '', createdAt: now, updatedAt: now })
  await ctx.store.updateIndex((index) => void index.sources.push(entry))
  return entry
}

/** Reuses the entry a name already refers to, so a source tagged in two articles is one entry. */
export async function findOrCreateSource(ctx: ServiceContext, name: string, reliability: Reliability | null): Promise<RegistryEntry> {
  return findSourceByName(ctx, name) ?? createSource(ctx, { name, type: guessType(name), reliability })
}

function guessType(name: string): SourceType {
  if (/\b(ministry|agency|service|office|council|government|army|forces|command|department|committee|nato|un)\b/i.test(name)) return 'organisation'
  if (/\b(times|post|news|agency|press|reuters|bbc|cnn|guardian|yonhap|tass)\b/i.test(name)) return 'outlet'
  return 'person'
}

export async function updateSource(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Pick<RegistryEntry, 'name' | 'type' | 'reliability' | 'aliases' | 'note'>>,
): Promise<RegistryEntry> {
  const current = ctx.store.index.sources.find((s) => s.id === id)
  if (!current) throw new UserError(`There is no source ${id} in the registry.`)
  if (patch.name) {
    const clash = findSourceByName(ctx, patch.name)
    if (clash && clash.id !== id) throw new UserError(`"${patch.name.trim()}" is already in the registry; merge the two entries instead.`)
  }
  const updated = RegistryEntrySchema.parse({ ...current, ...patch, updatedAt: ctx.now() })
  await ctx.store.updateIndex((index) => {
    index.sources = index.sources.map((s) => (s.id === id ? updated : s))
  })
  return updated
}
