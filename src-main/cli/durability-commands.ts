import { UserError } from '../core/errors'
import { describeWhen, listBackups } from '../core/backup/backup-list'
import { restoreBackup } from '../core/backup/restore'
import { checkNotebook, hasDamage, repairNotebook, type DoctorReport, type Finding } from '../core/recovery/doctor'
import type { FsOps } from '../core/store/fs-ops'
import type { Streams } from './run'

/** Commands that work on the notebook folder itself, so they run even when the notebook cannot be opened. */
export interface FolderCommandContext {
  root: string
  holder: string
  args: string[]
  options: Record<string, string | boolean | string[] | undefined>
  io: Streams
  /** The notebook's file system: a protected notebook's seals and opens its files; the plain disk otherwise. */
  fs?: FsOps
}

export interface FolderCommand {
  folder: true
  run(ctx: FolderCommandContext): Promise<number>
}

const print = (ctx: FolderCommandContext, s: string) => ctx.io.stdout.write(s.endsWith('\n') ? s : `${s}\n`)

const LABEL: Record<Finding['severity'], string> = { damage: 'DAMAGE ', warning: 'warning', info: 'info   ' }

export function formatReport(report: DoctorReport): string {
  const c = report.checked
  const lines = [
    `Checked ${c.index ? 'the index, ' : ''}${c.articles} article file${c.articles === 1 ? '' : 's'}, ${c.originals} original${c.originals === 1 ? '' : 's'} and ${c.backups} backup${c.backups === 1 ? '' : 's'} in ${report.root}.`,
  ]
  const order = { damage: 0, warning: 1, info: 2 }
  for (const f of [...report.findings].sort((a, b) => order[a.severity] - order[b.severity])) {
    lines.push(`${LABEL[f.severity]}  ${f.file ? `${f.file}: ` : ''}${f.message}`)
  }
  const damage = report.findings.filter((f) => f.severity === 'damage').length
  lines.push(damage ? `${damage} damaged or missing file${damage === 1 ? '' : 's'}.` : 'No damage found.')
  return lines.join('\n')
}

export const DURABILITY_COMMANDS: Record<string, FolderCommand> = {
  doctor: {
    folder: true,
    async run(ctx) {
      if (ctx.options.repair) {
        const result = await repairNotebook(ctx.root, { holder: ctx.holder, fs: ctx.fs })
        if (ctx.options.json) {
          print(ctx, JSON.stringify(result, null, 2))
          return hasDamage(result.after) ? 1 : 0
        }
        if (result.actions.length === 0) print(ctx, 'Nothing needed repair.')
        else print(ctx, ['Repaired:', ...result.actions.map((a) => `  - ${a}`)].join('\n'))
        print(ctx, formatReport(result.after))
        if (hasDamage(result.after)) ctx.io.stderr.write('intel-notebook: some damage could not be repaired from the backups; see the DAMAGE lines above.\n')
        return hasDamage(result.after) ? 1 : 0
      }
      const report = await checkNotebook(ctx.root, { fs: ctx.fs })
      if (ctx.options.json) print(ctx, JSON.stringify(report, null, 2))
      else print(ctx, formatReport(report))
      if (hasDamage(report)) {
        if (!ctx.options.json) ctx.io.stderr.write('intel-notebook: the notebook is damaged; run "doctor --repair" to recover it from its backups.\n')
        return 1
      }
      return 0
    },
  },

  backups: {
    folder: true,
    async run(ctx) {
      const backups = await listBackups(ctx.root, ctx.fs)
      if (ctx.options.json) {
        print(
          ctx,
          JSON.stringify(
            backups.map((b) => ({ id: b.id, createdAt: b.manifest.createdAt, reason: b.manifest.reason, notebook: b.manifest.notebook, articleCount: b.manifest.articleCount })),
            null,
            2,
          ),
        )
        return 0
      }
      if (backups.length === 0) {
        print(ctx, 'This notebook has no backups yet; the app takes one each time it opens the notebook.')
        return 0
      }
      for (const b of backups) {
        const n = b.manifest.articleCount
        print(ctx, `${b.id}  ${describeWhen(b.createdAt).padEnd(19)}  ${b.manifest.reason.padEnd(16)}  ${n} article${n === 1 ? '' : 's'}`)
      }
      return 0
    },
  },

  restore: {
    folder: true,
    async run(ctx) {
      const id = ctx.args[0]
      if (!id) throw new UserError('Say which backup to restore: restore ID (see "backups" for ids).')
      const result = await restoreBackup(ctx.root, id, { holder: ctx.holder, fs: ctx.fs })
      print(ctx, result.notice)
      return 0
    },
  },
}
