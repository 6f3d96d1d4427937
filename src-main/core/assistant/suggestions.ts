import { createHash } from 'node:crypto'
import type { Annotation } from '../../shared/model/annotation'
import type { RegistryEntry } from '../../shared/model/source'
import type { SuggestionView } from '../../shared/model/ledger'
import { DISMISSED_LIMIT, type DismissedSuggestion } from '../../shared/model/suggestion'
import { docFromJson } from '../../shared/schema/annotate-doc'
import { anchorAt, countOccurrences, plainText } from '../../shared/schema/plain-text'
import { UserError } from '../errors'
import type { ServiceContext } from '../services/context'
import { articleMeta } from '../services/articles'
import { annotateQuote } from '../services/annotations'
import { findAttributions } from './reporting-patterns'

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

/** What the registry should call a speaker: "a spokesman for the Defence Ministry" speaks for the Defence Ministry. */
export function registryName(speaker: string): string {
  const forWhom = /\bspokes(?:man|woman|person) for (.+)$/i.exec(speaker)
  const base = forWhom ? forWhom[1]! : speaker
  return base.replace(/^(the|a|an)\s+/i, '').trim() || speaker
}

function matchRegistry(speaker: string, registry: readonly RegistryEntry[]): RegistryEntry | null {
  const candidates = new Set([norm(speaker), norm(registryName(speaker))])
  return registry.find((e) => candidates.has(norm(e.name)) || e.aliases.some((a) => candidates.has(norm(a)))) ?? null
}

/** Stable ids, so a suggestion keeps its id between calls while the text stays as it is. */
function suggestionId(kind: string, start: number, end: number, quote: string): string {
  return `sug_${createHash('sha256').update(`${kind}:${start}:${end}:${quote}`).digest('hex').slice(0, 16)}`
}

/** Reporting patterns in a text, as suggestions; pure, so the assistant's precision can be measured on it. */
export function suggestInText(text: string, registry: readonly RegistryEntry[] = []): SuggestionView[] {
  const out: SuggestionView[] = []
  for (const a of findAttributions(text)) {
    let sourceId: string | null = null
    if (a.source) {
      const quote = text.slice(a.source.start, a.source.end)
      const entry = matchRegistry(quote, registry)
      sourceId = suggestionId('source', a.source.start, a.source.end, quote)
      out.push({ id: sourceId, kind: 'source', ...a.source, quote, pattern: a.pattern, registryId: entry?.id ?? null, registryName: entry?.name ?? registryName(quote), sourceSuggestionId: null })
    }
    if (a.claim) {
      const quote = text.slice(a.claim.start, a.claim.end)
      out.push({ id: suggestionId('claim', a.claim.start, a.claim.end, quote), kind: 'claim', ...a.claim, quote, pattern: a.pattern, registryId: null, registryName: null, sourceSuggestionId: sourceId })
    }
  }
  return out
}

function overlaps(s: { start: number; end: number }, a: Annotation): boolean {
  return !a.orphaned && a.anchor.start < s.end && s.start < a.anchor.end
}

type Selector = Omit<DismissedSuggestion, 'dismissedAt'>

/** What a dismissal is keyed by: the kind and the quote with the words around it, as they stand in the text. */
function selectorOf(text: string, s: SuggestionView): Selector {
  const { exact, prefix, suffix } = anchorAt(text, s.start, s.end)
  return { kind: s.kind, exact, prefix, suffix }
}
const keyOf = (d: Selector) => JSON.stringify([d.kind, d.exact, d.prefix, d.suffix])

/** The article's text and its suggestions, leaving out spans already tagged with the same kind. */
async function candidates(ctx: ServiceContext, articleId: string) {
  articleMeta(ctx, articleId)
  const file = await ctx.store.readArticle(articleId)
  const text = plainText(docFromJson(file.doc))
  const all = suggestInText(text, ctx.store.index.sources).filter((s) => !file.annotations.some((a) => a.kind === s.kind && overlaps(s, a)))
  const dismissed = new Set(file.dismissedSuggestions.map(keyOf))
  return { text, all, isDismissed: (s: SuggestionView) => dismissed.has(keyOf(selectorOf(text, s))) }
}

/** Suggestions for an article, leaving out spans already tagged with the same kind and those the analyst dismissed. */
export async function suggestForArticle(ctx: ServiceContext, articleId: string): Promise<SuggestionView[]> {
  const { all, isDismissed } = await candidates(ctx, articleId)
  const open = all.filter((s) => !isDismissed(s))
  const openIds = new Set(open.map((s) => s.id))
  return open.map((s) => (s.sourceSuggestionId && !openIds.has(s.sourceSuggestionId) ? { ...s, sourceSuggestionId: null } : s))
}

/**
 * Dismisses suggestions, one, some or all, and keeps the dismissals in the article's file so they hold after a
 * restart. Returns the ids dismissed, for an undo.
 */
export async function dismissSuggestions(ctx: ServiceContext, articleId: string, ids: readonly string[] | 'all'): Promise<{ dismissed: number; ids: string[] }> {
  const { text, all, isDismissed } = await candidates(ctx, articleId)
  const open = all.filter((s) => !isDismissed(s))
  const chosen = ids === 'all' ? open : open.filter((s) => ids.includes(s.id))
  if (chosen.length === 0) return { dismissed: 0, ids: [] }
  const dismissedAt = ctx.now()
  const added = chosen.map((s) => ({ ...selectorOf(text, s), dismissedAt }))
  await ctx.store.updateArticle(articleId, (f) => {
    const known = new Set(f.dismissedSuggestions.map(keyOf))
    f.dismissedSuggestions = [...f.dismissedSuggestions, ...added.filter((d) => !known.has(keyOf(d)))].slice(-DISMISSED_LIMIT)
  })
  return { dismissed: chosen.length, ids: chosen.map((s) => s.id) }
}

/** Undoes dismissals: the suggestions named are offered again. */
export async function restoreSuggestions(ctx: ServiceContext, articleId: string, ids: readonly string[]): Promise<{ restored: number }> {
  const { text, all, isDismissed } = await candidates(ctx, articleId)
  const chosen = all.filter((s) => ids.includes(s.id) && isDismissed(s))
  if (chosen.length === 0) return { restored: 0 }
  const keys = new Set(chosen.map((s) => keyOf(selectorOf(text, s))))
  await ctx.store.updateArticle(articleId, (f) => {
    f.dismissedSuggestions = f.dismissedSuggestions.filter((d) => !keys.has(keyOf(d)))
  })
  return { restored: chosen.length }
}

/**
 * Turns suggestions into annotations. A source reuses the registry entry of the same name (or alias) or adds
 * one; a claim accepted with its source is attributed to it. Sources go first so their claims can point at them.
 */
export async function acceptSuggestions(ctx: ServiceContext, articleId: string, ids: readonly string[] | 'all'): Promise<Annotation[]> {
  const current = await suggestForArticle(ctx, articleId)
  const chosen = ids === 'all' ? current : current.filter((s) => ids.includes(s.id))
  if (ids !== 'all' && chosen.length < ids.length) throw new UserError('Some of those suggestions are gone (tagged or dismissed already); refresh the list.')
  const text = plainText(docFromJson((await ctx.store.readArticle(articleId)).doc))
  const created: Annotation[] = []
  const sourceAnnotation = new Map<string, string>()
  const ordered = [...chosen].sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === 'source' ? -1 : 1))
  for (const s of ordered) {
    const occurrence = countOccurrences(text.slice(0, s.end), s.quote)
    const sourceIds = s.sourceSuggestionId && sourceAnnotation.has(s.sourceSuggestionId) ? [sourceAnnotation.get(s.sourceSuggestionId)!] : []
    const record = await annotateQuote(ctx, {
      articleId,
      kind: s.kind,
      quote: s.quote,
      occurrence,
      ...(s.kind === 'source' ? { sourceName: s.registryName ?? registryName(s.quote) } : {}),
      ...(sourceIds.length ? { patch: { sourceIds } } : {}),
    })
    if (s.kind === 'source') sourceAnnotation.set(s.id, record.id)
    created.push(record)
  }
  return created
}
