import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SearchResponse } from '../../../src-main/shared/model/search'
import { useTempDirs } from '../../helpers/temp-dir'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { createServices } from '../../../src-main/core/services/notebook-services'
import { protectNotebook } from '../../../src-main/core/crypto/protection'
import { MIN_KDF_N } from '../../../src-main/core/crypto/key-file'
import { notebookDir } from '../../../src-main/main/paths'
import { app, BrowserWindow, dialog, invokeFrom, resetElectron, utilityProcess, type FakeUtilityProcess } from './stub-electron'
import { closeApp, quitApp } from './window-calls'
import { events } from '../../../src-main/shared/ipc-contract'

vi.mock('electron', () => import('./stub-electron'))
const { runApp } = await import('../../../src-main/main/lifecycle')
type Running = NonNullable<Awaited<ReturnType<typeof runApp>>>

const tempDir = useTempDirs()
const mainDir = '/app/out/main'
/** The worker's source stands in for the bundle electron-vite writes beside main's. */
const WORKER_SOURCE = fileURLToPath(new URL('../../../src-main/core/search/worker.ts', import.meta.url))
let running: Running | null = null

const theWindow = () => BrowserWindow.instances.at(-1)!
const call = (channel: string, payload?: unknown) => invokeFrom(channel, payload, { contents: theWindow().webContents })
const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms))

async function launch(userData?: string): Promise<Running> {
  app.paths.set('userData', userData ?? (await tempDir()))
  const r = await runApp({ mainDir, env: {}, argv: [] })
  if (!r) throw new Error('the app did not start')
  running = r
  return r
}

/** Searches until the index is built, as the window does while it says the index is still coming. */
async function searchBuilt(text: string): Promise<SearchResponse> {
  for (let i = 0; i < 400; i++) {
    const r = (await call('search:query', { text })) as SearchResponse
    if (!r.indexing) return r
    await settle(25)
  }
  throw new Error('the index was never built')
}

async function exited(child: FakeUtilityProcess): Promise<void> {
  for (let i = 0; i < 200 && !child.exited; i++) await settle(25)
}

async function quit(): Promise<void> {
  await quitApp()
  running = null
}

beforeEach(() => {
  resetElectron()
  utilityProcess.script = (modulePath) => (modulePath === join(mainDir, 'search-worker.js') ? WORKER_SOURCE : modulePath)
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(async () => {
  await closeApp(running)
  running = null
  resetElectron()
})

describe('search in a utility process', () => {
  it('starts the search worker in its own process once the window is up, with nothing of the notebook on its command line', async () => {
    await launch()
    expect(utilityProcess.fork).not.toHaveBeenCalled()
    theWindow().emit('ready-to-show')
    expect(utilityProcess.fork).toHaveBeenCalledOnce()
    const [child] = utilityProcess.children
    expect(child!.modulePath).toBe(join(mainDir, 'search-worker.js'))
    expect(child!.args).toEqual([])
    expect(child!.options).toMatchObject({ serviceName: 'Intel Notebook search' })
    expect(child!.options).not.toHaveProperty('env')

    const found = await searchBuilt('soldiers')
    expect(found.groups).toHaveLength(1)
    expect(found.groups[0]!.title).toMatch(/^Sample:/)
    // The notebook's folder went over the port, in the first message.
    expect(child!.postMessage.mock.calls.map((c) => (c[0] as { type: string }).type)).toContain('build')
  }, 30_000)

  it('reports a crash, starts a new process on the next search and finds what was written meanwhile', async () => {
    await launch()
    theWindow().emit('ready-to-show')
    const [first] = utilityProcess.children
    await searchBuilt('soldiers')

    first!.process!.kill('SIGKILL')
    await exited(first!)
    const [sample] = (await call('articles:list')) as Array<{ id: string }>
    await call('articles:save-notes', { id: sample!.id, notes: '<p>Ask the zeppelin desk.</p>' })
    // The edit itself started the next process, which reads it with the rest.
    expect(utilityProcess.children).toHaveLength(2)
    const again = await searchBuilt('zeppelin')
    expect(again.groups.map((g) => g.articleId)).toEqual([sample!.id])
  }, 30_000)

  it('tells the window in a sentence when the process dies under a search', async () => {
    await launch()
    theWindow().emit('ready-to-show')
    const [first] = utilityProcess.children
    await searchBuilt('soldiers')
    // A worker that no longer answers, then dies: the search waiting on it is told why.
    first!.process!.kill('SIGSTOP')
    const waiting = call('search:query', { text: 'soldiers' })
    await settle(100)
    first!.process!.kill('SIGKILL')
    await expect(waiting).rejects.toThrow(/The search index stopped \(exit 137\); it starts again with your next search or edit\./)
    expect((await searchBuilt('soldiers')).groups).toHaveLength(1)
    expect(utilityProcess.children).toHaveLength(2)
  }, 30_000)

  it('ends the process when the app quits', async () => {
    await launch()
    theWindow().emit('ready-to-show')
    const [child] = utilityProcess.children
    await searchBuilt('soldiers')
    await quit()
    expect(child!.kill).toHaveBeenCalled()
    expect(child!.exited).toBe(true)
  }, 30_000)

  it('hands a protected notebook\'s key over the port only, searches it, and ends the process when the notebook locks', async () => {
    const PASS = 'saltmarsh ferry timetable'
    const userData = await tempDir()
    const dir = notebookDir(userData)
    await mkdir(dir, { recursive: true })
    const store = await NotebookStore.open(dir, { holder: 'test setup' })
    await createServices(store).createArticle({ title: 'Grain corridor', text: 'Harbour pilots reported a convoy of grain barges.' })
    await store.close()
    await protectNotebook(dir, PASS, { kdf: { N: MIN_KDF_N, r: 8, p: 1 } })
    await launch(userData)
    expect(utilityProcess.fork).not.toHaveBeenCalled()
    await call('notebook:unlock', { passphrase: PASS })
    const [child] = utilityProcess.children
    expect(child!.args).toEqual([])
    expect(child!.options).not.toHaveProperty('env')
    expect((await searchBuilt('barges')).groups.map((g) => g.title)).toEqual(['Grain corridor'])
    const build = child!.postMessage.mock.calls.map((c) => c[0] as { type: string; key?: { key: Uint8Array } }).find((m) => m.type === 'build')
    expect(build!.key!.key).toBeInstanceOf(Uint8Array)

    await call('notebook:lock')
    await exited(child!)
    expect(child!.kill).toHaveBeenCalled()
    expect(child!.exited).toBe(true)
  }, 30_000)

  it('ends the process of the notebook left behind on a switch, and starts one for the notebook opened', async () => {
    const other = join(await tempDir(), 'Second case')
    const store = await NotebookStore.open(other, { holder: 'test setup' })
    await createServices(store).createArticle({ title: 'Ferry schedule', text: 'The ferry to the island sails at dawn.' })
    await store.close()
    await launch()
    theWindow().emit('ready-to-show')
    const [first] = utilityProcess.children
    await searchBuilt('soldiers')

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })
    const switching = call('notebooks:open')
    // The window's part in a switch: it flushes when main asks.
    for (let i = 0; i < 200 && !theWindow().webContents.send.mock.calls.some((c) => c[0] === events.onFlushRequest); i++) await settle()
    await call('app:flushed')
    await switching
    await exited(first!)
    expect(first!.kill).toHaveBeenCalled()
    expect(first!.exited).toBe(true)
    expect(utilityProcess.children).toHaveLength(2)
    expect((await searchBuilt('ferry')).groups.map((g) => g.title)).toEqual(['Ferry schedule'])
  }, 30_000)
})
