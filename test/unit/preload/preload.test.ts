import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contract, events, USER_ERROR_PREFIX } from '../../../src-main/shared/ipc-contract'
import { contextBridge, ipcRenderer, resetElectron } from '../main/stub-electron'

vi.mock('electron', () => import('../main/stub-electron'))

type Exposed = Record<string, unknown> & { events: Record<string, (l: (p: unknown) => void) => () => void> }

// Importing the preload exposes the API once, as it does in the window.
await import('../../../src-main/preload/index')
const exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls] as Array<[string, Exposed]>

function exposedApi(): Exposed {
  return exposeCalls[0]![1]
}

it('exposes one object, as window.api, once', () => {
  expect(exposeCalls.map(([key]) => key)).toEqual(['api'])
})

beforeEach(() => resetElectron())

describe('window.api', () => {
  it('has exactly one function per contract method, plus events', async () => {
    const api = exposedApi()
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'events'].sort())
    for (const method of Object.keys(contract)) expect(api[method], method).toBeTypeOf('function')
    expect(Object.keys(api.events).sort()).toEqual(Object.keys(events).sort())
  })

  it('exposes nothing of ipcRenderer: no send, no invoke, no on', async () => {
    const api = exposedApi()
    for (const forbidden of ['ipcRenderer', 'send', 'sendSync', 'invoke', 'on', 'once', 'removeListener', 'postMessage']) {
      expect(api).not.toHaveProperty(forbidden)
      expect(api.events).not.toHaveProperty(forbidden)
    }
    const reachable = JSON.stringify(api, (_k, v: unknown) => (typeof v === 'function' ? 'fn' : v))
    expect(reachable).not.toMatch(/ipc|electron/i)
  })

  it.each(Object.entries(contract).map(([method, { channel }]) => [method, channel]))('%s invokes %s with its input, and nothing else', async (method, channel) => {
    const api = exposedApi()
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: method })
    const input = { probe: method }
    await expect((api[method] as (i: unknown) => Promise<unknown>)(input)).resolves.toEqual({ ok: method })
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, input)
    expect(ipcRenderer.send).not.toHaveBeenCalled()
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('hands the page just the sentence of an error written for the analyst', async () => {
    const api = exposedApi()
    ipcRenderer.invoke.mockRejectedValueOnce(new Error(`Error invoking remote method 'articles:get': Error: ${USER_ERROR_PREFIX}There is no article with id art_x in this notebook.`))
    await expect((api.getArticle as (i: unknown) => Promise<unknown>)({ id: 'art_x' })).rejects.toThrow(/^There is no article with id art_x in this notebook\.$/)
  })

  it('strips Electron’s wrapper from other errors', async () => {
    const api = exposedApi()
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'articles:list': Error: Refused: articles:list may only be called by the Intel Notebook window."))
    await expect((api.listArticles as () => Promise<unknown>)()).rejects.toThrow(/^Refused: articles:list/)
  })
})

describe('window.api.events', () => {
  it.each(Object.entries(events))('%s delivers only the payload of %s, and unsubscribes', async (name, channel) => {
    const api = exposedApi()
    const listener = vi.fn()
    const off = api.events[name]!(listener)
    ipcRenderer.emit(channel, { sender: ipcRenderer, senderId: 0 }, { command: 'tag-claim' })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'tag-claim' })
    ipcRenderer.emit('event:some-other-channel', {}, 'x')
    off()
    ipcRenderer.emit(channel, {}, { command: 'again' })
    expect(listener).toHaveBeenCalledOnce()
    expect(ipcRenderer.listenerCount(channel)).toBe(0)
  })

  it('refuses a listener that is not a function', async () => {
    const api = exposedApi()
    expect(() => api.events.onMenuCommand!('nope' as never)).toThrow(TypeError)
  })
})
