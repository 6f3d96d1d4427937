/**
 * A stand-in for the `electron` module (the binary cannot run here). It records what the glue registers and lets
 * a test play Electron's part: emit app and window events, call IPC handlers as a given frame would, answer dialogs.
 * Use with `vi.mock('electron', () => import('./stub-electron'))`; call `resetElectron()` before each test.
 */
import { EventEmitter } from 'node:events'
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { vi } from 'vitest'

type Listener = (...args: any[]) => any

export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}
export function fakeEvent<T extends object>(extra?: T): FakeEvent & T {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true
    },
    ...extra,
  }
  return e as FakeEvent & T
}

class FakeApp extends EventEmitter {
  isPackaged = false
  lockGranted = true
  paths = new Map<string, string>()
  requestSingleInstanceLock = vi.fn(() => this.lockGranted)
  quit = vi.fn(() => {
    const e = fakeEvent()
    this.emit('before-quit', e)
    if (e.defaultPrevented) return
    for (const w of [...BrowserWindow.instances]) if (!w.destroyed) w.close()
    if (BrowserWindow.instances.some((w) => !w.destroyed)) return
    const q = fakeEvent()
    this.emit('will-quit', q)
    if (!q.defaultPrevented) this.quitted = true
  })
  quitted = false
  exit = vi.fn()
  whenReady = vi.fn(() => Promise.resolve())
  getAppPath = vi.fn(() => '/app')
  getPath = vi.fn((name: string) => {
    // As in Electron, the session's data (cookies, caches, spellcheck dictionaries) lives in userData unless moved.
    const p = this.paths.get(name) ?? (name === 'documents' ? '/home/analyst/Documents' : name === 'sessionData' ? this.paths.get('userData') : undefined)
    if (!p) throw new Error(`no fake path for ${name}`)
    return p
  })
  setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value))
}

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  id = nextContentsId++
  destroyed = false
  send = vi.fn()
  windowOpenHandler: Listener | null = null
  isDestroyed = () => this.destroyed
  setWindowOpenHandler = vi.fn((h: Listener) => void (this.windowOpenHandler = h))
  zoomLevel = 0
  getZoomLevel = () => this.zoomLevel
  setZoomLevel = vi.fn((level: number) => void (this.zoomLevel = level))
  reload = vi.fn()
  /** The top frame, as `event.senderFrame` would give it. */
  mainFrame = { url: '', parent: null as unknown, top: null as unknown }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = []
  webContents = new FakeWebContents()
  destroyed = false
  visible = false
  minimized = false
  maximized = false
  fullScreen = false
  bounds = { x: 0, y: 0, width: 0, height: 0 }
  normalBounds: { x: number; y: number; width: number; height: number } | null = null
  isMaximized = () => this.maximized
  isFullScreen = () => this.fullScreen
  maximize = vi.fn(() => void (this.maximized = true))
  setFullScreen = vi.fn((on: boolean) => void (this.fullScreen = on))
  getBounds = () => ({ ...this.bounds })
  getNormalBounds = () => ({ ...(this.normalBounds ?? this.bounds) })
  setBackgroundColor = vi.fn()
  loadFile = vi.fn(async (path: string) => {
    this.webContents.mainFrame.url = new URL(`file://${path}`).href
  })
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url
  })
  show = vi.fn(() => void (this.visible = true))
  focus = vi.fn()
  restore = vi.fn(() => void (this.minimized = false))
  isMinimized = () => this.minimized
  isDestroyed = () => this.destroyed
  close = vi.fn(() => {
    if (this.destroyed) return
    const e = fakeEvent()
    this.emit('close', e)
    if (e.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
    if (BrowserWindow.instances.every((w) => w.destroyed)) app.emit('window-all-closed')
  })

  constructor(readonly options: Record<string, any>) {
    super()
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 }
    BrowserWindow.instances.push(this)
    app.emit('web-contents-created', fakeEvent(), this.webContents)
  }
}

export const app = new FakeApp()

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, fn: Listener) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcMain.handlers.set(channel, fn)
  }),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
  on: vi.fn(),
  once: vi.fn(),
}

/** Calls a registered handler as the given window's top frame (or any frame the test describes) would. */
export function invokeFrom(channel: string, payload: unknown, from: { contents: FakeWebContents; url?: string; parent?: unknown }): Promise<unknown> {
  const fn = ipcMain.handlers.get(channel)
  if (!fn) throw new Error(`No handler registered for '${channel}'`)
  const frame = { url: from.url ?? from.contents.mainFrame.url, parent: from.parent ?? null }
  return Promise.resolve().then(() => fn({ sender: from.contents, senderFrame: frame }, payload))
}

function fakeSession() {
  return {
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    devicePermissionHandler: null as Listener | null,
    beforeRequest: null as Listener | null,
    headersReceived: null as Listener | null,
    setSpellCheckerDictionaryDownloadURL: vi.fn((_url: string) => {}),
    setSpellCheckerLanguages: vi.fn((_languages: string[]) => {}),
    setSpellCheckerEnabled: vi.fn((_enable: boolean) => {}),
    /** A few of the codes Electron 45 lists, in its spelling. */
    availableSpellCheckerLanguages: ['de-DE', 'en-GB', 'en-US', 'fr-FR', 'ko', 'ru-RU', 'uk-UA'],
    setPermissionRequestHandler: vi.fn((h: Listener) => void (session.defaultSession.permissionRequestHandler = h)),
    setPermissionCheckHandler: vi.fn((h: Listener) => void (session.defaultSession.permissionCheckHandler = h)),
    setDevicePermissionHandler: vi.fn((h: Listener) => void (session.defaultSession.devicePermissionHandler = h)),
    webRequest: {
      onBeforeRequest: vi.fn((h: Listener) => void (session.defaultSession.beforeRequest = h)),
      onHeadersReceived: vi.fn((h: Listener) => void (session.defaultSession.headersReceived = h)),
    },
  }
}
export const session = { defaultSession: fakeSession() }

function dialogFns() {
  return {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' as string | undefined })),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  }
}
export const dialog = dialogFns()

function shellFns() {
  return {
    openExternal: vi.fn(async (_url: string) => {}),
    openPath: vi.fn(async (_path: string) => ''),
    showItemInFolder: vi.fn(),
  }
}
export const shell = shellFns()

export const Menu = {
  applied: null as unknown,
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn((menu: unknown) => void (Menu.applied = menu)),
}

export const nativeTheme = {
  themeSource: 'system' as 'system' | 'light' | 'dark',
  systemDark: false,
  /** As Electron: the OS's choice unless themeSource overrides it. */
  get shouldUseDarkColors(): boolean {
    return this.themeSource === 'system' ? this.systemDark : this.themeSource === 'dark'
  },
  set shouldUseDarkColors(dark: boolean) {
    this.systemDark = dark
  },
}

/** One 1920×1080 screen unless a test plugs in others. */
export const screen = {
  displays: [{ workArea: { x: 0, y: 25, width: 1920, height: 1055 } }],
  getAllDisplays: () => screen.displays,
  getPrimaryDisplay: () => screen.displays[0]!,
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => void contextBridge.exposed.set(key, value)),
}

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (_channel: string, _input?: unknown): Promise<unknown> => undefined),
  send: vi.fn(),
  sendSync: vi.fn(),
})

/** The system's idle clock and its lock-screen and suspend events; a test sets idleSeconds and emits. */
export const powerMonitor = Object.assign(new EventEmitter(), {
  idleSeconds: 0,
  getSystemIdleTime: vi.fn(() => powerMonitor.idleSeconds),
})

/**
 * A utility process, run as a real Node child process (through tsx, with `process.parentPort` set up by
 * utility-child.ts) so real messages flow. Events as Electron's: 'spawn', 'message' (the message itself), 'exit' (code).
 */
export class FakeUtilityProcess extends EventEmitter {
  readonly process: ChildProcess | null = null
  exited = false

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
    script: string,
  ) {
    super()
    if (!existsSync(script)) {
      // As a utility process whose script is missing: it starts and ends at once (tests that never built the app).
      setImmediate(() => {
        this.exited = true
        this.emit('exit', 1)
      })
      return
    }
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
    this.process = fork(fileURLToPath(new URL('./utility-child.ts', import.meta.url)), [script, ...args], { execArgv: ['--import', tsx], serialization: 'advanced', stdio: 'inherit' })
    this.process.on('spawn', () => this.emit('spawn'))
    this.process.on('message', (m) => this.emit('message', m))
    this.process.on('exit', (code, signal) => {
      this.exited = true
      // Electron reports the exit code waitpid gave; a signal shows as 128 + its number.
      this.emit('exit', code ?? (signal === 'SIGKILL' ? 137 : 143))
    })
  }

  get pid(): number | undefined {
    return this.exited ? undefined : this.process?.pid
  }
  postMessage = vi.fn((message: unknown) => void this.process?.send(message as object))
  kill = vi.fn(() => this.process?.kill() ?? false)
}

export const utilityProcess = {
  children: [] as FakeUtilityProcess[],
  /** What the child runs for a module path main asks for: a test points the built bundle's name at its source. */
  script: (modulePath: string) => modulePath,
  fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
    const child = new FakeUtilityProcess(modulePath, args, options, utilityProcess.script(modulePath))
    utilityProcess.children.push(child)
    return child
  }),
}

export function resetElectron(): void {
  for (const child of utilityProcess.children) if (!child.exited) child.process?.kill('SIGKILL')
  utilityProcess.children = []
  utilityProcess.script = (modulePath) => modulePath
  utilityProcess.fork.mockClear()
  powerMonitor.removeAllListeners()
  powerMonitor.idleSeconds = 0
  app.removeAllListeners()
  app.isPackaged = false
  app.lockGranted = true
  app.quitted = false
  app.paths.clear()
  BrowserWindow.instances = []
  ipcMain.handlers.clear()
  session.defaultSession = fakeSession()
  contextBridge.exposed.clear()
  ipcRenderer.removeAllListeners()
  Menu.applied = null
  nativeTheme.themeSource = 'system'
  nativeTheme.systemDark = false
  screen.displays = [{ workArea: { x: 0, y: 25, width: 1920, height: 1055 } }]
  // Fresh mocks, so a queued mockResolvedValueOnce cannot leak into the next test.
  Object.assign(dialog, dialogFns())
  Object.assign(shell, shellFns())
  for (const fn of [app.getAppPath, app.requestSingleInstanceLock, app.quit, app.exit, app.whenReady, app.getPath, app.setPath, ipcMain.handle, ipcMain.removeHandler, ipcMain.on, ipcMain.once, Menu.buildFromTemplate, Menu.setApplicationMenu, contextBridge.exposeInMainWorld, ipcRenderer.send, ipcRenderer.sendSync]) fn.mockClear()
  ipcRenderer.invoke.mockReset()
  ipcRenderer.invoke.mockImplementation(async () => undefined)
}

export default { app, BrowserWindow, ipcMain, session, dialog, shell, Menu, nativeTheme, screen, contextBridge, ipcRenderer, powerMonitor, utilityProcess }
