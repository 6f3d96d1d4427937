import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { events } from '../../../src-main/shared/ipc-contract'
import { notebookLayout } from '../../../src-main/core/store/layout'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { notebookRefId } from '../../../src-main/main/notebooks'
import { useTempDirs } from '../../helpers/temp-dir'
import { app, dialog, Menu, resetElectron } from './stub-electron'
import { answeringFlushes, call, closeApp, quitApp, settle, theWindow } from './window-calls'

vi.mock('electron', () => import('./stub-electron'))
const { runApp } = await import('../../../src-main/main/lifecycle')
type Running = NonNullable<Awaited<ReturnType<typeof runApp>>>

/** Issue 9's notebooks in main: open another folder, make a new one, switch between recent ones, reopen the last. */

const tempDir = useTempDirs()
const mainDir = '/app/out/main'
let running: Running | null = null

async function launch(userData: string): Promise<Running> {
  app.paths.set('userData', userData)
  const r = await runApp({ mainDir, env: {}, argv: [] })
  if (!r) throw new Error('the app did not start')
  running = r
  return r
}


async function quit(): Promise<void> {
  await quitApp()
  running = null
}

async function makeNotebook(dir: string, title: string): Promise<void> {
  const store = await NotebookStore.open(dir, { holder: 'test' })
  const { createServices } = await import('../../../src-main/core/services/notebook-services')
  await createServices(store).createArticle({ title, text: `${title}: officials said the convoy moved.` })
  await store.close()
}

function menuItem(id: string): { click?: () => void; submenu?: unknown; label?: string; enabled?: boolean; checked?: boolean } | undefined {
  type Item = { id?: string; submenu?: Item[]; click?: () => void }
  const walk = (items: Item[]): Item[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu) : [])])
  return walk((Menu.applied as { template: Item[] }).template).find((i) => i.id === id)
}

beforeEach(() => {
  resetElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(async () => {
  await closeApp(running)
  running = null
})

describe('opening another notebook', () => {
  it('opens a notebook folder picked in the native dialog, releases the old one and reloads the window on the new one', async () => {
    const userData = await tempDir()
    const other = join(await tempDir(), 'Border case')
    await makeNotebook(other, 'Convoy report')
    const r = await launch(userData)
    const first = r.notebook
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })

    await expect(answeringFlushes(call('notebooks:open'))).resolves.toEqual({ outcome: 'switched' })
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toBe(theWindow())
    expect((dialog.showOpenDialog.mock.calls[0]![1] as { properties: string[] }).properties).toEqual(['openDirectory'])
    expect(theWindow().webContents.reload).toHaveBeenCalledOnce()
    expect(existsSync(first.store.layout.lock)).toBe(false)
    expect(existsSync(notebookLayout(other).lock)).toBe(true)
    const titles = ((await call('articles:list')) as Array<{ title: string }>).map((a) => a.title)
    expect(titles).toEqual(['Convoy report'])

    const list = (await call('notebooks:list')) as { current: { name: string; path: string }; recent: Array<{ path: string }> }
    expect(list.current).toMatchObject({ name: 'Border case', path: other })
    expect(list.recent.map((n) => n.path)).toEqual([join(userData, 'Notebook')])
    const recent = menuItem('open-recent')!.submenu as Array<{ label: string }>
    expect(recent.map((i) => i.label)).toEqual([`Notebook — ${join(userData, 'Notebook')}`])
  })

  it('refuses a folder that holds no notebook, with one sentence, and stays where it was', async () => {
    const r = await launch(await tempDir())
    const plain = await tempDir()
    await writeFile(join(plain, 'holiday.jpg'), 'x')
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [plain] })
    await expect(call('notebooks:open')).rejects.toThrow(new RegExp(`^Intel Notebook: ${plain} is not an Intel Notebook folder: it has no notebook.json`))
    expect(theWindow().webContents.reload).not.toHaveBeenCalled()
    expect(r.notebook.store.layout.root).toBe(r.session.dir)
    await expect(call('articles:list')).resolves.toHaveLength(1)
  })

  it('does nothing when the dialog is cancelled', async () => {
    await launch(await tempDir())
    await expect(call('notebooks:open')).resolves.toEqual({ outcome: 'cancelled' })
    expect(theWindow().webContents.reload).not.toHaveBeenCalled()
  })

  it('keeps the current notebook when the other one is held by another process', async () => {
    const r = await launch(await tempDir())
    const other = await tempDir()
    await makeNotebook(other, 'Held')
    const holder = await NotebookStore.open(other, { holder: 'CLI' })
    try {
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })
      await expect(answeringFlushes(call('notebooks:open'))).rejects.toThrow(/could not be opened: The notebook is open in another process.*You are still in Notebook\./s)
      expect(r.session.dir).not.toBe(other)
      await expect(call('articles:list')).resolves.toHaveLength(1)
    } finally {
      await holder.close()
    }
  })
})

describe('a new notebook', () => {
  it('is made in the folder named in the save dialog, empty, and opened', async () => {
    const userData = await tempDir()
    await launch(userData)
    const target = join(await tempDir(), 'Ports case')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    await expect(answeringFlushes(call('notebooks:create'))).resolves.toEqual({ outcome: 'switched' })
    expect((dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string }).defaultPath).toBe(join('/home/analyst/Documents', 'New notebook'))
    expect(existsSync(notebookLayout(target).index)).toBe(true)
    await expect(call('articles:list')).resolves.toEqual([])
    expect(((await call('notebooks:list')) as { current: { name: string } }).current.name).toBe('Ports case')
  })

  it('is not made over a folder that already holds other files', async () => {
    await launch(await tempDir())
    const busy = await tempDir()
    await writeFile(join(busy, 'notes.txt'), 'mine')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: busy })
    await expect(call('notebooks:create')).rejects.toThrow(/already holds other files/)
    expect(existsSync(notebookLayout(busy).index)).toBe(false)
  })
})

describe('recent notebooks and the next launch', () => {
  it('switches back by id from the window or the menu, and reopens the last one on launch', async () => {
    const userData = await tempDir()
    const other = await tempDir()
    await makeNotebook(other, 'Second case')
    const r = await launch(userData)
    const home = r.session.dir
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })
    await answeringFlushes(call('notebooks:open'))

    await expect(call('notebooks:switch', { id: 'not-an-id' })).rejects.toThrow(/Invalid request/)
    await expect(call('notebooks:switch', { id: '0123456789abcdef' })).rejects.toThrow(/no longer in the recent list/)
    await expect(answeringFlushes(call('notebooks:switch', { id: notebookRefId(home) }))).resolves.toEqual({ outcome: 'switched' })
    expect(r.session.dir).toBe(home)

    menuItem(`recent-${notebookRefId(other)}`)!.click!()
    await answeringFlushes((async () => {
      for (let i = 0; i < 100 && r.session.dir !== other; i++) await settle()
    })())
    expect(r.session.dir).toBe(other)
    await quit()

    resetElectron()
    const again = await launch(userData)
    expect(again.session.dir).toBe(other)
    await expect(call('articles:list')).resolves.toMatchObject([{ title: 'Second case' }])
  })

  it('opens the default notebook and says why when the last one has gone', async () => {
    const userData = await tempDir()
    const other = join(await tempDir(), 'USB case')
    await makeNotebook(other, 'On a stick')
    await launch(userData)
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })
    await answeringFlushes(call('notebooks:open'))
    await quit()
    const { rm } = await import('node:fs/promises')
    await rm(other, { recursive: true })

    resetElectron()
    const again = await launch(userData)
    expect(again.session.dir).toBe(join(userData, 'Notebook'))
    theWindow().emit('ready-to-show')
    await settle()
    const notice = dialog.showMessageBox.mock.calls.map((c) => (c[1] as { detail?: string }).detail).find((d) => d?.includes(other))
    expect(notice).toMatch(/no longer there.*default notebook is open instead/)
  })
})

describe('the settings file', () => {
  it('keeps the theme, the panes and, per notebook, the open article and its scroll', async () => {
    const userData = await tempDir()
    await launch(userData)
    const [sample] = (await call('articles:list')) as Array<{ id: string }>
    const panes = { library: { width: 300, collapsed: false }, annotations: { width: 420, collapsed: true } }
    await call('ui:save-state', { panes, place: { articleId: sample!.id, scroll: 640 } })
    await call('ui:set-theme', { theme: 'dark' })
    await expect(call('ui:save-state', { panes, place: { articleId: sample!.id, scroll: -1 } })).rejects.toThrow(/Invalid request/)
    await expect(call('ui:set-theme', { theme: 'sepia' })).rejects.toThrow(/Invalid request/)
    expect(menuItem('theme-dark')!.checked).toBe(true)
    await quit()

    const saved = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')) as { theme: string; places: Record<string, unknown> }
    expect(saved.theme).toBe('dark')
    expect(saved.places[join(userData, 'Notebook')]).toEqual({ articleId: sample!.id, scroll: 640 })

    resetElectron()
    await launch(userData)
    const { nativeTheme } = await import('./stub-electron')
    expect(nativeTheme.themeSource).toBe('dark')
    expect(theWindow().options.backgroundColor).toBe('#1c1c1e')
    await expect(call('ui:load-state')).resolves.toEqual({ theme: 'dark', panes, place: { articleId: sample!.id, scroll: 640 } })
  })

  it('sets a damaged settings file aside and starts with defaults', async () => {
    const userData = await tempDir()
    await mkdir(userData, { recursive: true })
    await writeFile(join(userData, 'settings.json'), '{"schemaVersion": 1, "theme": ')
    await launch(userData)
    expect(existsSync(join(userData, 'settings.json.damaged'))).toBe(true)
    await expect(call('ui:load-state')).resolves.toEqual({ theme: 'system', panes: null, place: null })
    theWindow().emit('ready-to-show')
    await settle()
    expect(dialog.showMessageBox.mock.calls.some((c) => /settings file could not be read/.test((c[1] as { detail?: string }).detail ?? ''))).toBe(true)
  })
})

describe('the window', () => {
  it('reopens where it was left, maximised and zoomed, after a restart', async () => {
    const userData = await tempDir()
    await launch(userData)
    const win = theWindow()
    win.bounds = { x: 300, y: 200, width: 1100, height: 700 }
    win.emit('move')
    await new Promise((r) => setTimeout(r, 600))
    win.normalBounds = { ...win.bounds }
    win.maximized = true
    await call('window:action', { action: 'zoom-in' })
    await call('window:action', { action: 'zoom-in' })
    expect(win.webContents.zoomLevel).toBe(1)
    await quit()

    resetElectron()
    await launch(userData)
    const again = theWindow()
    expect(again.options).toMatchObject({ x: 300, y: 200, width: 1100, height: 700 })
    expect(again.maximize).not.toHaveBeenCalled()
    again.emit('ready-to-show')
    expect(again.maximize).toHaveBeenCalledOnce()
    again.webContents.emit('did-finish-load')
    expect(again.webContents.setZoomLevel).toHaveBeenCalledWith(1)
  })

  it('toggles full screen and resets the zoom for the palette', async () => {
    await launch(await tempDir())
    await call('window:action', { action: 'toggle-full-screen' })
    expect(theWindow().fullScreen).toBe(true)
    await call('window:action', { action: 'zoom-out' })
    await call('window:action', { action: 'zoom-reset' })
    expect(theWindow().webContents.setZoomLevel.mock.calls.map((c) => c[0])).toEqual([-0.5, 0])
    await expect(call('window:action', { action: 'close' })).rejects.toThrow(/Invalid request/)
  })
})

describe('files the operating system opens with the app', () => {
  async function exportBundle(dir: string, title = 'Shared by a colleague', name = 'From the desk.intelnotebook'): Promise<string> {
    const source = join(dir, `source-${name}`)
    const store = await NotebookStore.open(source, { holder: 'test' })
    const { createServices } = await import('../../../src-main/core/services/notebook-services')
    const services = createServices(store)
    await services.createArticle({ title, text: `${title}: officials said the convoy moved at night.` })
    const { bytes } = await services.exportTarget({ kind: 'all' }, 'json')
    await services.closeSearch()
    await store.close()
    const path = join(dir, name)
    await writeFile(path, bytes)
    return path
  }

  it('imports an export named on the command line at launch, and the window takes the report once', async () => {
    const dir = await tempDir()
    const bundle = await exportBundle(dir)
    const asJson = await exportBundle(dir, 'Saved as JSON', 'Older export.json')
    app.paths.set('userData', await tempDir())
    running = await runApp({ mainDir, env: {}, argv: ['/opt/Intel Notebook/intel-notebook', '--no-sandbox', bundle, join(dir, 'missing.intelnotebook'), dir, asJson] })
    let results: Array<{ name: string; status: string }> = []
    for (let i = 0; i < 100 && results.length === 0; i++) {
      results = (await call('files:take-opened')) as typeof results
      await settle()
    }
    expect(results).toMatchObject([
      { name: 'From the desk.intelnotebook: “Shared by a colleague”', status: 'imported' },
      { name: 'Older export.json: “Saved as JSON”', status: 'imported' },
    ])
    await expect(call('files:take-opened')).resolves.toEqual([])
    const titles = ((await call('articles:list')) as Array<{ title: string }>).map((a) => a.title)
    expect(titles).toEqual(expect.arrayContaining(['Shared by a colleague', 'Saved as JSON']))
  })

  it('imports one handed over by a second launch or by macOS, and tells the window', async () => {
    const dir = await tempDir()
    const bundle = await exportBundle(dir)
    await launch(await tempDir())
    theWindow().webContents.send.mockClear()
    app.emit('second-instance', {}, ['/opt/Intel Notebook/intel-notebook', 'From the desk.intelnotebook'], dir)
    for (let i = 0; i < 100 && !theWindow().webContents.send.mock.calls.some((c) => c[0] === events.onFilesOpened); i++) await settle()
    await expect(call('files:take-opened')).resolves.toMatchObject([{ status: 'imported' }])

    const prevented = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
    app.emit('open-file', prevented, bundle)
    expect(prevented.defaultPrevented).toBe(true)
    let again: Array<{ status: string }> = []
    for (let i = 0; i < 100 && again.length === 0; i++) {
      again = (await call('files:take-opened')) as typeof again
      await settle()
    }
    // The same bundle twice: its article is already in the notebook.
    expect(again).toMatchObject([{ status: 'duplicate' }])

    // An export saved under .json opens the same way.
    const asJson = await exportBundle(dir, 'Opened from Finder', 'Finder.json')
    app.emit('open-file', { preventDefault() {} }, asJson)
    let fromJson: Array<{ name: string; status: string }> = []
    for (let i = 0; i < 100 && fromJson.length === 0; i++) {
      fromJson = (await call('files:take-opened')) as typeof fromJson
      await settle()
    }
    expect(fromJson).toMatchObject([{ name: 'Finder.json: “Opened from Finder”', status: 'imported' }])
  })
})
