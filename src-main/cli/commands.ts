import { AnnotationPatchSchema, ANNOTATION_KINDS, type AnnotationKind, type AnnotationPatch } from '../shared/model/annotation'
import { CLAIM_STATUS, CONFIDENCE, CREDIBILITY, LIKELIHOOD, QUESTION_STATUS, RELIABILITY } from '../shared/model/grading'
import type { ImportResult } from '../shared/ipc-contract'
import { UserError } from '../core/errors'
import type { Services } from '../core/services/notebook-services'
import type { Streams } from './run'
import { formatArticle, formatList } from './format'
import { VIEW_COMMANDS, VIEW_HELP } from './view-commands'
import { EXPORT_COMMANDS, EXPORT_HELP } from './export-commands'
import { DURABILITY_COMMANDS, type FolderCommand } from './durability-commands'
import { PROTECTION_HELP, protectionCommands } from './protection-commands'

export interface CommandContext {
  services: Services
  args: string[]
  options: Record<string, string | boolean | string[] | undefined>
  io: Streams
  readFileArg(path: string): Promise<{ name: string; bytes: Uint8Array }>
}

interface StoreCommand {
  writes: boolean
  run(ctx: CommandContext): Promise<number>
}

/** A command runs over the opened notebook, or (doctor, backups, restore) over its folder, which may not open. */
export type Command = StoreCommand | FolderCommand

export const HELP = `Usage: npm run cli -- --store DIR <command> [options]

Commands:
  import FILE... [--json]        import .txt, .md, .html/.htm and .docx files, and notebook
                                 exports (.intelnotebook, or the same JSON saved as .json)
  list [--json]                  list the articles, newest first
  show ID [--json]               show an article with its annotations
  annotate ID --kind claim|source|question --quote "exact text"
          [--occurrence N] [--note TEXT] [--status S] [--reliability A-F]
          [--credibility 1-6] [--likelihood TERM] [--confidence low|moderate|high]
          [--source-annotation ID]... [--source-name NAME] [--tag TAG]... [--json]
${VIEW_HELP}${EXPORT_HELP}  doctor [--repair] [--json]     check every file of the notebook; exits 1 on damage.
                                 --repair recovers as the app does: damaged files are
                                 moved aside as *.damaged and restored from backups
  backups [--json]               list the notebook's snapshots, newest first
  restore ID                     put the notebook back as it was in backup ID; the
                                 current state is snapshotted first, so it can be undone
${PROTECTION_HELP}
Errors go to stderr as one line, with a non-zero exit code. A command that writes
refuses to run while another process (the app or another CLI) holds the notebook.
`

const print = (ctx: CommandContext, s: string) => ctx.io.stdout.write(s.endsWith('\n') ? s : `${s}\n`)
const json = (ctx: CommandContext, v: unknown) => print(ctx, JSON.stringify(v, null, 2))

const STORE_COMMANDS: Record<string, StoreCommand> = {
  import: {
    writes: true,
    async run(ctx) {
      if (ctx.args.length === 0) throw new UserError('Name at least one file to import: import FILE...')
      const results: ImportResult[] = []
      const readable: Array<{ name: string; bytes: Uint8Array }> = []
      const order: Array<{ name: string; index: number } | ImportResult> = []
      for (const path of ctx.args) {
        try {
          const file = await ctx.readFileArg(path)
          order.push({ name: file.name, index: readable.length })
          readable.push(file)
        } catch (err) {
          if (!(err instanceof UserError)) throw err
          order.push({ name: path, status: 'failed', reason: err.message })
        }
      }
      const imported = readable.length ? await ctx.services.importFiles(readable) : []
      for (const o of order) results.push('index' in o ? imported[o.index]! : o)
      if (ctx.options.json) {
        json(
          ctx,
          results.map((r) => ({
            file: r.name,
            status: r.status,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.article
              ? {
                  id: r.article.id,
                  title: r.article.title,
                  outlet: r.article.outlet,
                  byline: r.article.byline,
                  publishedAt: r.article.publishedAt,
                  url: r.article.url,
                  language: r.article.language,
                  sha256: r.article.provenance.sha256,
                }
              : {}),
          })),
        )
      } else {
        for (const r of results) {
          if (r.status === 'imported') print(ctx, r.article!.id)
          else if (r.status === 'duplicate') ctx.io.stderr.write(`intel-notebook: ${r.name} is already in the notebook as ${r.article!.id} ("${r.article!.title}").\n`)
        }
      }
      for (const r of results) if (r.status === 'failed') ctx.io.stderr.write(`intel-notebook: ${r.reason}\n`)
      return results.some((r) => r.status === 'failed') ? 1 : 0
    },
  },

  list: {
    writes: false,
    async run(ctx) {
      const articles = ctx.services.listArticles()
      if (ctx.options.json) json(ctx, articles)
      else print(ctx, formatList(articles))
      return 0
    },
  },

  show: {
    writes: false,
    async run(ctx) {
      const id = ctx.args[0]
      if (!id) throw new UserError('Say which article to show: show ID (see "list" for ids).')
      const view = await ctx.services.getArticle(id)
      if (ctx.options.json) json(ctx, { ...view.meta, annotations: view.annotations, notes: view.notes, text: formatArticle(view, ctx.services.listSources()).text })
      else print(ctx, formatArticle(view, ctx.services.listSources()).rendered)
      return 0
    },
  },

  annotate: {
    writes: true,
    async run(ctx) {
      const id = ctx.args[0]
      if (!id) throw new UserError('Say which article to annotate: annotate ID --kind K --quote "text".')
      const o = ctx.options
      const kind = o.kind as string | undefined
      if (!kind || !(ANNOTATION_KINDS as readonly string[]).includes(kind)) throw new UserError(`--kind must be one of ${ANNOTATION_KINDS.join(', ')}.`)
      if (typeof o.quote !== 'string' || o.quote === '') throw new UserError('Give the exact text to tag with --quote "…".')
      const occurrence = o.occurrence === undefined ? 1 : Number(o.occurrence)
      const patch = buildPatch(kind as AnnotationKind, o)
      const record = await ctx.services.annotateQuote({
        articleId: id,
        kind: kind as AnnotationKind,
        quote: o.quote,
        occurrence,
        patch,
        sourceName: o['source-name'] as string | undefined,
      })
      if (o.json) json(ctx, record)
      else print(ctx, record.id)
      return 0
    },
  },
}

export const PROTECTION_COMMANDS = protectionCommands()
export const COMMANDS: Record<string, Command> = { ...STORE_COMMANDS, ...DURABILITY_COMMANDS, ...VIEW_COMMANDS, ...EXPORT_COMMANDS, ...PROTECTION_COMMANDS }

function oneOf(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !allowed.includes(value)) throw new UserError(`--${name} must be one of: ${allowed.join(', ')}.`)
  return value
}

/** Turns CLI flags into an annotation patch, refusing grades and statuses that do not exist or do not fit the kind. */
function buildPatch(kind: AnnotationKind, o: CommandContext['options']): AnnotationPatch {
  const patch: Record<string, unknown> = {}
  if (o.note !== undefined) patch.note = o.note
  if (o.tag !== undefined) patch.tags = o.tag
  const statuses = kind === 'claim' ? CLAIM_STATUS : kind === 'question' ? QUESTION_STATUS : []
  if (o.status !== undefined) {
    if (kind === 'source') throw new UserError('A source has no status; grade it with --reliability.')
    patch.status = oneOf('status', o.status, statuses)
  }
  if (o.reliability !== undefined) {
    if (kind !== 'source') throw new UserError('--reliability grades a source; for a claim, grade its information with --credibility.')
    patch.reliability = oneOf('reliability', o.reliability, RELIABILITY)
  }
  const claimOnly = (flag: string) => {
    if (kind !== 'claim') throw new UserError(`--${flag} applies to a claim only.`)
  }
  if (o.credibility !== undefined) {
    claimOnly('credibility')
    patch.credibility = oneOf('credibility', o.credibility, CREDIBILITY)
  }
  if (o.likelihood !== undefined) {
    claimOnly('likelihood')
    patch.likelihood = oneOf('likelihood', o.likelihood, LIKELIHOOD)
  }
  if (o.confidence !== undefined) {
    claimOnly('confidence')
    patch.confidence = oneOf('confidence', o.confidence, CONFIDENCE)
  }
  if (o['source-annotation'] !== undefined) {
    claimOnly('source-annotation')
    patch.sourceIds = o['source-annotation']
  }
  const parsed = AnnotationPatchSchema.safeParse(patch)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UserError(`--${String(issue?.path[0] ?? 'value')}: ${issue?.message ?? 'invalid value'}.`)
  }
  return parsed.data
}
