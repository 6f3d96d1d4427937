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
  /** Before the store closes: writes the journal (removing it when empty), stops the timer, waits for a snapshot. Calling it again waits for the same stop. */
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
  const fs = store.fileSystem
  let journal: HotExitJournal
  const notices: string[] = []
  try {
    journal = await HotExitJournal.open(options.journalPath ?? store.layout.hotExit, {
      notebookId: store.index.notebook.id,
      debounceMs: options.journalDebounceMs,
      fs,
    })
    notices.push(...journal.notices)
    if (journal.leftover.length > 0 && !store.readOnly) {
      await launchSnapshot.catch(() => null)
      const replay = await replayHotExit(journal, replayTargetOf(services), fs)
      if (replay.notice) notices.push(replay.notice)
    }
  } catch (err) {
    // The caller closes the store on this error: the launch snapshot must be finished by then.
    await scheduler.stop()
    throw err
  }
  for (const n of notices) store.notify(n)
  let stopping: Promise<void> | null = null
  return {
    scheduler,
    journal,
    launchSnapshot,
    notices,
    stop() {
      stopping ??= (async () => {
        try {
          await journal.close()
        } finally {
          await scheduler.stop()
        }
      })()
      return stopping
    },
  }
}
