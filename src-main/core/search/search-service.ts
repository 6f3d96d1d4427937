import type { Worker } from 'node:worker_threads'
import type { SearchQuery, SearchResponse } from '../../shared/model/search'
import type { NotebookStore } from '../store/notebook-store'
import { UserError } from '../errors'
import type { FromWorker, SearchWorkerData, ToWorker } from './protocol'
import { sealingCipher } from '../crypto/encrypted-fs'
import { spawnWorker } from '../workers/spawn-worker'

/** Edits arrive per autosave; waiting this long after the last one re-indexes an article once per pause in typing. */
const UPDATE_DELAY_MS = 300

/** How the startup build went: whether it started from the index cache, and how many articles it read and indexed. */
export interface BuildReport {
  articles: number
  fromCache: boolean
  reindexed: number
  ms: number
}

export interface SearchServiceOptions {
  /** Where the worker script is; by default next to this module (from source) or next to the main bundle. */
  workerUrl?: URL
  updateDelayMs?: number
}

/**
 * Main's side of search: starts the worker, which builds the index in the background, feeds it each edit
 * after the edit is on disk, and forwards queries. Nothing here blocks a write: indexing is scheduled after it.
 */
export class SearchService {
  private worker: Worker | null = null
  private nextId = 1
  private pending = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>()
  private dirty = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private builtWaiters: Array<(b: BuildReport) => void> = []
  private built: BuildReport | null = null
  private failure: string | null = null
  private closed = false

  constructor(
    private readonly store: NotebookStore,
    private readonly options: SearchServiceOptions = {},
  ) {}

  get started(): boolean {
    return this.worker !== null
  }

  /** Starts the background build; safe to call again. The app calls it once the first screen is up. */
  start(): void {
    if (this.worker || this.closed) return
    const here = import.meta.url
    // Variables, so the bundler leaves the names alone instead of treating them as assets.
    const name = /\.ts$/.test(here) ? './worker.ts' : './search-worker.js'
    // A protected notebook's worker reads (and caches) through its own sealing file system, under the same data key;
    // the key leaves this thread only for that worker, which ends when the notebook locks.
    const cipher = sealingCipher(this.store.fileSystem)
    const data: SearchWorkerData = { key: cipher && { generation: cipher.generation, key: cipher.exportKey() } }
    const worker = spawnWorker(this.options.workerUrl ?? new URL(name, here), data)
    // The index is a cache of the notebook: it must never keep the app or the CLI from exiting.
    worker.unref()
    worker.on('message', (m: FromWorker) => this.onMessage(m))
    worker.on('error', (err) => this.fail(`The search index stopped (${err.message}); restart the app to rebuild it.`))
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(`The search index stopped (exit ${code}); restart the app to rebuild it.`)
    })
    this.worker = worker
    this.post({ type: 'registry', entries: this.store.index.sources })
    this.post({ type: 'build', root: this.store.layout.root })
  }

  /** Resolves once the startup build is complete: the CLI waits for it, the app never does. */
  whenBuilt(): Promise<BuildReport> {
    this.start()
    if (this.built) return Promise.resolve(this.built)
    return new Promise((r) => this.builtWaiters.push(r))
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    this.start()
    if (this.failure) throw new UserError(this.failure)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.post({ type: 'query', id, query })
    })
  }

  /** An article's words, annotations or fields changed (or it was added or deleted): re-index it shortly. */
  articleChanged(id: string): void {
    if (!this.worker) return
    this.dirty.add(id)
    this.timer ??= setTimeout(() => void this.flushUpdates(), this.options.updateDelayMs ?? UPDATE_DELAY_MS)
  }

  /** Registry names and grades are looked up at query time, so a change there is one small message. */
  registryChanged(): void {
    if (this.worker) this.post({ type: 'registry', entries: this.store.index.sources })
  }

  /** Sends every pending update now; queries sent after this see them. */
  async flushUpdates(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ids = [...this.dirty]
    this.dirty.clear()
    for (const id of ids) {
      const meta = this.store.index.articles.find((a) => a.id === id)
      if (!meta) {
        this.post({ type: 'remove', id })
        continue
      }
      try {
        const file = await this.store.readArticle(id)
        this.post({ type: 'upsert', meta, file: { doc: file.doc, notes: file.notes, annotations: file.annotations } })
      } catch {
        this.post({ type: 'remove', id })
      }
    }
  }

  /** Stops the worker, once the index cache it may be writing is on disk, so no run leaves it half written. */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    const w = this.worker
    this.worker = null
    for (const p of this.pending.values()) p.reject(new UserError('The notebook was closed before the search finished.'))
    this.pending.clear()
    if (!w) return
    await new Promise<void>((resolve) => {
      w.on('message', (m: FromWorker) => m.type === 'closed' && resolve())
      w.once('exit', () => resolve())
      w.postMessage({ type: 'close' } satisfies ToWorker)
    })
    await w.terminate()
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m)
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'result':
        this.pending.get(m.id)?.resolve(m.response)
        this.pending.delete(m.id)
        break
      case 'error':
        if (m.id !== null) {
          this.pending.get(m.id)?.reject(new UserError(`The search failed: ${m.message}`))
          this.pending.delete(m.id)
        } else this.fail(`Building the search index failed (${m.message}); restart the app to try again.`)
        break
      case 'built':
        this.built = { articles: m.articles, fromCache: m.fromCache, reindexed: m.reindexed, ms: m.ms }
        for (const w of this.builtWaiters.splice(0)) w(this.built)
        break
      case 'progress':
      case 'closed':
        break
    }
  }

  private fail(message: string): void {
    this.failure = message
    for (const p of this.pending.values()) p.reject(new UserError(message))
    this.pending.clear()
    for (const w of this.builtWaiters.splice(0)) w({ articles: 0, fromCache: false, reindexed: 0, ms: 0 })
  }
}
