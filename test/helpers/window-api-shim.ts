/**
 * The browser side of the harness: stands in for the preload. It defines `window.api` with one function per
 * contract method, each POSTing its argument to the harness, which calls main's real handler table.
 * Events main would send arrive through `window.__harnessEmit`, which the test calls via page.evaluate.
 * This function is serialised into the page by Playwright, so it must not close over anything.
 */
export function installWindowApi(config: { methods: string[]; events: string[] }): void {
  const toWire = (value: unknown): string =>
    JSON.stringify(value, (_k, v: unknown) => {
      if (v instanceof Uint8Array) {
        let s = ''
        for (let i = 0; i < v.length; i++) s += String.fromCharCode(v[i]!)
        return { __bytes: btoa(s) }
      }
      return v
    })
  const api: Record<string, unknown> = {}
  for (const method of config.methods) {
    api[method] = async (input: unknown) => {
      const res = await fetch(`/__api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: toWire(input === undefined ? null : input) })
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: string }
      if (!body.ok) throw new Error(body.error)
      return body.value
    }
  }
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const events: Record<string, unknown> = {}
  for (const name of config.events) {
    listeners.set(name, new Set())
    events[name] = (listener: (p: unknown) => void) => {
      listeners.get(name)!.add(listener)
      return () => listeners.get(name)!.delete(listener)
    }
  }
  api.events = events
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
  Object.defineProperty(window, '__harnessEmit', {
    value: (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)),
  })
}
