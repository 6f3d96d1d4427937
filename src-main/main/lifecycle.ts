/**
 * The app's lifecycle: one instance, one window, one notebook open at a time (the one of the last session, or
 * the default one). Everything Electron-specific is wired here from the small modules beside it; the notebook
 * itself is core's, and NotebookSession (notebooks.ts) owns which one is open.
 */
import { app, powerMonitor, session as electronSession, shell, type BrowserWindow } from 'electron'
import { join, resolve } from 'node:path'
import { events, type EventName, type EventPayloads, type StoreStatusEvent } from '../shared/ipc-contract'
import type { StoreStatus } from '../core/store/notebook-store'
import { isUserError, UserError } from '../core/errors'
import { resolveAppOrigin } from './app-origin'
import { bundlePaths, notebookDir, USER_DATA_ENV } from './paths'
import { createMainWindow, trackWindowState } from './window'
import { guardWebContents, hardenSession } from './security'
import { keepSpellcheckOffline } from './spellcheck'
import { createHandlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { askUnsaved, confirmOpenExternal, pickImportFiles, showNotice, showStartupError } from './dialogs'
import { installMenu } from './menu'
import { CloseGuard, describeFailingWrites } from './close-guard'
import { openAppNotebook, type OpenedNotebook } from './notebook'
import { writableJournal } from './notebook-durability'
import { exportShellDeps } from './export-shell'
import { NotebookSession } from './notebooks'
import { SETTINGS_FILE, SettingsStore } from './settings'
import { appShellDeps, applyTheme } from './app-shell-deps'
import { openablePaths, readOpenedFiles } from './open-files'
import type { ImportResult } from '../shared/ipc-contract'
import { notebookProtection } from './notebook-protection'
import { searchProcess } from './search-process'

export interface LaunchOptions {
  /** The folder of out/main/index.js. */
  mainDir: string
  env?: NodeJS.ProcessEnv
  /** The command line, whose arguments may name files to open. */
  argv?: readonly string[]
}

export interface RunningApp {
  /** The notebook open now; it changes when the analyst switches. */
  readonly notebook: OpenedNotebook
  session: NotebookSession
  settings: SettingsStore
  window(): BrowserWindow | null
}

/** Starts the app; resolves null when this process is a second instance (it hands over and quits) or cannot open a notebook. */
export async function runApp({ mainDir, env = process.env, argv = process.argv }: LaunchOptions): Promise<RunningApp | null> {
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

  const send = <E extends EventName>(name: E, payload: EventPayloads[E]): boolean => {
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false
    win.webContents.send(events[name], payload)
    return true
  }

  const onStatus = (status: StoreStatus) => {
    const at = status.state === 'saved' ? status.at.toISOString() : new Date().toISOString()
    const event: StoreStatusEvent = status.state === 'error' ? { state: 'error', at, message: status.message } : { state: status.state, at }
    send('onStoreStatus', event)
  }

  // Search runs in a utility process of its own, so its index is not part of main's memory.
  const servicesOptions = { searchHost: searchProcess(mainDir) }
  const settings = await SettingsStore.load(join(app.getPath('userData'), SETTINGS_FILE))
  const defaultDir = notebookDir(app.getPath('userData'))
  let session: NotebookSession | null = null
  const current = (): NotebookSession => {
    if (!session) throw new UserError('The notebook is still opening; try again in a moment.')
    return session
  }
  const services = () => current().current.services

  const refreshMenu = () =>
    installMenu({
      platform: process.platform,
      dev: origin.kind === 'dev',
      sendCommand: (command) => void send('onMenuCommand', { command }),
      theme: settings.value.theme,
      recent: session?.list().recent ?? [],
      openRecent: (id) =>
        void current()
          .switchToRecent(id)
          .catch((err: unknown) => showNotice(win, 'The notebook could not be opened.', isUserError(err) ? err.message : String(err))),
    })

  // A protected notebook locks after a while without use (system-wide idle time), when the screen locks, or on sleep:
  // edits are saved, the store closes, the key is forgotten, and the window reloads, which drops every decrypted byte it held.
  const protection = notebookProtection({
    dir: () => current().dir,
    notebook: () => current().current,
    open: (dir) => openAppNotebook(dir, onStatus, { seedSample: false, services: servicesOptions }),
    adopt: (notebook) => current().reopened(notebook),
    prepareToLeave: () => guard?.prepareToLeave() ?? Promise.resolve(true),
    reloadWindow: () => {
      if (win && !win.isDestroyed()) win.webContents.reload()
    },
    idleMs: () => powerMonitor.getSystemIdleTime() * 1000,
    idleLockMs: () => settings.value.idleLockMinutes * 60_000,
    idleLockMinutes: () => settings.value.idleLockMinutes,
    setIdleLockMinutes: (minutes) => settings.update((s) => ({ ...s, idleLockMinutes: minutes })),
    progress: (done, total) => void send('onProtectionProgress', { done, total }),
  })

  // Files the OS asks the app to open (a double-clicked export): at launch on the command line, later from a
  // second launch or macOS's open-file. They are imported as soon as a notebook is open; the window takes the
  // results when it asks, so a report made before the page could listen is not lost.
  const waitingPaths: string[] = openablePaths(argv.slice(1), process.cwd())
  const openedResults: ImportResult[] = []
  const openFiles = (paths: string[]) => {
    if (!paths.length) return
    if (!session) {
      waitingPaths.push(...paths)
      return
    }
    void (async () => {
      const { files, failed } = await readOpenedFiles(paths)
      const imported = files.length ? await services().importFiles(files) : []
      openedResults.push(...failed.map((f) => ({ ...f, status: 'failed' as const })), ...imported)
      send('onFilesOpened', {})
    })().catch((err: unknown) => void showNotice(win, 'The files could not be opened.', isUserError(err) ? err.message : String(err)))
  }
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFiles([path])
  })

  let confirming = false
  const handlers = createHandlers(services, {
    lock: protection,
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
    durability: {
      journal: () => writableJournal(session?.current),
      listBackups: () => current().backups(),
      restoreBackup: (id) => current().restore(id),
    },
    ...exportShellDeps(() => win, (progress) => void send('onExportProgress', progress)),
    importProgress: (progress) => void send('onImportProgress', progress),
    ...appShellDeps({ window: () => win, session: current, settings, documentsDir: app.getPath('documents'), defaultDir, refreshMenu, takeOpenedFiles: () => openedResults.splice(0) }),
  })

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, (url) => handlers.openExternal({ url })))
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFiles(openablePaths(argv.slice(1), workingDirectory))
    if (!win || win.isDestroyed()) {
      if (session && !quitting) openWindow()
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
    if (session && !win && !quitting) openWindow()
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (event) => {
    if (storeClosed || !session) return
    event.preventDefault()
    void Promise.all([session.close(), settings.flush()])
      .catch((err: unknown) => console.error('[quit] closing the notebook failed', err))
      .finally(() => {
        protection.stop()
        storeClosed = true
        app.quit()
      })
  })

  await app.whenReady()
  // powerMonitor works only once the app is ready.
  const lockOnPower = () => void protection.lockNow().catch((err: unknown) => console.error('[lock] locking the notebook failed', err))
  powerMonitor.on('lock-screen', lockOnPower)
  powerMonitor.on('suspend', lockOnPower)
  hardenSession(electronSession.defaultSession, origin)
  await keepSpellcheckOffline(electronSession.defaultSession, app.getPath('sessionData'), process.platform).catch((err: unknown) =>
    console.error('[spellcheck] the dictionaries folder could not be prepared', err),
  )
  applyTheme(settings.value.theme, null)

  let started: Awaited<ReturnType<typeof NotebookSession.start>>
  try {
    started = await NotebookSession.start({
      settings,
      defaultDir,
      open: (dir, { seedSample, restored }) => openAppNotebook(dir, onStatus, { seedSample, durability: { launchSnapshot: !restored }, services: servicesOptions }),
      prepareToLeave: () => guard?.prepareToLeave() ?? Promise.resolve(true),
      switched: (notebook) => {
        refreshMenu()
        if (win && !win.isDestroyed()) win.webContents.reload()
        notebook.services.startBackgroundWork()
      },
    })
  } catch (err) {
    const message = isUserError(err) ? err.message : `The notebook at ${defaultDir} could not be opened: ${(err as Error)?.message ?? String(err)}`
    console.error('[startup]', err)
    showStartupError(message)
    app.exit(1)
    return null
  }
  session = started.session
  const notices = [started.notice, settings.problem].filter((n): n is string => !!n)

  registerIpc(handlers, { app: origin, windowContentsId: () => (win && !win.isDestroyed() ? win.webContents.id : null) })
  refreshMenu()
  openFiles(waitingPaths.splice(0))

  function openWindow(): void {
    const opened = createMainWindow(bundle.preload, origin, settings.value.window)
    // The store behind the guard is whichever notebook is open when the window closes.
    const store = {
      flush: () => current().current.store.flush(),
      get failingFiles() {
        return current().current.store.failingFiles
      },
      retryFailedWrites: () => current().current.store.retryFailedWrites(),
    }
    const closeGuard = new CloseGuard({
      requestFlush: () => send('onFlushRequest', {}),
      store,
      describeFailures: (files) => describeFailingWrites(files, current().current.store.failingWrites, current().dir),
      askUnsaved: (detail) => askUnsaved(opened, detail),
    })
    win = opened
    guard = closeGuard
    trackWindowState(opened, (state) => settings.update((s) => ({ ...s, window: state })))
    // The search index (in its own process), the views' catalogue and the save warm-up start once the first screen is up, so they never delay it.
    opened.once('ready-to-show', () => {
      current().current.services.startBackgroundWork()
      for (const notice of notices.splice(0)) void showNotice(opened, 'Intel Notebook', notice)
    })
    opened.on('close', (event) => {
      if (closeGuard.mayClose) return
      event.preventDefault()
      void closeGuard.prepareToClose().then((ok) => {
        if (!ok) {
          quitting = false
          return
        }
        if (quitting) app.quit()
        else if (!opened.isDestroyed()) opened.close()
      })
    })
    opened.on('closed', () => {
      if (win === opened) {
        win = null
        guard = null
      }
    })
    opened.webContents.on('render-process-gone', (_event, details) => console.error(`[window] the renderer stopped (${details.reason})`))
  }

  openWindow()
  const running = session
  return {
    get notebook() {
      return running.current
    },
    session: running,
    settings,
    window: () => win,
  }
}
