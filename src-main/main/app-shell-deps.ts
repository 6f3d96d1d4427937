/**
 * Main's answers to the app-shell channels: the notebook dialogs and switch, the settings file behind the window's
 * view state and theme, and zoom and full screen on the window.
 */
import { nativeTheme, shell, type BrowserWindow } from 'electron'
import { join, resolve } from 'node:path'
import type { AppShellDeps } from './ipc/app-shell'
import type { NotebookSession } from './notebooks'
import { placesWith, type SettingsStore } from './settings'
import { pickNewNotebookFolder, pickNotebookFolder } from './dialogs'
import type { ThemeSetting, WindowActionId } from '../shared/commands'
import type { ImportResult } from '../shared/ipc-contract'
import { WINDOW_BACKGROUND } from './window'

export interface AppShellContext {
  window(): BrowserWindow | null
  session(): NotebookSession
  settings: SettingsStore
  /** Where the notebook dialogs start when the open notebook is the default one, hidden in userData. */
  documentsDir: string
  defaultDir: string
  /** Rebuilds the menu, whose theme radio and recent list read the settings. */
  refreshMenu(): void
  /** Import results of files the OS opened with the app that the window has not taken yet. */
  takeOpenedFiles(): ImportResult[]
}

export function applyTheme(theme: ThemeSetting, win: BrowserWindow | null): void {
  // themeSource also sets what prefers-color-scheme reports to the page, and the colours of native dialogs and menus.
  nativeTheme.themeSource = theme
  if (win && !win.isDestroyed()) win.setBackgroundColor(nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light)
}

/** Electron's zoom roles step by half a level; the palette's zoom does the same. */
const ZOOM_STEP = 0.5

export function runWindowAction(win: BrowserWindow | null, action: WindowActionId): void {
  if (!win || win.isDestroyed()) return
  const wc = win.webContents
  if (action === 'zoom-in') wc.setZoomLevel(Math.min(9, wc.getZoomLevel() + ZOOM_STEP))
  else if (action === 'zoom-out') wc.setZoomLevel(Math.max(-8, wc.getZoomLevel() - ZOOM_STEP))
  else if (action === 'zoom-reset') wc.setZoomLevel(0)
  else win.setFullScreen(!win.isFullScreen())
}

export function appShellDeps(ctx: AppShellContext): AppShellDeps {
  const near = () => {
    const dir = ctx.session().dir
    return resolve(dir) === resolve(ctx.defaultDir) ? ctx.documentsDir : join(dir, '..')
  }
  return {
    listNotebooks: () => ctx.session().list(),
    openNotebookFromDialog: async () => {
      const dir = await pickNotebookFolder(ctx.window(), near())
      return dir ? ctx.session().switchTo(dir) : { outcome: 'cancelled' }
    },
    createNotebookFromDialog: async () => {
      const dir = await pickNewNotebookFolder(ctx.window(), join(near(), 'New notebook'))
      return dir ? ctx.session().switchTo(dir, { create: true }) : { outcome: 'cancelled' }
    },
    switchToRecentNotebook: (id) => ctx.session().switchToRecent(id),
    showNotebookFolder: () => void shell.openPath(ctx.session().dir),
    loadUiState: () => {
      const s = ctx.settings.value
      return { theme: s.theme, panes: s.panes, place: s.places[ctx.session().dir] ?? null }
    },
    saveUiState: (state) => {
      const { dir, current } = ctx.session()
      ctx.settings.update((s) => ({ ...s, panes: state.panes, places: placesWith(s.places, dir, state.place, current.store.index.articles) }))
    },
    setTheme: (theme) => {
      ctx.settings.update((s) => ({ ...s, theme }))
      applyTheme(theme, ctx.window())
      ctx.refreshMenu()
    },
    windowAction: (action) => runWindowAction(ctx.window(), action),
    takeOpenedFiles: () => ctx.takeOpenedFiles(),
  }
}
