/**
 * Durability around an open notebook in main: snapshots and the hot-exit journal start once its store is open
 * (after the unlock for a protected one) and stop before the store closes. No electron import.
 */
import type { Services } from '../core/services/notebook-services'
import type { NotebookStore } from '../core/store/notebook-store'
import { startDurability, type DurabilityOptions, type DurabilitySession } from '../core/recovery/durability-session'
import type { HotExitJournal } from '../core/recovery/hot-exit-journal'

/**
 * Starts snapshots and the hot-exit journal on an open notebook, replaying what a crashed session left. A notebook
 * whose backups cannot start (the backups folder unwritable) still opens, and the analyst is told.
 */
export async function startNotebookDurability(services: Services, options: DurabilityOptions = {}): Promise<DurabilitySession | null> {
  try {
    return await startDurability(services, {
      onError: (err) => console.error('[backup] a snapshot failed; it is tried again while the notebook changes', err),
      ...options,
    })
  } catch (err) {
    services.store.notify(`Backups and the record of unsaved edits could not start (${(err as Error)?.message ?? String(err)}); your edits are still saved as you work.`)
    return null
  }
}

/** Closing a notebook: the journal is written and any snapshot finished before the search worker and the store stop. */
export async function closeOpenedNotebook(n: { store: NotebookStore; services: Services; durability: DurabilitySession | null }): Promise<void> {
  await n.durability?.stop().catch((err: unknown) => console.error('[notebook] stopping backups and the journal failed', err))
  await n.services.closeSearch().catch((err: unknown) => console.error('[notebook] stopping the search index failed', err))
  await n.store.close()
}


/** Where the editor's unsaved changes go: the open notebook's journal, unless it is locked, read-only or has none. */
export function writableJournal(n: { store: NotebookStore; durability: DurabilitySession | null } | null | undefined): HotExitJournal | null {
  return n?.durability && !n.store.readOnly ? n.durability.journal : null
}
