import type { NotebookStore } from '../store/notebook-store'
import type { BackupInfo } from './backup-list'
import type { BackupReason } from './manifest'
import { createSnapshot, removePartialSnapshots } from './snapshot'
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention'

export interface BackupSchedulerOptions {
  /** False when the notebook was just restored from a snapshot: it is that snapshot, and a launch one would only crowd the list. */
  launchSnapshot?: boolean
  /** How often to snapshot while the notebook changes; nothing is taken while it sits unchanged. */
  intervalMs?: number
  retention?: RetentionPolicy
  /** A snapshot that fails (disk full) is reported here and tried again at the next tick; it never stops the app. */
  onError?: (err: unknown) => void
  now?: () => Date
}

export const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60_000

export interface BackupScheduler {
  /** The launch snapshot; resolves with it, or null when nothing changed since the newest one. */
  start(): Promise<BackupInfo | null>
  snapshotNow(reason?: BackupReason): Promise<BackupInfo | null>
  /** Stops the timer and waits for the launch snapshot or any other in progress, so the store can close after; none starts after. */
  stop(): Promise<void>
}

/**
 * Rolling snapshots of an open notebook: one at launch, then one every `intervalMs` while writes happen.
 * Snapshots run one at a time beside the write queue; each file is replaced atomically by the store, so a snapshot
 * taken during a save holds either the old or the new version of that file.
 */
export function createBackupScheduler(store: NotebookStore, options: BackupSchedulerOptions = {}): BackupScheduler {
  const interval = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS
  const fs = store.fileSystem
  let changed = false
  let stopped = false
  let timer: ReturnType<typeof setInterval> | null = null
  let starting: Promise<BackupInfo | null> = Promise.resolve(null)
  let running: Promise<BackupInfo | null> = Promise.resolve(null)
  const unsubscribe = store.onWrite(() => {
    changed = true
  })

  const snapshot = (reason: BackupReason, skipIfUnchanged: boolean): Promise<BackupInfo | null> => {
    // After stop the store may be closing: a snapshot then would copy files out from under it.
    if (stopped) return Promise.resolve(null)
    running = running
      .catch(() => null)
      .then(() => {
        if (stopped) return null
        changed = false
        return createSnapshot(store.layout.root, {
          reason,
          skipIfUnchanged,
          fs,
          now: options.now,
          retention: options.retention ?? DEFAULT_RETENTION,
          describe: { notebook: { id: store.index.notebook.id, name: store.index.notebook.name }, articleCount: store.index.articles.length },
        })
      })
      .catch((err: unknown) => {
        changed = true
        options.onError?.(err)
        return null
      })
    return running
  }

  return {
    start() {
      starting = (async () => {
        if (store.readOnly || stopped) return null
        await removePartialSnapshots(store.layout.root, fs).catch(() => 0)
        const first = options.launchSnapshot === false ? null : await snapshot('launch', true)
        if (stopped) return first
        timer = setInterval(() => {
          if (changed) void snapshot('interval', true)
        }, interval)
        timer.unref?.()
        return first
      })()
      return starting
    },
    snapshotNow(reason = 'manual') {
      return snapshot(reason, false)
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      timer = null
      unsubscribe()
      // The launch snapshot may still be clearing old partial folders; it must be done before the store closes.
      await starting.catch(() => null)
      await running.catch(() => null)
    },
  }
}
