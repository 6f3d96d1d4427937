/**
 * The app's lifecycle: one instance, one notebook, one window. Everything Electron-specific is wired here from
 * the small modules beside it; the notebook itself is core's, opened once and closed on quit.
 */
import { app, session, shell, type BrowserWindow } from 'electron'
import { join, resolve } from 'node:path'
import { events, type EventName, type EventPayloads, type StoreStatusEvent } from '../shared/ipc-contract'
import type { StoreStatus } from '../core/store/notebook-store'
import { isUserError, UserError } from '../core/errors'
import { resolveAppOrigin } from './app-origin'
import { bundlePaths, notebookDir, USER_DATA_ENV } from './paths'
import { createMainWindow } from './window'
import { guardWebContents, hardenSession } from './security'
import { createHandlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { askUnsaved, confirmOpenExternal, pickImportFiles, showStartupError } from './dialogs'
import { installMenu } from './menu'
import { CloseGuard } from './close-guard'
import { openAppNotebook, type OpenedNotebook } from './notebook'
import { exportShellDeps } from './export-shell'

export interface LaunchOptions {
  /** The folder of out/main/index.js. */
  mainDir: string
  env?: NodeJS.ProcessEnv
}

export interface RunningApp {
  notebook: OpenedNotebook
  window(): BrowserWindow | null
}

/** Starts the app; resolves null when this process is a second instance (it hands over and quits) or cannot open the notebook. */
export async function runApp({ mainDir, env = process.env }: LaunchOptions): Promise<RunningApp | null> {
  const userData = env[USER_DATA_ENV]
  if (userData) app.setPath('userData', resolve(userData))
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }

  const bundle = bundlePaths(mainDir)
  const origin = resolveAppOrigin({ rendererDir: bundle.rendererDir, devUrl: env.ELECTRON_RENDERER_URL, packaged: app.isPackaged })
  let win: BrowserWindow | null = null
  let guard: CloseGuard | null = null
  let quitting = false
  let storeClosed = false
  const failures = new Map<string, string>()

  const send = <E extends EventName>(name: E, payload: EventPayloads[E]): boolean => {
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false
    win.webContents.send(events[name], payload)
    return true
  }

  const onStatus = (status: StoreStatus) => {
    const at = status.state === 'saved' ? status.at.toISOString() : new Date().toISOString()
    if (status.state === 'saved') failures.clear()
    if (status.state === 'error') failures.set(status.file, status.message)
    const event: StoreStatusEvent = status.state === 'error' ? { state: 'error', at, message: status.message } : { state: status.state, at }
    send('onStoreStatus', event)
  }

  let notebook: OpenedNotebook | null = null
  const services = () => {
    if (!notebook) throw new UserError('The notebook is still opening; try again in a moment.')
    return notebook.services
  }
  let confirming = false
  const handlers = createHandlers(services, {
    pickImportFiles: () => pickImportFiles(win),
    // One confirm at a time: a page that opens links in a loop gets one dialog, not a stack of them.
    confirmOpenExternal: async (url) => {
      if (confirming) return false
      confirming = true
      try {
        return await confirmOpenExternal(win, url)
      } finally {
        confirming = false
      }
    },
    openExternal: (url) => shell.openExternal(url),
    windowFlushed: () => guard?.windowFlushed(),
    ...exportShellDeps(() => win, (progress) => void send('onExportProgress', progress)),
  })

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, (url) => handlers.openExternal({ url })))
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) {
      if (notebook && !quitting) openWindow()
      return
    }
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (notebook && !win && !quitting) openWindow()
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (event) => {
    if (storeClosed || !notebook) return
    event.preventDefault()
    void notebook.store
      .close()
      .catch((err: unknown) => console.error('[quit] closing the notebook failed', err))
      .finally(() => {
        storeClosed = true
        app.quit()
      })
  })

  await app.whenReady()
  hardenSession(session.defaultSession, origin, join(app.getAppPath(), 'resources', 'dictionaries'))

  const dir = notebookDir(app.getPath('userData'))
  let opened: OpenedNotebook
  try {
    opened = await openAppNotebook(dir, onStatus)
  } catch (err) {
    const message = isUserError(err) ? err.message : `The notebook at ${dir} could not be opened: ${(err as Error)?.message ?? String(err)}`
    console.error('[startup]', err)
    showStartupError(message)
    app.exit(1)
    return null
  }
  notebook = opened

  registerIpc(handlers, { app: origin, windowContentsId: () => (win && !win.isDestroyed() ? win.webContents.id : null) })
  installMenu({
    platform: process.platform,
    dev: origin.kind === 'dev',
    sendCommand: (command) => void send('onMenuCommand', { command }),
    showNotebookFolder: () => void shell.openPath(dir),
  })

  function openWindow(): void {
    const current = createMainWindow(bundle.preload, origin)
    const closeGuard = new CloseGuard({
      requestFlush: () => send('onFlushRequest', {}),
      store: opened.store,
      describeFailures: (files) =>
        [...files.map((f) => failures.get(f) ?? `${f} could not be saved.`), `The notebook is in ${dir}.`].join('\n'),
      askUnsaved: (detail) => askUnsaved(current, detail),
    })
    win = current
    guard = closeGuard
    // The search index builds in a worker once the first screen is up, so it never delays it.
    current.once('ready-to-show', () => opened.services.startSearchIndex())
    current.on('close', (event) => {
      if (closeGuard.mayClose) return
      event.preventDefault()
      void closeGuard.prepareToClose().then((ok) => {
        if (!ok) {
          quitting = false
          return
        }
        if (quitting) app.quit()
        else if (!current.isDestroyed()) current.close()
      })
    })
    current.on('closed', () => {
      if (win === current) {
        win = null
        guard = null
      }
    })
    current.webContents.on('render-process-gone', (_event, details) => console.error(`[window] the renderer stopped (${details.reason})`))
  }

  openWindow()
  return { notebook: opened, window: () => win }
}
