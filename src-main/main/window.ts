import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import type { AppOrigin } from './app-origin'

/**
 * Every window of the app gets exactly these options. Articles are untrusted input, so the renderer gets no
 * Node, its own JavaScript world for the preload, Chromium's sandbox and the same-origin policy (DESIGN rule 9).
 */
export function windowOptions(preload: string, dark = false): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 760,
    minHeight: 480,
    title: 'Intel Notebook',
    // Painted before the renderer's first frame, so opening the window does not flash white in a dark theme.
    backgroundColor: dark ? '#1e1e1e' : '#ffffff',
    show: false,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  }
}

export function createMainWindow(preload: string, app: AppOrigin): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preload, nativeTheme.shouldUseDarkColors))
  win.once('ready-to-show', () => win.show())
  const loading = app.kind === 'dev' ? win.loadURL(app.url) : win.loadFile(join(app.rendererDir, 'index.html'))
  loading.catch((err: unknown) => console.error('[window] the app page failed to load', err))
  return win
}
