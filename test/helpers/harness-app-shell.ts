/**
 * The harness's side of the app shell (notebooks, view state, theme, zoom), playing main's part over the same
 * handler table: view state and theme go through main's real settings file code, and switching notebooks flushes
 * the pages, closes the store, opens the other one and reloads the pages, as main does with its window.
 */
import { basename, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import type { AppShellDeps } from '../../src-main/main/ipc/app-shell'
import { isNotebookFolder, notebookRefId } from '../../src-main/main/notebooks'
import { placesWith, type SettingsStore } from '../../src-main/main/settings'
import type { WindowActionId } from '../../src-main/shared/commands'
import type { NotebookSwitch } from '../../src-main/shared/model/settings'
import type { ImportResult } from '../../src-main/shared/ipc-contract'
import { UserError } from '../../src-main/core/errors'

export interface HarnessAppHost {
  storeDir: string
  settings: SettingsStore
  pages: Page[]
  /** Folders the analyst opened before, newest first (the test fills it). */
  recentNotebooks: string[]
  /** What the fake open/new notebook dialog answers next; null plays a cancelled dialog. */
  pendingNotebookFolder: string | null
  windowActions: WindowActionId[]
  /** Import results of files "the OS opened with the app", waiting for the window to take them. */
  openedFiles: ImportResult[]
  shownNotebookFolder: number
  flushedCount: number
  /** Closes the open notebook and opens the one in `dir`. */
  switchStore(dir: string): Promise<void>
  currentNotebookName(): string
  listArticles(): ReadonlyArray<{ id: string }>
}

export async function flushPages(host: HarnessAppHost): Promise<void> {
  for (const page of host.pages.filter((p) => !p.isClosed())) {
    const before = host.flushedCount
    await page.evaluate(() => (window as unknown as { __harnessEmit: (n: string, p: unknown) => void }).__harnessEmit('onFlushRequest', {}))
    for (let i = 0; i < 100 && host.flushedCount === before; i++) await new Promise((r) => setTimeout(r, 20))
  }
}

export function harnessAppShell(host: HarnessAppHost): AppShellDeps {
  const switchTo = async (dir: string): Promise<NotebookSwitch> => {
    if (resolve(dir) === resolve(host.storeDir)) return { outcome: 'same' }
    if (!isNotebookFolder(dir)) throw new UserError(`There is no notebook at ${dir} any more (moved, deleted, or on a drive that is not connected).`)
    await flushPages(host)
    const previous = host.storeDir
    await host.switchStore(dir)
    host.recentNotebooks = [previous, ...host.recentNotebooks.filter((d) => d !== dir && d !== previous)]
    // Main reloads its window after a switch; the reply to this call may never reach the old page.
    for (const page of host.pages.filter((p) => !p.isClosed())) void page.reload().catch(() => {})
    return { outcome: 'switched' }
  }
  const fromDialog = async () => {
    const dir = host.pendingNotebookFolder
    host.pendingNotebookFolder = null
    return dir ? switchTo(dir) : { outcome: 'cancelled' as const }
  }
  return {
    listNotebooks: () => ({
      current: { id: notebookRefId(host.storeDir), name: host.currentNotebookName(), path: host.storeDir },
      recent: host.recentNotebooks.filter((d) => d !== host.storeDir).map((d) => ({ id: notebookRefId(d), name: basename(d), path: d })),
    }),
    openNotebookFromDialog: fromDialog,
    createNotebookFromDialog: fromDialog,
    switchToRecentNotebook: async (id) => {
      const dir = host.recentNotebooks.find((d) => notebookRefId(d) === id)
      if (!dir) throw new UserError('That notebook is no longer in the recent list; open it with File › Open Notebook….')
      return switchTo(dir)
    },
    showNotebookFolder: () => void host.shownNotebookFolder++,
    loadUiState: () => {
      const s = host.settings.value
      return { theme: s.theme, panes: s.panes, place: s.places[resolve(host.storeDir)] ?? null }
    },
    saveUiState: (state) =>
      host.settings.update((s) => ({ ...s, panes: state.panes, places: placesWith(s.places, resolve(host.storeDir), state.place, host.listArticles()) })),
    setTheme: (theme) => host.settings.update((s) => ({ ...s, theme })),
    windowAction: (action) => void host.windowActions.push(action),
    takeOpenedFiles: () => host.openedFiles.splice(0),
  }
}
