import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

type Handler = (request: { url: string; method: string }) => Response | Promise<Response>

/** A stand-in for the parts of Electron the PDF printer and the save dialog use: the binary cannot run here. */
const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, any>; loaded: string | null; destroyed: boolean; html: string | null; printOptions: unknown }>,
    sessions: new Map<string, any>(),
    savePath: '',
    failLoad: false,
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
          return Buffer.from(`%PDF-1.7 ${record.html}`)
        }),
      }
    }
    /** As Chromium would: the page's request goes through the session's handler for its scheme. */
    async loadURL(url: string) {
      this.record.loaded = url
      const ses = state.sessions.get(this.record.options.webPreferences.partition)
      const scheme = new URL(url).protocol.slice(0, -1)
      const handler = ses.handlers.get(scheme)
      if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME ${url}`)
      const res: Response = await handler({ url, method: 'GET' })
      if (state.failLoad) throw new Error('load failed')
      this.record.html = await res.text()
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
      let s = state.sessions.get(name)
      if (s) return s.api
      s = { permission: null, check: null, beforeRequest: null, handlers: new Map<string, Handler>(), cleared: 0 }
      s.api = {
        setPermissionRequestHandler: (h: any) => void (s.permission = h),
        setPermissionCheckHandler: (h: any) => void (s.check = h),
        webRequest: { onBeforeRequest: (h: any) => void (s.beforeRequest = h) },
        protocol: {
          handle: (scheme: string, h: Handler) => {
            if (s.handlers.has(scheme)) throw new Error(`The scheme has been registered: ${scheme}`)
            s.handlers.set(scheme, h)
          },
          unhandle: (scheme: string) => void s.handlers.delete(scheme),
        },
        clearCache: async () => void s.cleared++,
        clearStorageData: async () => {},
      }
      state.sessions.set(name, s)
      return s.api
    },
  }
  const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: state.savePath })) }
  return { state, BrowserWindow, session, dialog }
})
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, session: electron.session, dialog: electron.dialog, shell: {}, nativeTheme: {}, screen: {} }))

import { PRINT_PARTITION, printHtmlToPdf } from '../../../src-main/main/export-pdf'
import { HARDENED_PREFERENCES } from '../../../src-main/main/window'
import { exportShellDeps } from '../../../src-main/main/export-shell'

const PHRASE = 'Tanker KESTREL diverted to Tartus'
const HTML = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p>${PHRASE}</p>`

let scratch = ''
let savedTmp: string | undefined
beforeEach(async () => {
  electron.state.windows.length = 0
  electron.state.failLoad = false
  scratch = await mkdtemp(join(tmpdir(), 'intel-notebook-pdf-test-'))
  // os.tmpdir() reads TMPDIR on every call. It names a folder that does not exist, so a temp file written (and
  // removed again) anywhere in it fails the print, even for a root user whom permissions would not stop.
  savedTmp = process.env.TMPDIR
  process.env.TMPDIR = join(scratch, 'tmp')
})
afterEach(async () => {
  if (savedTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmp
  await rm(scratch, { recursive: true, force: true })
})

const printSession = () => electron.state.sessions.get(PRINT_PARTITION)

describe('PDF in the app (printToPDF)', () => {
  it('prints from memory in a hidden window with the hardened preferences and JavaScript disabled', async () => {
    const pdf = await printHtmlToPdf(HTML)
    expect(new TextDecoder().decode(pdf)).toBe(`%PDF-1.7 ${HTML}`)
    const [win] = electron.state.windows
    expect(win!.options.show).toBe(false)
    expect(win!.options.webPreferences).toEqual({ ...HARDENED_PREFERENCES, javascript: false, spellcheck: false, partition: PRINT_PARTITION })
    expect(win!.options.webPreferences.partition.startsWith('persist:')).toBe(false)
    expect(win!.loaded).toMatch(/^intel-notebook-print:\/\/document\/[0-9a-f-]{36}$/)
    expect(win!.html).toBe(HTML)
    expect(win!.printOptions).toMatchObject({ printBackground: true, preferCSSPageSize: true })
    expect(existsSync(process.env.TMPDIR!)).toBe(false)
  })

  it('serves only that one document while printing, and refuses every other request and every permission', async () => {
    const seen: Array<{ status: number; body: string; cancel: boolean }> = []
    const original = electron.BrowserWindow.prototype.loadURL
    electron.BrowserWindow.prototype.loadURL = async function (this: any, url: string) {
      const ses = printSession()
      const handler = ses.handlers.get('intel-notebook-print')
      const ask = async (u: string, method = 'GET') => {
        const res: Response = await handler({ url: u, method })
        const cancel = await new Promise<boolean>((r) => ses.beforeRequest({ url: u }, (d: { cancel: boolean }) => r(d.cancel)))
        seen.push({ status: res.status, body: await res.text(), cancel })
      }
      await ask(url)
      await ask('intel-notebook-print://document/another')
      await ask(`${url}/../other`)
      await ask(url, 'POST')
      const cancels = await Promise.all(
        ['https://tracker.example/pixel.png', 'file:///etc/passwd', 'data:text/html,x'].map(
          (u) => new Promise<boolean>((r) => ses.beforeRequest({ url: u }, (d: { cancel: boolean }) => r(d.cancel))),
        ),
      )
      expect(cancels).toEqual([true, true, true])
      expect(await new Promise((r) => ses.permission(null, 'media', r))).toBe(false)
      expect(ses.check()).toBe(false)
      return original.call(this, url)
    }
    try {
      await printHtmlToPdf(HTML)
    } finally {
      electron.BrowserWindow.prototype.loadURL = original
    }
    expect(seen[0]).toEqual({ status: 200, body: HTML, cancel: false })
    for (const other of seen.slice(1)) expect(other.status).toBe(404)
    expect(seen.slice(1).map((s) => s.body)).toEqual(['', '', ''])
  })

  it('tears the window and the handler down after printing, also when loading fails', async () => {
    electron.state.failLoad = true
    await expect(printHtmlToPdf(HTML)).rejects.toThrow('load failed')
    electron.state.failLoad = false
    const [failed] = electron.state.windows
    expect(failed!.destroyed).toBe(true)
    expect(printSession().handlers.size).toBe(0)
    expect(printSession().beforeRequest).toBeNull()
    const cleared = printSession().cleared
    // The next print can register its own document again.
    await printHtmlToPdf('<p>next</p>')
    expect(electron.state.windows[1]!.destroyed).toBe(true)
    expect(printSession().cleared).toBe(cleared + 1)
  })

  it('prints two exports asked for at once one after the other, each its own document', async () => {
    const [a, b] = await Promise.all([printHtmlToPdf('<p>first</p>'), printHtmlToPdf('<p>second</p>')])
    expect(new TextDecoder().decode(a)).toContain('<p>first</p>')
    expect(new TextDecoder().decode(b)).toContain('<p>second</p>')
    expect(electron.state.windows[0]!.loaded).not.toBe(electron.state.windows[1]!.loaded)
  })

  it('exporting a PDF writes the PDF to the path of the save dialog and no other file anywhere', async () => {
    const target = join(scratch, 'out', 'brief.pdf')
    await import('node:fs/promises').then((fs) => fs.mkdir(join(scratch, 'out')))
    electron.state.savePath = target
    const shell = exportShellDeps(() => null, () => {})
    const pdf = await shell.printToPdf(HTML)
    expect(await shell.saveExport('brief.pdf', pdf)).toBe(target)
    expect(await readdir(join(scratch, 'out'))).toEqual(['brief.pdf'])
    expect(new TextDecoder().decode(await readFile(target))).toBe(`%PDF-1.7 ${HTML}`)
    expect(await readdir(scratch)).toEqual(['out'])
    expect(existsSync(process.env.TMPDIR!)).toBe(false)
  })
})
