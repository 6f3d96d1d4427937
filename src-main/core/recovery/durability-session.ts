import type { Services } from '../services/notebook-services'
import type { BackupInfo } from '../backup/backup-list'
import { createBackupScheduler, type BackupScheduler, type BackupSchedulerOptions } from '../backup/scheduler'
import { HotExitJournal } from './hot-exit-journal'
import { replayHotExit, replayTargetOf } from './hot-exit-replay'

export interface DurabilityOptions extends BackupSchedulerOptions {
  /** Where the hot-exit journal lives; by default beside the index. A folder on another disk survives that disk filling up. */
  journalPath?: string
  journalDebounceMs?: number
}

export interface DurabilitySession {
  scheduler: BackupScheduler
  journal: HotExitJournal
  /** The launch snapshot: null when nothing changed since the last one. */
  launchSnapshot: Promise<BackupInfo | null>
  /** What this launch told the analyst (also added to the store's notices): recovered edits, a damaged journal. */
  notices: string[]
  /** Before the store closes: writes the journal (removing it when empty), stops the timer, waits for a snapshot. */
  stop(): Promise<void>
}

/**
 * Everything main starts after opening a notebook so that no work is lost: rolling snapshots (one now, then while
 * the notebook changes) and the hot-exit journal, whose leftovers from a crashed session are saved into the notebook
 * at once. When there is something to replay, the launch snapshot is taken first, so the notebook as it was before
 * the replay can be restored.
 */
export async function startDurability(services: Pick<Services, 'store' | 'saveArticleBody' | 'saveArticleNotes'>, options: DurabilityOptions = {}): Promise<DurabilitySession> {
  const { store } = services
  const scheduler = createBackupScheduler(store, options)
  const launchSnapshot = scheduler.start()
  const journal = await HotExitJournal.open(options.journalPath ?? store.layout.hotExit, {
    notebookId: store.index.notebook.id,
    debounceMs: options.journalDebounceMs,
  })
  const notices = [...journal.notices]
  if (journal.leftover.length > 0 && !store.readOnly) {
    await launchSnapshot.catch(() => null)
    const replay = await replayHotExit(journal, replayTargetOf(services))
    if (replay.notice) notices.push(replay.notice)
  }
  for (const n of notices) store.notify(n)
  return {
    scheduler,
    journal,
    launchSnapshot,
    notices,
    async stop() {
      await journal.close()
      await scheduler.stop()
    },
  }
}
