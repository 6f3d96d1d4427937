import { beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'

/** A stand-in for the parts of Electron the PDF printer uses: the binary cannot run here. */
const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, any>; loaded: string | null; destroyed: boolean; html: string | null; printOptions: unknown }>,
    sessions: new Map<string, { permission: ((...a: any[]) => void) | null; check: (() => boolean) | null; beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null }>(),
  }
  class BrowserWindow {
    record: (typeof state.windows)[number]
    webContents: Record<string, any>
    constructor(options: Record<string, any>) {
      this.record = { options, loaded: null, destroyed: false, html: null, printOptions: null }
      state.windows.push(this.record)
      const record = this.record
      this.webContents = {
        setWindowOpenHandler: vi.fn(),
        on: vi.fn(),
        printToPDF: vi.fn(async (opts: unknown) => {
          record.printOptions = opts
          return Buffer.from('%PDF-1.7 fake')
        }),
      }
    }
    async loadFile(path: string) {
      this.record.loaded = path
      this.record.html = readFileSync(path, 'utf8')
    }
    isDestroyed() {
      return this.record.destroyed
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  const session = {
    fromPartition: (name: string) => {
      const s = { permission: null, check: null, beforeRequest: null } as any
      state.sessions.set(name, s)
      return {
        setPermissionRequestHandler: (h: any) => void (s.permission = h),
        setPermissionCheckHandler: (h: any) => void (s.check = h),
        webRequest: { onBeforeRequest: (h: any) => void (s.beforeRequest = h) },
      }
    },
  }
  return { state, BrowserWindow, session }
})
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, session: electron.session }))

import { printHtmlToPdf } from '../../../src-main/main/export-pdf'

describe('PDF in the app (printToPDF)', () => {
  beforeEach(() => {
    electron.state.windows.length = 0
  })

  it('prints in a hidden, sandboxed window with JavaScript disabled, in a session that loads only the export', async () => {
    const pdf = await printHtmlToPdf('<!DOCTYPE html><p>brief</p>')
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake')
    const [win] = electron.state.windows
    expect(win!.options.show).toBe(false)
    expect(win!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true })
    expect(win!.options.webPreferences.preload).toBeUndefined()
    expect(win!.html).toBe('<!DOCTYPE html><p>brief</p>')
    expect(win!.printOptions).toMatchObject({ printBackground: true, preferCSSPageSize: true })
    const ses = electron.state.sessions.get(win!.options.webPreferences.partition)!
    const decide = (url: string) => new Promise<boolean>((r) => ses.beforeRequest!({ url }, (res) => r(res.cancel)))
    expect(await decide(new URL(`file://${win!.loaded}`).href)).toBe(false)
    expect(await decide('https://tracker.example/pixel.png')).toBe(true)
    expect(await decide('file:///etc/passwd')).toBe(true)
    const granted = await new Promise((r) => ses.permission!(null, 'media', r))
    expect(granted).toBe(false)
  })

  it('closes the window and removes the temporary file, also when printing fails', async () => {
    const original = electron.BrowserWindow.prototype.loadFile
    electron.BrowserWindow.prototype.loadFile = async function (this: any, path: string) {
      await original.call(this, path)
      throw new Error('load failed')
    }
    try {
      await expect(printHtmlToPdf('<p>x</p>')).rejects.toThrow('load failed')
    } finally {
      electron.BrowserWindow.prototype.loadFile = original
    }
    const [win] = electron.state.windows
    expect(win!.destroyed).toBe(true)
    expect(existsSync(win!.loaded!)).toBe(false)
  })
})
