import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, nativeTheme, resetElectron } from './stub-electron'

vi.mock('electron', () => import('./stub-electron'))
const { windowOptions, createMainWindow } = await import('../../../src-main/main/window')
const { resolveAppOrigin } = await import('../../../src-main/main/app-origin')

beforeEach(() => resetElectron())

describe('the window', () => {
  it('has exactly the hardened webPreferences', () => {
    expect(windowOptions('/app/out/preload/index.cjs').webPreferences).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
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
    })
  })

  it('never enables Blink features or insecure content, in light or dark', () => {
    for (const dark of [false, true]) {
      const prefs = windowOptions('/p.cjs', dark).webPreferences!
      expect(prefs).not.toHaveProperty('enableBlinkFeatures')
      expect(prefs.allowRunningInsecureContent).toBe(false)
      expect(prefs.experimentalFeatures).toBe(false)
    }
  })

  it('stays hidden until the first paint is ready', () => {
    const origin = resolveAppOrigin({ rendererDir: '/app/out/renderer', packaged: true })
    const win = createMainWindow('/app/out/preload/index.cjs', origin) as unknown as BrowserWindow
    expect(win.options.show).toBe(false)
    expect(win.show).not.toHaveBeenCalled()
    win.emit('ready-to-show')
    expect(win.show).toHaveBeenCalledOnce()
  })

  it('loads the built renderer from disk in production', () => {
    const origin = resolveAppOrigin({ rendererDir: '/app/out/renderer', devUrl: 'http://localhost:5173', packaged: true })
    const win = createMainWindow('/p.cjs', origin) as unknown as BrowserWindow
    expect(win.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html')
    expect(win.loadURL).not.toHaveBeenCalled()
  })

  it('loads the dev server when electron-vite runs it', () => {
    const origin = resolveAppOrigin({ rendererDir: '/app/out/renderer', devUrl: 'http://localhost:5173', packaged: false })
    const win = createMainWindow('/p.cjs', origin) as unknown as BrowserWindow
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })

  it('paints a dark background when the OS is dark', () => {
    nativeTheme.shouldUseDarkColors = true
    const win = createMainWindow('/p.cjs', resolveAppOrigin({ rendererDir: '/r', packaged: true })) as unknown as BrowserWindow
    expect(win.options.backgroundColor).toBe('#1c1c1e')
  })
})
