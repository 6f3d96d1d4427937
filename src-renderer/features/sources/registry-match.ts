import type { RegistryEntry } from '../../../src-main/shared/model/source'

/**
 * Registry entries a typed name could mean, best first: exact name or alias, then names that start with it,
 * then names containing it. So tagging "Reuters" in a second article offers the Reuters entry already there.
 */
export function matchRegistry(entries: readonly RegistryEntry[], query: string, limit = 6): RegistryEntry[] {
  const q = fold(query)
  if (!q) return entries.slice(0, limit)
  const scored: Array<{ e: RegistryEntry; score: number }> = []
  for (const e of entries) {
    const names = [e.name, ...e.aliases].map(fold)
    let score = 0
    if (names.some((n) => n === q)) score = 3
    else if (names.some((n) => n.startsWith(q) || q.startsWith(n))) score = 2
    else if (names.some((n) => n.includes(q) || q.includes(n))) score = 1
    if (score > 0) scored.push({ e, score })
  }
  return scored
    .sort((a, b) => b.score - a.score || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map((s) => s.e)
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** An attribution chain typed as "The Guardian › Reuters › NIS" (› or >), outermost first. */
export function parseChain(text: string): string[] {
  return text
    .split(/[›>]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 10)
}

export function formatChain(chain: readonly string[]): string {
  return chain.join(' › ')
}
