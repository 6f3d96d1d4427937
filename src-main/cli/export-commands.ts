import { resolve } from 'node:path'
import { EXPORT_FORMATS, type ExportFormat, type ExportTarget } from '../shared/ipc-contract'
import { CLAIM_STATUS, type ClaimStatus } from '../shared/model/grading'
import { UserError } from '../core/errors'
import { atomicWrite } from '../core/store/atomic-write'
import { filterFrom } from '../core/services/briefs'
import { chromiumPdfRenderer } from '../core/export/pdf-chromium'
import type { CommandContext } from './commands'

interface ExportCommand {
  writes: boolean
  run(ctx: CommandContext): Promise<number>
}

export const EXPORT_HELP = `  export (--brief ID | --article ID... | --all) --format md|html|docx|pdf|json|w3c [--out FILE]
                                 export a brief, annotated articles or the whole notebook;
                                 FILE defaults to a name made from the title, here.
                                 pdf prints with Chromium (CHROMIUM_PATH or /usr/bin/chromium)
  brief create --title T [--from-tag TAG]... [--status S] [--author A] [--caveat C] [--json]
                                 a brief whose evidence is every annotation so tagged
                                 (and, with --status, every claim with that status)
  brief list [--json]            the notebook's briefs, last changed first
`

const print = (ctx: CommandContext, s: string) => ctx.io.stdout.write(s.endsWith('\n') ? s : `${s}\n`)
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [])

export const EXPORT_COMMANDS: Record<string, ExportCommand> = {
  export: {
    writes: false,
    async run(ctx) {
      const o = ctx.options
      const format = str(o.format)
      if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UserError(`--format must be one of: ${EXPORT_FORMATS.join(', ')}.`)
      const target = exportTarget(ctx)
      const rendered = await ctx.services.exportTarget(target, format as ExportFormat, { pdf: chromiumPdfRenderer() })
      const out = resolve(str(o.out) ?? rendered.fileName)
      try {
        await atomicWrite(out, rendered.bytes)
      } catch (err) {
        throw new UserError(`Cannot write ${out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check that the folder exists and can be written.`)
      }
      print(ctx, out)
      return 0
    },
  },

  brief: {
    writes: true,
    async run(ctx) {
      const sub = ctx.args[0]
      if (sub === 'list') {
        const briefs = ctx.services.listBriefs()
        if (ctx.options.json) print(ctx, JSON.stringify(briefs, null, 2))
        else print(ctx, briefs.length ? briefs.map((b) => `${b.id}  ${b.date || b.createdAt.slice(0, 10)}  ${b.title}`).join('\n') : 'No briefs yet. Create one with: brief create --title T')
        return 0
      }
      if (sub !== 'create') throw new UserError('Say what to do with briefs: brief create --title T, or brief list.')
      const o = ctx.options
      const title = str(o.title)
      if (!title?.trim()) throw new UserError('Give the brief a title with --title "…".')
      const status = str(o.status)
      if (status !== undefined && !(CLAIM_STATUS as readonly string[]).includes(status)) throw new UserError(`--status must be one of: ${CLAIM_STATUS.join(', ')}.`)
      const brief = await ctx.services.createBrief({
        title,
        ...(str(o.author) !== undefined ? { author: str(o.author)! } : {}),
        ...(str(o.caveat) !== undefined ? { caveat: str(o.caveat)! } : {}),
        filter: filterFrom({ tags: list(o['from-tag']), statuses: status ? [status as ClaimStatus] : [] }),
      })
      if (o.json) print(ctx, JSON.stringify(brief, null, 2))
      else print(ctx, brief.id)
      return 0
    },
  },
}

function exportTarget(ctx: CommandContext): ExportTarget {
  const o = ctx.options
  const brief = str(o.brief)
  const articles = [...list(o.article), ...(list(o.article).length ? ctx.args : [])]
  const chosen = [brief !== undefined, articles.length > 0, o.all === true].filter(Boolean).length
  if (chosen !== 1) throw new UserError('Say what to export with exactly one of --brief ID, --article ID... or --all.')
  if (brief !== undefined) return { kind: 'brief', id: brief }
  if (o.all === true) return { kind: 'all' }
  return { kind: 'articles', ids: articles }
}
