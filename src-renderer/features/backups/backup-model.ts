import type { BackupReason, BackupSummary } from '../../../src-main/shared/model/backup'

/** Why a snapshot exists, in the analyst's words. */
export const REASON_LABEL: Record<BackupReason, string> = {
  launch: 'When the notebook opened',
  interval: 'While you worked',
  manual: 'Taken by hand',
  'before-migration': 'Before the notebook was upgraded to a newer format',
  'before-restore': 'Just before a restore (restoring it undoes that restore)',
  'before-repair': 'Before a repair',
}

/** "26 Nov 2026, 10:31", in the analyst's own time zone, as notices and the command line say it. */
export function backupWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

export function articleCount(n: number): string {
  return `${n} article${n === 1 ? '' : 's'}`
}

/** One line per snapshot for the list: when, why and how much. */
export function describeBackup(b: BackupSummary): { when: string; why: string; size: string } {
  return { when: backupWhen(b.createdAt), why: REASON_LABEL[b.reason], size: articleCount(b.articleCount) }
}
