import { existsSync, readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { contract, events } from '../../../src-main/shared/ipc-contract'

const bundlePath = new URL('../../../out/preload/index.cjs', import.meta.url)
const built = existsSync(bundlePath)

/**
 * A sandboxed preload cannot load modules: it gets a `require` that knows only a few Electron modules.
 * These run on the built file (`npm test` builds first).
 */
describe.skipIf(!built)('the built preload (out/preload/index.cjs)', () => {
  const source = built ? readFileSync(bundlePath, 'utf8') : ''

  it('is one CommonJS file that requires nothing but electron', () => {
    const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(source).not.toMatch(/\brequire\(\s*[^"'`\s]/)
    expect(source).not.toMatch(/^\s*import\s|\bimport\(/m)
  })

  it('carries the channel names but not the contract\'s validator (zod stays in main)', () => {
    expect(source).not.toMatch(/ZodError|safeParse|\$ZodType|zod\.dev/)
    // The whole preload is the channel table and a few functions; zod alone would be well over 100 kB.
    expect(source.length).toBeLessThan(20_000)
    for (const { channel } of Object.values(contract)) expect(source).toContain(`"${channel}"`)
  })

  it('runs in a sandbox-like context and exposes exactly the contract', () => {
    const exposed = new Map<string, Record<string, unknown>>()
    const invoke = vi.fn(async () => 'ok')
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
    }
    const module = { exports: {} }
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron
      throw new Error(`module not found: ${id}`)
    }
    runInNewContext(source, { require: sandboxRequire, module, exports: module.exports, console })
    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api')!
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'events'].sort())
    expect(Object.keys(api.events as object).sort()).toEqual(Object.keys(events).sort())
    void (api.listArticles as () => Promise<unknown>)()
    expect(invoke).toHaveBeenCalledWith('articles:list', undefined)
  })
})
