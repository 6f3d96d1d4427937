import { ANNOTATION_KINDS, type AnnotationKind } from '../shared/model/annotation'
import { CLAIM_STATUS, QUESTION_STATUS, type QuestionStatus } from '../shared/model/grading'
import { LINK_TYPES, type LinkType } from '../shared/model/link'
import type { SearchFacets, SearchResponse } from '../shared/model/search'
import type { LedgerRow, QuestionRow, RegistryRow, SuggestionView } from '../shared/model/ledger'
import { UserError } from '../core/errors'
import type { CommandContext } from './commands'

interface ViewCommand {
  writes: boolean
  run(ctx: CommandContext): Promise<number>
}

export const VIEW_HELP = `  search QUERY [--kind K] [--status S] [--json]
                                 search the whole notebook, results grouped by article
  claims [--json]                every claim: quote, article, sources, evidence code,
                                 status, likelihood · confidence, tags, links, flags
  sources [--json]               the source registry with claims resting on each entry
  questions [--status open|answered|dropped] [--json]
                                 questions by priority, then due date
  link FROM_ID TO_ID --type supports|contradicts|same-as|elaborates|answers
                                 link two annotations, in any articles
  suggest ARTICLE_ID [--json]    sources and claims the attribution assistant proposes
`

const print = (ctx: CommandContext, s: string) => ctx.io.stdout.write(s.endsWith('\n') ? s : `${s}\n`)
const json = (ctx: CommandContext, v: unknown) => print(ctx, JSON.stringify(v, null, 2))

/** A read-only command that prints rows as JSON with --json, else as text for a terminal. */
function listing<T>(read: (ctx: CommandContext) => Promise<T>, format: (rows: T) => string) {
  return {
    writes: false,
    async run(ctx: CommandContext) {
      const rows = await read(ctx)
      if (ctx.options.json) json(ctx, rows)
      else print(ctx, format(rows))
      return 0
    },
  }
}
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

function choice<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new UserError(`--${flag} must be one of: ${allowed.join(', ')}.`)
  return value as T
}

/** Marks matches in a terminal with [brackets]: no colour codes, so the output pipes cleanly. */
function marked(snippet: string, highlights: ReadonlyArray<[number, number]>): string {
  let out = ''
  let at = 0
  for (const [s, e] of highlights) {
    out += `${snippet.slice(at, s)}[${snippet.slice(s, e)}]`
    at = e
  }
  return out + snippet.slice(at)
}

function formatSearch(r: SearchResponse): string {
  if (r.groups.length === 0) return `No matches for "${r.text}".`
  const lines = [`${r.totalHits} match${r.totalHits === 1 ? '' : 'es'} in ${r.totalArticles} article${r.totalArticles === 1 ? '' : 's'}`]
  for (const g of r.groups) {
    lines.push('', `${marked(g.title, g.titleHighlights)}  ${[g.outlet, g.publishedAt].filter(Boolean).join(' · ')}  ${g.articleId}`)
    for (const h of g.hits) {
      const what = h.kind ? `${h.kind}${h.status ? ` ${h.status}` : ''} ${h.annotationId}` : h.field
      lines.push(`  ${what}: ${marked(h.snippet, h.highlights)}`)
    }
    if (g.more) lines.push(`  … ${g.more} more`)
  }
  return lines.join('\n')
}

function formatClaims(rows: LedgerRow[]): string {
  if (rows.length === 0) return 'No claims yet. Tag one with: annotate ID --kind claim --quote "…"'
  return rows
    .map((r) => {
      const c = r.claim
      const flags = [r.singleSource ? 'SINGLE-SOURCE' : '', r.contested ? 'CONTESTED' : '', c.orphaned ? 'ORPHANED' : ''].filter(Boolean).join(' ')
      const grade = [c.likelihood, c.confidence && `${c.confidence} confidence`].filter(Boolean).join(' · ')
      return [
        `${c.id}  ${r.evidenceCode}  ${c.status}${grade ? `  ${grade}` : ''}${flags ? `  ${flags}` : ''}`,
        `  "${clip(c.anchor.exact, 100)}"`,
        `  in ${r.articleTitle} (${r.articleId})`,
        r.sources.length ? `  sources: ${r.sources.map((s) => `${s.name}${s.reliability ? ` ${s.reliability}` : ''}`).join('; ')}` : '  sources: none',
        ...(c.tags.length ? [`  tags: ${c.tags.join(', ')}`] : []),
        ...r.links.map((l) => `  ${l.direction === 'out' ? l.type : `${l.type} (from)`} ${l.annotationId} "${clip(l.quote, 60)}"`),
      ].join('\n')
    })
    .join('\n\n')
}

function formatSources(rows: RegistryRow[]): string {
  if (rows.length === 0) return 'The source registry is empty. Tag a source with: annotate ID --kind source --quote "…" --source-name NAME'
  return rows
    .map((r) => `${r.entry.id}  ${r.entry.reliability ?? '-'}  ${r.entry.name}${r.entry.aliases.length ? ` (${r.entry.aliases.join(', ')})` : ''}  ${r.claims} claim${r.claims === 1 ? '' : 's'} · ${r.articles.length} article${r.articles.length === 1 ? '' : 's'}`)
    .join('\n')
}

function formatQuestions(rows: QuestionRow[]): string {
  if (rows.length === 0) return 'No questions match.'
  return rows
    .map((r) => {
      const q = r.question
      return [`${q.id}  ${q.priority}  ${q.status}${q.due ? `  due ${q.due}` : ''}`, `  "${clip(q.anchor.exact, 100)}"`, `  in ${r.articleTitle} (${r.articleId})`, ...(q.answer ? [`  answer: ${clip(q.answer, 100)}`] : [])].join('\n')
    })
    .join('\n\n')
}

function formatSuggestions(rows: SuggestionView[]): string {
  if (rows.length === 0) return 'No suggestions: the assistant found no reporting patterns that are not tagged already.'
  return rows.map((s) => `${s.id}  ${s.kind.padEnd(6)}  ${s.start}-${s.end}  "${clip(s.quote, 90)}"  (${s.pattern}${s.kind === 'source' && s.registryName ? ` → ${s.registryName}${s.registryId ? ', in the registry' : ', new'}` : ''})`).join('\n')
}

export const VIEW_COMMANDS: Record<string, ViewCommand> = {
  search: {
    writes: false,
    async run(ctx) {
      const text = ctx.args.join(' ').trim()
      if (!text) throw new UserError('Say what to search for: search QUERY [--kind K] [--status S].')
      const kind = choice<AnnotationKind>('kind', ctx.options.kind, ANNOTATION_KINDS)
      const status = choice('status', ctx.options.status, [...CLAIM_STATUS, ...QUESTION_STATUS])
      const facets: SearchFacets = { ...(kind ? { kinds: [kind] } : {}), ...(status ? { statuses: [status] } : {}) }
      try {
        await ctx.services.searchIndexReady()
        const r = await ctx.services.search({ text, facets, limit: 100 })
        if (ctx.options.json) json(ctx, r)
        else print(ctx, formatSearch(r))
      } finally {
        await ctx.services.closeSearch()
      }
      return 0
    },
  },
  claims: listing((ctx) => ctx.services.claimsLedger(), formatClaims),
  sources: listing((ctx) => ctx.services.registryRows(), formatSources),
  questions: {
    writes: false,
    async run(ctx) {
      const status = choice<QuestionStatus>('status', ctx.options.status, QUESTION_STATUS)
      const rows = await ctx.services.listQuestions(status)
      if (ctx.options.json) json(ctx, rows)
      else print(ctx, formatQuestions(rows))
      return 0
    },
  },
  link: {
    writes: true,
    async run(ctx) {
      const [from, to] = ctx.args
      if (!from || !to) throw new UserError('Name the two annotations: link FROM_ID TO_ID --type supports|contradicts|same-as|elaborates|answers.')
      const type = choice<LinkType>('type', ctx.options.type, LINK_TYPES)
      if (!type) throw new UserError(`Say how they are linked with --type ${LINK_TYPES.join('|')}.`)
      const link = await ctx.services.linkAnnotations(from, to, type)
      if (ctx.options.json) json(ctx, link)
      else print(ctx, link.id)
      return 0
    },
  },
  suggest: {
    writes: false,
    async run(ctx) {
      const id = ctx.args[0]
      if (!id) throw new UserError('Say which article: suggest ARTICLE_ID (see "list" for ids).')
      const rows = await ctx.services.suggest(id)
      if (ctx.options.json) json(ctx, rows)
      else print(ctx, formatSuggestions(rows))
      return 0
    },
  },
}
