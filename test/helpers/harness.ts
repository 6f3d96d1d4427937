/**
 * The e2e harness of DESIGN.md: serves the built renderer over http on 127.0.0.1 (module scripts do not load
 * from file://) and provides `window.api` by forwarding each call over loopback to the same handler table that
 * main registers, on a temporary store. Only the transport differs from the app.
 */
import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { contract, events, type ExportProgress, type ImportProgress, type ImportResult } from '../../src-main/shared/ipc-contract'
import { chromiumPdfRenderer } from '../../src-main/core/export/pdf-chromium'
import { createHandlers, type HandlerTable } from '../../src-main/main/ipc/handlers'
import type { NotebookStore } from '../../src-main/core/store/notebook-store'
import type { Services } from '../../src-main/core/services/notebook-services'
import { openAppNotebook, type OpenedNotebook } from '../../src-main/main/notebook'
import { notebookProtection, type NotebookProtection } from '../../src-main/main/notebook-protection'
import type { KdfParams } from '../../src-main/core/crypto/key-file'
import { ImportPool } from '../../src-main/core/import/import-pool'
import { isUserError } from '../../src-main/core/errors'
import { CHROMIUM_PATH, launchChromium } from './chromium'
import { decodeWire, encodeWire } from './wire'
import { installWindowApi } from './window-api-shim'
import { flushPages, harnessAppShell, type HarnessAppHost } from './harness-app-shell'
import { closeOpenedNotebook, writableJournal } from '../../src-main/main/notebook-durability'
import type { DurabilitySession } from '../../src-main/core/recovery/durability-session'
import { listBackups } from '../../src-main/core/backup/backup-list'
import { restoreBackup, type RestoreResult } from '../../src-main/core/backup/restore'
import type { BackupRestore } from '../../src-main/shared/model/backup'
import { SettingsStore, SETTINGS_FILE } from '../../src-main/main/settings'
import type { WindowActionId } from '../../src-main/shared/commands'

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')
/** The import worker as electron-vite builds it beside main's bundle: the harness imports through the shipped worker. */
export const IMPORT_WORKER = resolve(import.meta.dirname, '../../out/main/import-worker.js')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface HarnessOptions {
  /** Seed the sample article, as the app's first launch does. */
  seed?: boolean
  /** Reuse an existing notebook folder instead of a fresh temporary one. */
  storeDir?: string
  /**
   * Minutes-as-milliseconds for the idle lock, so a test need not sit out the analyst's setting; main's protection
   * code reads it exactly as it reads the setting. The idle clock is the page's own keyboard and mouse.
   */
  idleLockMs?: number
  /** A cheaper scrypt for key files the app writes (protecting, changing the passphrase), as the core tests use. */
  kdf?: KdfParams
  /**
   * Whether pages report their keys and pointer moves for the idle clock (default true). Electron's main reads the
   * system's idle time and puts nothing in the page; a benchmark that times each key turns this off so the page
   * runs only the app's own listeners (its notebook then never idles, which is moot unless it is protected).
   */
  idleClockFromPage?: boolean
}

export class Harness implements HarnessAppHost {
  browser!: Browser
  url = ''
  storeDir = ''
  /** The open notebook, as main's openAppNotebook opens it: locked when it is protected. */
  notebook!: OpenedNotebook
  protection!: NotebookProtection
  /** When the page last saw a key or the mouse: the harness's stand-in for the system's idle clock. */
  lastInputAt = Date.now()
  private idleClockFromPage = true
  /** Files the fake native import dialog will "pick" next. */
  pendingImportFiles: Array<{ name: string; bytes: Uint8Array }> = []
  /** URLs the app asked to open outside, after the (auto-accepted) confirm. */
  openedExternally: string[] = []
  flushedCount = 0
  /** Exports the fake native save dialog wrote, into a temporary folder; set cancelSave to play a cancelled dialog. */
  savedExports: Array<{ name: string; path: string; bytes: Uint8Array }> = []
  cancelSave = false
  shownInFolder: string[] = []
  exportProgress: ExportProgress[] = []
  protectionProgress: Array<{ done: number; total: number }> = []
  /** Holds a protection change at a progress step until it resolves, so a test can look at the window meanwhile. */
  protectionGate: ((progress: { done: number; total: number }) => Promise<void>) | null = null
  /** Every import progress event main sent, in order; each also goes to the open pages as main sends it to its window. */
  importProgress: ImportProgress[] = []
  /** The app's settings file (view state, theme), in a temporary userData folder of its own. */
  settings!: SettingsStore
  userDataDir = ''
  /** Every page the harness opened, so a notebook switch can flush and reload them as main does its window. */
  pages: Page[] = []
  recentNotebooks: string[] = []
  pendingNotebookFolder: string | null = null
  windowActions: WindowActionId[] = []
  openedFiles: ImportResult[] = []
  shownNotebookFolder = 0
  /** The import workers, started and loaded before the page opens, as a long-running app would have them. */
  importPool!: ImportPool
  private exportsDir = ''
  private server!: Server
  private handlers!: HandlerTable
  private ownsDir = false
  private ownedDir = ''

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(IMPORT_WORKER)) throw new Error('out/ is incomplete: run `npm run build` before the e2e tests.')
    const h = new Harness()
    h.idleClockFromPage = options.idleClockFromPage ?? true
    h.ownsDir = !options.storeDir
    h.storeDir = options.storeDir ?? (await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-')))
    h.ownedDir = h.storeDir
    // Workers that never retire while the harness runs: tests poll with short timeouts, and a worker loading its
    // parsers would make the first import of each test wait on that instead of on the import itself.
    h.importPool = new ImportPool({ workerUrl: pathToFileURL(IMPORT_WORKER), idleMs: 2 ** 31 - 1 })
    await Promise.all(Array.from({ length: h.importPool.capacity }, () => h.importPool.importPasted({ title: 'Warm-up', html: '<p>Ready.</p>' })))
    await h.openStore({ seed: options.seed })
    h.userDataDir = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-userdata-'))
    h.settings = await SettingsStore.load(join(h.userDataDir, SETTINGS_FILE))
    h.protection = notebookProtection({
      dir: () => h.storeDir,
      notebook: () => h.notebook,
      open: (dir) => openAppNotebook(dir, () => {}, { seedSample: false, services: { importer: h.importPool } }),
      adopt: (notebook) => void (h.notebook = notebook),
      prepareToLeave: async () => {
        await flushPages(h)
        return true
      },
      reloadWindow: () => {
        for (const page of h.pages.filter((p) => !p.isClosed())) void page.reload().catch(() => {})
      },
      idleMs: () => Date.now() - h.lastInputAt,
      idleLockMs: () => options.idleLockMs ?? h.settings.value.idleLockMinutes * 60_000,
      idleLockMinutes: () => h.settings.value.idleLockMinutes,
      setIdleLockMinutes: (minutes) => h.settings.update((s) => ({ ...s, idleLockMinutes: minutes })),
      progress: async (done, total) => {
        h.protectionProgress.push({ done, total })
        for (const page of h.pages.filter((p) => !p.isClosed())) await h.emit(page, 'onProtectionProgress', { done, total }).catch(() => {})
        await h.protectionGate?.({ done, total })
      },
      ...(options.kdf ? { kdf: options.kdf } : {}),
    })
    h.handlers = createHandlers(() => h.services, {
      pickImportFiles: async () => h.pendingImportFiles.splice(0),
      confirmOpenExternal: async () => true,
      openExternal: async (url) => void h.openedExternally.push(url),
      windowFlushed: () => void h.flushedCount++,
      saveExport: async (name, bytes) => {
        if (h.cancelSave) return null
        h.exportsDir ||= await mkdtemp(join(tmpdir(), 'intel-notebook-exports-'))
        const path = join(h.exportsDir, name)
        await writeFile(path, bytes)
        h.savedExports.push({ name, path, bytes })
        return path
      },
      showInFolder: (path) => void h.shownInFolder.push(path),
      printToPdf: chromiumPdfRenderer(CHROMIUM_PATH),
      exportProgress: (p) => void h.exportProgress.push(p),
      importProgress: (p) => {
        h.importProgress.push(p)
        for (const page of h.pages) if (!page.isClosed()) void h.emit(page, 'onImportProgress', p).catch(() => {})
      },
      ...harnessAppShell(h),
      lock: h.protection,
      durability: {
        journal: () => writableJournal(h.notebook),
        listBackups: () => listBackups(h.storeDir, h.store.fileSystem),
        restoreBackup: (id) => h.restoreBackup(id),
      },
    })
    h.server = createServer((req, res) => void h.route(req, res))
    await new Promise<void>((r) => h.server.listen(0, '127.0.0.1', r))
    const addr = h.server.address()
    if (!addr || typeof addr === 'string') throw new Error('harness server has no port')
    h.url = `http://127.0.0.1:${addr.port}/index.html`
    h.browser = await launchChromium()
    return h
  }

  /** A new page with window.api installed and the app loaded. */
  /** `beforeLoad` runs before the app is loaded, e.g. to hold or refuse some of its files with page.route. */
  async newPage(viewport = { width: 1400, height: 900 }, colorScheme: 'light' | 'dark' = 'light', beforeLoad?: (page: Page) => Promise<void>): Promise<Page> {
    const context = await this.browser.newContext({ viewport, colorScheme })
    const page = await context.newPage()
    await beforeLoad?.(page)
    this.pages.push(page)
    // Under tsx (npm run screenshots), esbuild wraps named functions in a __name helper that a function Playwright
    // serialises into the page would call without having it.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
    await page.addInitScript(installWindowApi, { methods: Object.keys(contract), events: Object.keys(events) })
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    if (this.idleClockFromPage) {
      await page.exposeBinding('__harnessInput', () => void (this.lastInputAt = Date.now()))
      await page.addInitScript(() => {
        const seen = () => void (window as unknown as { __harnessInput: () => Promise<void> }).__harnessInput().catch(() => {})
        for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel']) window.addEventListener(type, seen, { capture: true, passive: true })
      })
    }
    await page.goto(this.url)
    return page
  }

  /** Sends an event as main would (menu command, flush request, store status). */
  async emit(page: Page, event: keyof typeof events, payload: unknown): Promise<void> {
    await page.evaluate(([name, p]) => (window as unknown as { __harnessEmit: (n: string, p: unknown) => void }).__harnessEmit(name, p), [event, payload] as const)
  }

  /** Closes the store and opens it again from disk, like quitting and relaunching the app. */
  async restartStore(): Promise<void> {
    await this.closeNotebook()
    await this.openStore()
  }

  /**
   * Crashes the page's renderer process, as Electron's render-process-gone: no pagehide, no flush, nothing more
   * reaches the handlers. What main already holds (the journal) stays; edits still only in the page are gone.
   */
  async crashPage(page: Page): Promise<void> {
    const crashed = new Promise<void>((r) => page.once('crash', () => r()))
    const cdp = await page.context().newCDPSession(page)
    void cdp.send('Page.crash').catch(() => {})
    await crashed
  }

  /** File > Restore… as main does it: flush the pages, close the notebook, restore, reopen, reload the pages. */
  async restoreBackup(id: string): Promise<BackupRestore> {
    await flushPages(this)
    await this.closeNotebook()
    let result: RestoreResult
    try {
      result = await restoreBackup(this.storeDir, id, { holder: 'the e2e harness (restoring a backup)' })
    } finally {
      await this.openStore({ restored: true })
    }
    this.store.notify(result.notice)
    for (const page of this.pages.filter((p) => !p.isClosed())) void page.reload().catch(() => {})
    return { outcome: 'restored', notice: result.notice }
  }

  get store(): NotebookStore {
    return this.notebook.store
  }

  get services(): Services {
    return this.notebook.services
  }

  /** Snapshots and the hot-exit journal of the open notebook, as main runs them. */
  get durability(): DurabilitySession | null {
    return this.notebook?.durability ?? null
  }

  private async closeNotebook(): Promise<void> {
    const n = this.notebook
    if (!n) return
    if (n.protection) return n.protection.lock()
    await closeOpenedNotebook(n)
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => {})
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()))
    this.protection?.stop()
    await this.closeNotebook().catch(() => {})
    await this.importPool?.close()
    // The folder the harness made, even when a test switched to another notebook since.
    if (this.ownsDir) await rm(this.ownedDir, { recursive: true, force: true })
    if (this.exportsDir) await rm(this.exportsDir, { recursive: true, force: true })
    await this.settings?.flush().catch(() => {})
    if (this.userDataDir) await rm(this.userDataDir, { recursive: true, force: true })
  }

  async switchStore(dir: string): Promise<void> {
    await this.closeNotebook()
    this.storeDir = dir
    await this.openStore()
  }

  currentNotebookName(): string {
    return this.store.index.notebook.name
  }

  listArticles(): ReadonlyArray<{ id: string }> {
    return this.store.index.articles
  }

  /** Opens the notebook as main does (openAppNotebook): the sample goes in before the launch snapshot, so the snapshot holds it. */
  private async openStore({ seed = false, restored = false } = {}): Promise<void> {
    this.notebook = await openAppNotebook(this.storeDir, () => {}, {
      seedSample: seed,
      durability: { launchSnapshot: !restored },
      services: { importer: this.importPool },
    })
  }

  private async route(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/__api/') && req.method === 'POST') {
      const method = url.pathname.slice('/__api/'.length) as keyof HandlerTable
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      res.setHeader('content-type', 'application/json')
      const handler = this.handlers[method]
      if (!handler) {
        res.end(JSON.stringify({ ok: false, error: `No such channel: ${method}` }))
        return
      }
      try {
        const raw = decodeWire(Buffer.concat(chunks).toString('utf8'))
        const value = await handler(raw === null ? undefined : raw)
        res.end(encodeWire({ ok: true, value }))
      } catch (err) {
        res.end(JSON.stringify({ ok: false, error: isUserError(err) ? err.message : String(err) }))
      }
      return
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    const file = join(RENDERER_DIR, rel || 'index.html')
    if (!file.startsWith(RENDERER_DIR)) {
      res.statusCode = 403
      res.end()
      return
    }
    try {
      const body = await readFile(file)
      res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
      res.end(body)
    } catch {
      res.statusCode = 404
      res.end('not found')
    }
  }
}
