/**
 * Builds `window.api` from the contract table: one function per channel and one subscribe function per event,
 * nothing else. No ipcRenderer, no send, no generic invoke ever reaches the page (DESIGN rule 1).
 */
import { contextBridge, ipcRenderer } from 'electron'
// The channel names only: the contract's zod schemas would add a validator the window never runs.
import { channels, events, USER_ERROR_PREFIX } from '../shared/ipc-channels'
import type { WindowApi } from '../shared/ipc-contract'

/**
 * Electron wraps a handler's error as "Error invoking remote method 'x': Error: <message>". A message main wrote
 * for the analyst carries USER_ERROR_PREFIX: the page gets just that sentence.
 */
export function cleanError(err: unknown): Error {
  const raw = err instanceof Error ? err.message : String(err)
  const at = raw.indexOf(USER_ERROR_PREFIX)
  if (at !== -1) return new Error(raw.slice(at + USER_ERROR_PREFIX.length))
  return new Error(raw.replace(/^Error invoking remote method '[^']*':\s*(?:Error:\s*)?/, ''))
}

export function buildApi(): WindowApi {
  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(channels)) {
    api[method] = (input: unknown) => ipcRenderer.invoke(channel, input).catch((err: unknown) => Promise.reject(cleanError(err)))
  }
  const subscribe: Record<string, unknown> = {}
  for (const [name, channel] of Object.entries(events)) {
    subscribe[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${name} needs a listener function.`)
      // The IPC event is dropped: it carries `sender`, which is ipcRenderer itself.
      const forward = (_event: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => void ipcRenderer.removeListener(channel, forward)
    }
  }
  api.events = subscribe
  return api as WindowApi
}

contextBridge.exposeInMainWorld('api', buildApi())
