/**
 * The contract entries that keep an analyst's work: the hot-exit journal the editor reports unsaved changes to,
 * and File > Restore… (the open notebook's snapshots, and restoring one). Main and the e2e harness each supply the
 * deps over whichever notebook is open; without them there is no journal and nothing to restore.
 */
import type { Api } from '../../shared/ipc-contract'
import type { BackupRestore } from '../../shared/model/backup'
import type { BackupInfo } from '../../core/backup/backup-list'
import type { HotExitJournal } from '../../core/recovery/hot-exit-journal'
import { cleanDocJson } from '../../shared/schema/clean-doc'
import { UserError } from '../../core/errors'

export interface DurabilityDeps {
  /** The open notebook's hot-exit journal; null while it is locked or read-only, or when its journal could not start. */
  journal(): HotExitJournal | null
  /** The open notebook's snapshots, newest first. */
  listBackups(): Promise<BackupInfo[]>
  /** Flushes the window, closes the notebook, restores the snapshot, reopens the notebook and reloads the window. */
  restoreBackup(id: string): Promise<BackupRestore>
}

type DurabilityMethods = 'recordJournal' | 'listBackups' | 'restoreBackup'

const NONE: DurabilityDeps = {
  journal: () => null,
  listBackups: async () => [],
  restoreBackup: async () => {
    throw new UserError('This notebook has no backups to restore.')
  },
}

export function durabilityHandlers(deps: DurabilityDeps = NONE): Pick<Api, DurabilityMethods> {
  return {
    recordJournal: async (entry) => {
      const journal = deps.journal()
      if (!journal) return { recorded: false }
      // Content from the window like a save: the schema and the policy apply before it is kept, even in the journal.
      journal.record(entry.field === 'body' ? { ...entry, doc: cleanDocJson(entry.doc) } : entry)
      return { recorded: true }
    },
    listBackups: async () =>
      (await deps.listBackups()).map((b) => ({ id: b.id, createdAt: b.manifest.createdAt, reason: b.manifest.reason, articleCount: b.manifest.articleCount })),
    restoreBackup: ({ id }) => deps.restoreBackup(id),
  }
}

/** A save that carries the editor's revision `rev` of a field is on disk: the journal no longer needs that field's entry. */
export function settleJournal(deps: DurabilityDeps | undefined, articleId: string, field: 'body' | 'notes', rev: number | undefined): void {
  if (rev === undefined) return
  deps?.journal()?.settle(articleId, field, rev)
}
