import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contract, events, type ImportResult } from '../../../src-main/shared/ipc-contract'
import { notebookLayout } from '../../../src-main/core/store/layout'
import { useTempDirs } from '../../helpers/temp-dir'
import { app, BrowserWindow, dialog, invokeFrom, ipcMain, Menu, resetElectron, session, shell } from './stub-electron'
import { closeApp, quitApp } from './window-calls'

vi.mock('electron', () => import('./stub-electron'))
const { runApp } = await import('../../../src-main/main/lifecycle')
type Running = NonNullable<Awaited<ReturnType<typeof runApp>>>

const tempDir = useTempDirs()
const mainDir = '/app/out/main'
let running: Running | null = null

async function launch(userData: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  app.paths.set('userData', userData)
  const r = await runApp({ mainDir, env })
  if (!r) throw new Error('the app did not start')
  running = r
  return r
}

function theWindow(): BrowserWindow {
  const w = BrowserWindow.instances.at(-1)
  if (!w) throw new Error('no window')
  return w
}
const call = (channel: string, payload?: unknown) => invokeFrom(channel, payload, { contents: theWindow().webContents })
const sent = (channel: string) => theWindow().webContents.send.mock.calls.filter((c) => c[0] === channel).map((c) => c[1])
const settle = () => new Promise((r) => setTimeout(r, 20))

/** Quits the way the app menu does and waits until the notebook is closed. */
async function quit(): Promise<void> {
  await quitApp()
  running = null
}

beforeEach(() => {
  resetElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(async () => {
  await closeApp(running)
  running = null
})

describe('single instance', () => {
  it('a second instance quits at once without touching the notebook', async () => {
    app.lockGranted = false
    const dir = await tempDir()
    app.paths.set('userData', dir)
    await expect(runApp({ mainDir, env: {} })).resolves.toBeNull()
    expect(app.quit).toHaveBeenCalled()
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
    expect(existsSync(join(dir, 'Notebook'))).toBe(false)
  })

  it('the first instance restores and focuses its window when a second one starts', async () => {
    await launch(await tempDir())
    const win = theWindow()
    win.minimized = true
    app.emit('second-instance', {}, ['intel-notebook'], '/')
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(1)
  })
})

describe('first launch', () => {
  it('creates the notebook in userData, seeds the sample and opens a hardened window on it', async () => {
    const userData = await tempDir()
    const r = await launch(userData)
    expect(r.notebook.created).toBe(true)
    expect(existsSync(notebookLayout(join(userData, 'Notebook')).index)).toBe(true)
    expect(theWindow().options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(theWindow().loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html')
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(contract).map((c) => c.channel).sort())
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce()
    expect(session.defaultSession.permissionRequestHandler).toBeTypeOf('function')
    // Spellcheck dictionaries come from userData's Dictionaries folder, never from Google's CDN.
    expect(session.defaultSession.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledExactlyOnceWith(`${pathToFileURL(join(userData, 'Dictionaries')).href}/`)
    expect(theWindow().webContents.windowOpenHandler).toBeTypeOf('function')

    const articles = (await call('articles:list')) as Array<{ id: string; title: string; counts: { claim: number; source: number; question: number } }>
    expect(articles).toHaveLength(1)
    expect(articles[0]!.title).toMatch(/^Sample:/)
    expect(articles[0]!.counts.claim + articles[0]!.counts.source + articles[0]!.counts.question).toBeGreaterThan(2)
    await expect(call('notebook:status')).resolves.toMatchObject({ path: join(userData, 'Notebook') })
  })

  it('honours INTEL_NOTEBOOK_USER_DATA', async () => {
    const elsewhere = await tempDir()
    app.paths.set('userData', await tempDir())
    running = await runApp({ mainDir, env: { INTEL_NOTEBOOK_USER_DATA: elsewhere } })
    expect(app.setPath).toHaveBeenCalledWith('userData', elsewhere)
    expect(existsSync(join(elsewhere, 'Notebook', 'notebook.json'))).toBe(true)
  })

  it('does not seed again, nor refill a notebook the analyst emptied', async () => {
    const userData = await tempDir()
    await launch(userData)
    const [sample] = (await call('articles:list')) as Array<{ id: string }>
    await call('articles:delete', { id: sample!.id })
    await quit()

    resetElectron()
    const again = await launch(userData)
    expect(again.notebook.created).toBe(false)
    await expect(call('articles:list')).resolves.toEqual([])
  })

  it('loads the dev server and offers developer tools under electron-vite dev', async () => {
    await launch(await tempDir(), { ELECTRON_RENDERER_URL: 'http://localhost:5173' })
    expect(theWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    const template = (Menu.applied as { template: Array<{ submenu?: Array<{ role?: string }> }> }).template
    expect(template.flatMap((m) => m.submenu ?? []).map((i) => i.role)).toContain('toggleDevTools')
  })

  it('explains a notebook it cannot open, and stops without a window', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const userData = await tempDir()
    const layout = notebookLayout(join(userData, 'Notebook'))
    const { mkdir } = await import('node:fs/promises')
    await mkdir(layout.root, { recursive: true })
    await writeFile(layout.lock, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), holder: 'CLI' }))
    app.paths.set('userData', userData)
    await expect(runApp({ mainDir, env: {} })).resolves.toBeNull()
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringMatching(/^The notebook is open in another process \(CLI/))
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(BrowserWindow.instances).toHaveLength(0)
  })
})

describe('saving and closing', () => {
  it('forwards the store status to the window', async () => {
    await launch(await tempDir())
    const [sample] = (await call('articles:list')) as Array<{ id: string }>
    theWindow().webContents.send.mockClear()
    await call('articles:save-notes', { id: sample!.id, notes: '<p>check the convoy dates</p>' })
    await settle()
    const statuses = sent(events.onStoreStatus) as Array<{ state: string; at: string }>
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'saved'])
    expect(Date.parse(statuses[1]!.at)).not.toBeNaN()
  })

  it('asks the window to flush, waits for it, then closes and releases the notebook', async () => {
    const userData = await tempDir()
    const r = await launch(userData)
    const win = theWindow()
    win.close()
    expect(win.destroyed).toBe(false)
    expect(sent(events.onFlushRequest)).toEqual([{}])
    await settle()
    expect(win.destroyed).toBe(false)
    await call('app:flushed')
    for (let i = 0; i < 50 && !app.quitted; i++) await settle()
    expect(win.destroyed).toBe(true)
    expect(app.quitted).toBe(true)
    expect(existsSync(r.notebook.store.layout.lock)).toBe(false)
    running = null
  })

  it('keeps the window open while writes fail and the analyst chooses to keep editing', async () => {
    const r = await launch(await tempDir())
    let failing = ['index']
    Object.defineProperty(r.notebook.store, 'failingFiles', { get: () => failing, configurable: true })
    const retry = vi.spyOn(r.notebook.store, 'retryFailedWrites').mockImplementation(() => {})
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    const win = theWindow()
    win.close()
    await call('app:flushed')
    await settle()
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
    expect((dialog.showMessageBox.mock.calls[0]![1] as { type: string }).type).toBe('warning')
    expect(win.destroyed).toBe(false)
    expect(retry).toHaveBeenCalled()

    retry.mockImplementation(() => void (failing = []))
    win.close()
    await call('app:flushed')
    for (let i = 0; i < 50 && !win.destroyed; i++) await settle()
    expect(win.destroyed).toBe(true)
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
  })

  it('closes anyway when the analyst chooses to quit without saving', async () => {
    const r = await launch(await tempDir())
    Object.defineProperty(r.notebook.store, 'failingFiles', { get: () => ['index'], configurable: true })
    vi.spyOn(r.notebook.store, 'retryFailedWrites').mockImplementation(() => {})
    dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false })
    const win = theWindow()
    win.close()
    await call('app:flushed')
    for (let i = 0; i < 50 && !win.destroyed; i++) await settle()
    expect(win.destroyed).toBe(true)
    const detail = (dialog.showMessageBox.mock.calls[0]![1] as { detail: string }).detail
    expect(detail).toContain(r.notebook.store.layout.root)
  })
})

describe('external links', () => {
  const refused = ['file:///etc/passwd', 'smb://server/share/x', '\\\\server\\share\\x.exe', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'myapp://run', 'data:text/html,x', 'vbscript:x', 'ms-msdt:/id']

  it('opens web and mail links through shell.openExternal, only after the confirm', async () => {
    await launch(await tempDir())
    for (const url of ['https://example.com/report', 'http://example.com/', 'mailto:desk@example.com']) {
      shell.openExternal.mockClear()
      dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
      await expect(call('shell:open-external', { url }), url).resolves.toEqual({ opened: false })
      expect(shell.openExternal).not.toHaveBeenCalled()
      dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
      await expect(call('shell:open-external', { url }), url).resolves.toEqual({ opened: true })
      expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(new URL(url).href)
    }
  })

  it('never opens file:, smb:, UNC paths, custom schemes or script URLs, not even behind a confirm', async () => {
    await launch(await tempDir())
    dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false })
    for (const url of refused) {
      await expect(call('shell:open-external', { url }), url).rejects.toThrow(/Only web \(http, https\) and mail \(mailto\) links open outside the app/)
      theWindow().webContents.windowOpenHandler!({ url })
    }
    await settle()
    expect(dialog.showMessageBox).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('routes window.open of a web link to the same confirm', async () => {
    await launch(await tempDir())
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    expect(theWindow().webContents.windowOpenHandler!({ url: 'https://example.com/x' })).toEqual({ action: 'deny' })
    await settle()
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/x')
  })

  it('shows one confirm at a time when a page opens links in a loop', async () => {
    await launch(await tempDir())
    let answer!: (v: { response: number; checkboxChecked: boolean }) => void
    dialog.showMessageBox.mockImplementationOnce(() => new Promise((r) => (answer = r)))
    for (let i = 0; i < 5; i++) theWindow().webContents.windowOpenHandler!({ url: `https://example.com/${i}` })
    await settle()
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
    answer({ response: 0, checkboxChecked: false })
    await settle()
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/0')
  })
})

describe('menu commands', () => {
  it('reach the window as onMenuCommand events', async () => {
    await launch(await tempDir())
    const template = (Menu.applied as { template: Array<{ submenu?: Array<{ id?: string; click?: () => void }> }> }).template
    template.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'tag-claim')!.click!()
    expect(sent(events.onMenuCommand)).toEqual([{ command: 'tag-claim' }])
  })

  it('show the notebook folder from a path main chose, whatever the window asks', async () => {
    const userData = await tempDir()
    await launch(userData)
    const template = (Menu.applied as { template: Array<{ submenu?: Array<{ id?: string; click?: () => void }> }> }).template
    template.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'show-notebook-folder')!.click!()
    expect(sent(events.onMenuCommand)).toEqual([{ command: 'show-notebook-folder' }])
    await expect(call('notebooks:show-folder', { path: '/etc' })).rejects.toThrow(/Invalid request/)
    await call('notebooks:show-folder')
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(join(userData, 'Notebook'))
  })
})

describe('importing', () => {
  it('hands the files chosen in the native dialog to the import service as names and bytes, and tells the window how far it got', async () => {
    const r = await launch(await tempDir())
    const dir = await tempDir()
    await writeFile(join(dir, 'brief.txt'), 'Ministry statement\nThe ministry denied the report on Monday.')
    const importFiles = vi.spyOn(r.notebook.services, 'importFiles')
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'brief.txt')] })
    const results = (await call('articles:import-dialog')) as ImportResult[]
    expect(results).toMatchObject([{ name: 'brief.txt', status: 'imported', article: { title: 'Ministry statement' } }])
    expect(importFiles).toHaveBeenCalledExactlyOnceWith(
      [{ name: 'brief.txt', bytes: new Uint8Array(Buffer.from('Ministry statement\nThe ministry denied the report on Monday.')) }],
      expect.any(Function),
    )
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toBe(theWindow())
    expect(sent(events.onImportProgress)).toEqual([{ done: 1, total: 1, results }])
  })

  it('imports nothing when the dialog is cancelled', async () => {
    const r = await launch(await tempDir())
    const importFiles = vi.spyOn(r.notebook.services, 'importFiles')
    await expect(call('articles:import-dialog')).resolves.toEqual([])
    expect(importFiles).not.toHaveBeenCalled()
  })
})
