/**
 * The smallest `electron` that out/main/index.js can start against, for timing main's startup outside Electron
 * (the binary cannot run on this machine). It records when the window is created and loaded, nothing more.
 */
import { EventEmitter } from 'node:events'
import { performance } from 'node:perf_hooks'

export const marks = (globalThis.__startupMarks ??= {})
const mark = (name) => void (marks[name] ??= performance.now())

class App extends EventEmitter {
  isPackaged = true
  paths = new Map()
  requestSingleInstanceLock = () => true
  whenReady = () => Promise.resolve()
  getAppPath = () => process.cwd()
  getPath = (name) => this.paths.get(name) ?? process.env.INTEL_NOTEBOOK_USER_DATA
  setPath = (name, value) => void this.paths.set(name, value)
  getVersion = () => '0.0.0'
  getName = () => 'Intel Notebook'
  quit = () => {}
  exit = () => {}
}
export const app = new App()

class WebContents extends EventEmitter {
  id = 1
  isDestroyed = () => false
  send = () => {}
  setWindowOpenHandler = () => {}
  getZoomLevel = () => 0
  setZoomLevel = () => {}
  reload = () => {}
  setBackgroundThrottling = () => {}
}
export class BrowserWindow extends EventEmitter {
  webContents = new WebContents()
  constructor() {
    super()
    mark('windowCreated')
    app.emit('web-contents-created', {}, this.webContents)
  }
  loadFile = async () => void mark('windowLoading')
  loadURL = async () => void mark('windowLoading')
  isDestroyed = () => false
  isMinimized = () => false
  isMaximized = () => false
  isFullScreen = () => false
  maximize = () => {}
  show = () => {}
  focus = () => {}
  restore = () => {}
  close = () => {}
  setTitle = () => {}
  setBackgroundColor = () => {}
  setFullScreen = () => {}
  getBounds = () => ({ x: 0, y: 0, width: 1400, height: 900 })
  getNormalBounds = () => ({ x: 0, y: 0, width: 1400, height: 900 })
  static getAllWindows = () => []
}
const noop = () => {}
export const session = {
  defaultSession: {
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    setDevicePermissionHandler: noop,
    setSpellCheckerDictionaryDownloadURL: noop,
    setSpellCheckerLanguages: noop,
    setSpellCheckerEnabled: noop,
    availableSpellCheckerLanguages: [],
    webRequest: { onBeforeRequest: noop, onHeadersReceived: noop },
  },
}
export const ipcMain = { handle: noop, removeHandler: noop, on: noop, once: noop }
export const Menu = { buildFromTemplate: (t) => ({ t }), setApplicationMenu: () => void mark('menuInstalled') }
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' })
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }), showMessageBox: async () => ({ response: 0 }), showErrorBox: (t, m) => console.error(t, m) }
export const shell = { openExternal: async () => {}, openPath: async () => '', showItemInFolder: noop }
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }], getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) }
export const powerMonitor = Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0, getSystemIdleState: () => 'active' })
export const contextBridge = { exposeInMainWorld: noop }
export const ipcRenderer = { invoke: async () => undefined, on: noop, removeListener: noop }
// Main imports it; the search process starts after the first screen, which this benchmark stops short of.
export const utilityProcess = {
  fork: () => {
    throw new Error('the startup benchmark measures up to the first screen and starts no utility process')
  },
}
export default { app, BrowserWindow, session, ipcMain, Menu, nativeTheme, dialog, shell, screen, powerMonitor, contextBridge, ipcRenderer, utilityProcess }
