import { BrowserWindow, nativeTheme, screen, type BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import type { AppOrigin } from './app-origin'
import type { WindowState } from './settings'
import { captureWindow, DEFAULT_SIZE, placeWindow } from './window-state'

/** The page's own background in each theme (--bg in base.css), painted before the page so nothing flashes. */
export const WINDOW_BACKGROUND = { light: '#fbfbf9', dark: '#1c1c1e' } as const

/**
 * Every window of the app gets exactly these options. Articles are untrusted input, so the renderer gets no
 * Node, its own JavaScript world for the preload, Chromium's sandbox and the same-origin policy (DESIGN rule 9).
 */
/** What every window of the app is denied, the main window and the offscreen PDF printer alike (DESIGN rule 9). */
export const HARDENED_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences']

export function windowOptions(preload: string, dark = false): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    minWidth: 760,
    minHeight: 480,
    title: 'Intel Notebook',
    // Painted before the renderer's first frame, so opening the window does not flash white in a dark theme.
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    show: false,
    webPreferences: {
      preload,
      ...HARDENED_PREFERENCES,
      experimentalFeatures: false,
      safeDialogs: true,
      spellcheck: true,
    },
  }
}

/** Opens the window where the analyst left it (size, place, maximised, full screen, zoom), on a screen that exists. */
export function createMainWindow(preload: string, app: AppOrigin, saved: WindowState | null = null): BrowserWindow {
  const place = placeWindow(saved, screen.getAllDisplays().map((d) => d.workArea))
  const win = new BrowserWindow({ ...windowOptions(preload, nativeTheme.shouldUseDarkColors), ...place })
  win.once('ready-to-show', () => {
    // Maximising a hidden window shows it at once, before its first paint: so only now.
    if (saved?.maximized) win.maximize()
    if (saved?.fullScreen) win.setFullScreen(true)
    win.show()
  })
  if (saved?.zoomLevel) {
    const zoom = saved.zoomLevel
    win.webContents.once('did-finish-load', () => win.webContents.setZoomLevel(zoom))
  }
  const loading = app.kind === 'dev' ? win.loadURL(app.url) : win.loadFile(join(app.rendererDir, 'index.html'))
  loading.catch((err: unknown) => console.error('[window] the app page failed to load', err))
  return win
}

const WINDOW_EVENTS = ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const
const SETTLE_MS = 500

/** Reports the window's state after it settles from a drag or resize, and once more as it closes. */
export function trackWindowState(win: BrowserWindow, save: (state: WindowState) => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const capture = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!win.isDestroyed()) save(captureWindow(win))
  }
  for (const event of WINDOW_EVENTS) {
    win.on(event as 'resize', () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(capture, SETTLE_MS)
    })
  }
  win.on('close', capture)
}
