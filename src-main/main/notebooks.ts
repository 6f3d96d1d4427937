/**
 * Which notebook is open. Main owns the switch: the window flushes its edits, the new notebook is opened while
 * the old one still is (so a notebook that cannot be opened leaves the analyst where they were), then the old one
 * is closed and the window reloads on the new one. The last notebook opens on launch; recent ones are listed.
 * No electron import: lifecycle.ts wires the dialogs and the window.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { NotebookList, NotebookRef, NotebookSwitch } from '../shared/model/settings'
import { notebookLayout } from '../core/store/layout'
import { isUserError, UserError } from '../core/errors'
import type { OpenedNotebook } from './notebook'
import { closeOpenedNotebook } from './notebook-durability'
import { NotebookLockedError } from './notebook-lock'
import { listBackups, type BackupInfo } from '../core/backup/backup-list'
import { restoreBackup, type RestoreResult } from '../core/backup/restore'
import type { BackupRestore } from '../shared/model/backup'
import { withRecent, type SettingsStore } from './settings'

const RESTORE_HOLDER = 'Intel Notebook app (restoring a backup)'

export interface NotebookSessionDeps {
  settings: SettingsStore
  /** The notebook in userData that opens when no other one was: created with the sample on first launch. */
  defaultDir: string
  /** `restored`: the notebook was just restored from a snapshot, so opening it takes no launch snapshot. */
  open(dir: string, options: { seedSample: boolean; restored?: boolean }): Promise<OpenedNotebook>
  /** The window flushes its edits and the store drains; false when the analyst chose to keep editing. */
  prepareToLeave(): Promise<boolean>
  /** After a switch or a restore: the menu's recent list, the window's reload, the search index. */
  switched(notebook: OpenedNotebook): void
}

/** A stable id for a folder, so the window can name a recent notebook without ever handing main a path. */
export function notebookRefId(dir: string): string {
  return createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)
}

/** Whether a folder holds a notebook: its index, or article files the store can rebuild an index from. */
export function isNotebookFolder(dir: string): boolean {
  const layout = notebookLayout(dir)
  return existsSync(layout.index) || existsSync(layout.articlesDir)
}

function describe(err: unknown): string {
  return isUserError(err) ? err.message : ((err as Error)?.message ?? String(err))
}

export class NotebookSession {
  private constructor(
    private readonly deps: NotebookSessionDeps,
    private opened: OpenedNotebook,
    private folder: string,
  ) {}

  /**
   * Opens the notebook of the last session, or the default one. When the last one cannot be opened (a drive
   * unplugged, the CLI holding it), the default opens instead and `notice` says why. A default notebook that
   * cannot be opened is an error the caller shows before quitting.
   */
  static async start(deps: NotebookSessionDeps): Promise<{ session: NotebookSession; notice: string | null }> {
    const last = deps.settings.value.lastNotebook
    let notice: string | null = null
    if (last && resolve(last) !== resolve(deps.defaultDir)) {
      if (!isNotebookFolder(last)) {
        notice = `The notebook you had open last, in ${last}, is no longer there (moved, deleted, or on a drive that is not connected). Your default notebook is open instead; File › Open Notebook… opens another.`
      } else {
        try {
          const opened = await deps.open(last, { seedSample: false })
          return { session: NotebookSession.adopt(deps, opened, last), notice: null }
        } catch (err) {
          notice = `The notebook you had open last, in ${last}, could not be opened: ${describe(err)} Your default notebook is open instead.`
        }
      }
    }
    const opened = await deps.open(deps.defaultDir, { seedSample: true })
    return { session: NotebookSession.adopt(deps, opened, deps.defaultDir), notice }
  }

  private static adopt(deps: NotebookSessionDeps, opened: OpenedNotebook, dir: string): NotebookSession {
    const folder = resolve(dir)
    deps.settings.update((s) => ({ ...s, lastNotebook: folder, recentNotebooks: withRecent(s.recentNotebooks, folder) }))
    return new NotebookSession(deps, opened, folder)
  }

  get current(): OpenedNotebook {
    return this.opened
  }

  get dir(): string {
    return this.folder
  }

  private ref(dir: string): NotebookRef {
    const name = dir === this.folder ? this.opened.store.index.notebook.name : basename(dir)
    return { id: notebookRefId(dir), name, path: dir }
  }

  /** The open notebook and the others opened before, newest first. */
  list(): NotebookList {
    return {
      current: this.ref(this.folder),
      recent: this.deps.settings.value.recentNotebooks.filter((d) => d !== this.folder).map((d) => this.ref(d)),
    }
  }

  /** Switches to a recent notebook by its id. */
  switchToRecent(id: string): Promise<NotebookSwitch> {
    const dir = this.deps.settings.value.recentNotebooks.find((d) => notebookRefId(d) === id)
    if (!dir) throw new UserError('That notebook is no longer in the recent list; open it with File › Open Notebook….')
    return this.switchTo(dir)
  }

  /** Opens an existing notebook folder, or (create) makes a new notebook in a new or empty folder. */
  async switchTo(dir: string, { create = false } = {}): Promise<NotebookSwitch> {
    const folder = resolve(dir)
    if (folder === this.folder) return { outcome: 'same' }
    if (create && !isNotebookFolder(folder)) assertEmptyOrMissing(folder)
    else if (!existsSync(folder)) {
      this.forget(folder)
      throw new UserError(`There is no notebook at ${folder} any more (moved, deleted, or on a drive that is not connected); it was taken off the recent list.`)
    } else if (!isNotebookFolder(folder)) {
      throw new UserError(`${folder} is not an Intel Notebook folder: it has no notebook.json. Choose the folder that holds notebook.json, or make a new one with File › New Notebook….`)
    }
    if (!(await this.deps.prepareToLeave())) return { outcome: 'kept' }

    let next: OpenedNotebook
    try {
      next = await this.deps.open(folder, { seedSample: false })
    } catch (err) {
      throw new UserError(`The notebook at ${folder} could not be opened: ${describe(err)} You are still in ${this.opened.store.index.notebook.name}.`)
    }
    const previous = this.opened
    this.opened = next
    this.folder = folder
    this.deps.settings.update((s) => ({
      ...s,
      lastNotebook: folder,
      recentNotebooks: withRecent(s.recentNotebooks, folder),
      // Keep the places of notebooks still listed, so the file does not grow with every case ever opened.
      places: Object.fromEntries(Object.entries(s.places).filter(([d]) => d === folder || s.recentNotebooks.includes(d))),
    }))
    await closeOpenedNotebook(previous)
    this.deps.switched(next)
    return { outcome: 'switched' }
  }

  /** The open notebook's snapshots, newest first, read through its own file system. */
  async backups(): Promise<BackupInfo[]> {
    const n = this.opened
    if (n.protection?.locked) throw new NotebookLockedError()
    return listBackups(this.folder, n.store.fileSystem)
  }

  /**
   * File > Restore…: the window flushes, the notebook closes (its journal written, its snapshot finished), the
   * snapshot is restored after one of the notebook as it is (so the restore can be undone), and the notebook opens
   * again, with a notice saying what was restored and from when, and the window reloads on it. A backup that
   * cannot be restored leaves the notebook as it was, open again.
   */
  async restore(id: string): Promise<BackupRestore> {
    const n = this.opened
    if (n.protection?.locked) throw new NotebookLockedError()
    if (n.store.readOnly) throw new UserError('This notebook is open read-only, so no backup can be restored into it.')
    if (!(await this.deps.prepareToLeave())) return { outcome: 'kept' }
    const dir = this.folder
    let result: RestoreResult
    if (n.protection) {
      result = await n.protection.whileClosed((fs) => restoreBackup(dir, id, { holder: RESTORE_HOLDER, fs }))
    } else {
      await closeOpenedNotebook(n)
      try {
        result = await restoreBackup(dir, id, { holder: RESTORE_HOLDER })
      } finally {
        this.opened = await this.deps.open(dir, { seedSample: false, restored: true })
      }
    }
    this.opened.store.notify(result.notice)
    this.deps.switched(this.opened)
    return { outcome: 'restored', notice: result.notice }
  }

  /** The same folder opened again after its protection changed (notebook-protection.ts closed the old one). */
  reopened(next: OpenedNotebook): void {
    this.opened = next
  }

  private forget(folder: string): void {
    this.deps.settings.update((s) => ({ ...s, recentNotebooks: s.recentNotebooks.filter((d) => d !== folder) }))
  }

  async close(): Promise<void> {
    await closeOpenedNotebook(this.opened)
  }
}

function assertEmptyOrMissing(folder: string): void {
  if (!existsSync(folder)) return
  if (!statSync(folder).isDirectory()) throw new UserError(`${folder} is a file; choose a name for a new folder.`)
  if (readdirSync(folder).some((f) => !f.startsWith('.'))) {
    throw new UserError(`${folder} already holds other files. Choose a new name, or an empty folder, for the new notebook.`)
  }
}
