import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contract, USER_ERROR_PREFIX, type Method } from '../../../src-main/shared/ipc-contract'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { createServices } from '../../../src-main/core/services/notebook-services'
import { createHandlers, type ShellDeps } from '../../../src-main/main/ipc/handlers'
import { useTempDirs } from '../../helpers/temp-dir'
import { FakeWebContents, invokeFrom, ipcMain, resetElectron } from './stub-electron'
import { appShellMocks } from '../../helpers/app-shell-fake'

vi.mock('electron', () => import('./stub-electron'))
const { registerIpc } = await import('../../../src-main/main/ipc/register')
const { resolveAppOrigin } = await import('../../../src-main/main/app-origin')

const tempDir = useTempDirs()
const rendererDir = '/app/out/renderer'
const origin = resolveAppOrigin({ rendererDir, packaged: true })
const appPage = pathToFileURL(join(rendererDir, 'index.html')).href
const methods = Object.keys(contract) as Method[]

let store: NotebookStore
let contents: FakeWebContents
function fakeShell() {
  return {
    pickImportFiles: vi.fn(async () => [] as Array<{ name: string; bytes: Uint8Array }>),
    confirmOpenExternal: vi.fn(async (_url: string) => true),
    openExternal: vi.fn(async (_url: string) => {}),
    windowFlushed: vi.fn(),
    saveExport: vi.fn(async (_name: string, _bytes: Uint8Array) => null as string | null),
    showInFolder: vi.fn((_path: string) => {}),
    printToPdf: vi.fn(async (_html: string) => new Uint8Array()),
    exportProgress: vi.fn(),
    importProgress: vi.fn(),
    ...appShellMocks(),
  } satisfies ShellDeps
}
let shell: ReturnType<typeof fakeShell>
let unregister: () => void

beforeEach(async () => {
  resetElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  store = await NotebookStore.open(await tempDir(), { holder: 'register test' })
  const services = createServices(store)
  shell = fakeShell()
  contents = new FakeWebContents()
  contents.mainFrame.url = appPage
  unregister = registerIpc(createHandlers(() => services, shell), { app: origin, windowContentsId: () => contents.id })
})
afterEach(async () => {
  unregister()
  await store.close()
})

const fromApp = (channel: string, payload?: unknown) => invokeFrom(channel, payload, { contents })

describe('registration', () => {
  it('handles every contract channel with ipcMain.handle, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methods.map((m) => contract[m].channel).sort())
    expect(ipcMain.handle).toHaveBeenCalledTimes(methods.length)
    expect(ipcMain.on).not.toHaveBeenCalled()
    expect(ipcMain.once).not.toHaveBeenCalled()
  })

  it('removes every handler again', () => {
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
    unregister = () => {}
  })

  it('answers the app page', async () => {
    await expect(fromApp('articles:list')).resolves.toEqual([])
    await expect(fromApp('notebook:status')).resolves.toMatchObject({ path: store.layout.root, readOnly: false })
  })
})

describe('the sender check', () => {
  const foreignUrls = ['https://evil.example/', 'file:///tmp/x.html', pathToFileURL(join(rendererDir, 'other.html')).href, 'about:blank', 'data:text/html,x']

  it.each(methods.map((m) => contract[m].channel))('refuses %s from foreign pages', async (channel) => {
    for (const url of foreignUrls) {
      const err = await invokeFrom(channel, undefined, { contents, url }).then(() => null, (e: Error) => e)
      expect(err?.message, url).toBe(`Refused: ${channel} may only be called by the Intel Notebook window.`)
    }
  })

  it('refuses a subframe of the app page', async () => {
    await expect(invokeFrom('articles:list', undefined, { contents, parent: { url: appPage } })).rejects.toThrow(/^Refused/)
  })

  it('refuses another webContents showing the same page', async () => {
    const other = new FakeWebContents()
    await expect(invokeFrom('articles:list', undefined, { contents: other, url: appPage })).rejects.toThrow(/^Refused/)
  })

  it('refuses a frame that is gone', async () => {
    const fn = ipcMain.handlers.get('articles:list')!
    await expect(Promise.resolve().then(() => fn({ sender: contents, senderFrame: null }, undefined))).rejects.toThrow(/^Refused/)
  })

  it('refuses everything while there is no window', async () => {
    unregister()
    const services = createServices(store)
    unregister = registerIpc(createHandlers(() => services, shell), { app: origin, windowContentsId: () => null })
    await expect(fromApp('articles:list')).rejects.toThrow(/^Refused/)
  })

  it('never reaches the handler for a refused call', async () => {
    await invokeFrom('app:flushed', undefined, { contents, url: 'https://evil.example/' }).catch(() => {})
    await invokeFrom('shell:open-external', { url: 'https://example.com/' }, { contents, url: 'https://evil.example/' }).catch(() => {})
    expect(shell.windowFlushed).not.toHaveBeenCalled()
    expect(shell.confirmOpenExternal).not.toHaveBeenCalled()
  })
})

describe('payload validation', () => {
  const bad: unknown[] = [42, 'nope', null, true, [], { unexpected: true }, { id: '../../etc/passwd' }]

  it.each(methods)('%s rejects every bad payload with one clear sentence and changes nothing', async (method) => {
    const channel = contract[method].channel
    const before = await snapshot()
    for (const payload of bad) {
      if (contract[method].input.safeParse(payload).success) continue
      const err = await fromApp(channel, payload).then(
        () => null,
        (e: Error) => e,
      )
      expect(err, `${channel} accepted ${JSON.stringify(payload)}`).toBeInstanceOf(Error)
      expect(err!.message).toMatch(new RegExp(`^${USER_ERROR_PREFIX}Invalid request to ${channel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*: .+\\.$`))
    }
    expect(await snapshot()).toEqual(before)
    expect(shell.pickImportFiles).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('every channel has at least one payload in that list it rejects', () => {
    for (const method of methods) expect(bad.some((p) => !contract[method].input.safeParse(p).success), method).toBe(true)
  })

  it('prefixes errors written for the analyst', async () => {
    await expect(fromApp('articles:get', { id: 'art_0000000000000000' })).rejects.toThrow(`${USER_ERROR_PREFIX}There is no article with id art_0000000000000000 in this notebook.`)
  })

  async function snapshot() {
    return {
      index: await readFile(store.layout.index, 'utf8'),
      articles: await readdir(store.layout.articlesDir),
      originals: await readdir(store.layout.originalsDir),
    }
  }
})
