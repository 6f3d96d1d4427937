import type { SearchQuery, SearchResponse } from '../../shared/model/search'
import type { NotebookStore } from '../store/notebook-store'
import { UserError } from '../errors'
import type { FromWorker, ToWorker } from './protocol'
import { sealingCipher } from '../crypto/encrypted-fs'
import { threadWorker, type SearchWorkerHost, type SearchWorkerLauncher } from './worker-host'

/** Edits arrive per autosave; waiting this long after the last one re-indexes an article once per pause in typing. */
const UPDATE_DELAY_MS = 300
/** A worker that keeps dying before it finishes a build (a notebook that fills its memory) is not started again. */
const MAX_RESTARTS = 3

/** How the startup build went: whether it started from the index cache, and how many articles it read and indexed. */
export interface BuildReport {
  articles: number
  fromCache: boolean
  reindexed: number
  ms: number
}

export interface SearchServiceOptions {
  /** Where the worker runs: a thread of this process unless the caller (the app's main) hosts it elsewhere. */
  host?: SearchWorkerLauncher
  updateDelayMs?: number
}

/**
 * Main's side of search: starts the worker, which builds the index in the background, feeds it each edit
 * after the edit is on disk, and forwards queries. Nothing here blocks a write: indexing is scheduled after it.
 * If the worker dies, the searches waiting on it fail with a sentence saying so, and the next search or edit
 * starts a new one, which builds again from the cache and the files and is sent every edit the dead one had.
 */
export class SearchService {
  private worker: SearchWorkerHost | null = null
  private nextId = 1
  private pending = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>()
  private dirty = new Set<string>()
  /** Articles sent to the running worker: sent again to its successor if it dies, so no edit is lost with it. */
  private sent = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private builtWaiters: Array<{ resolve: (b: BuildReport) => void; reject: (e: Error) => void }> = []
  private built: BuildReport | null = null
  private failure: string | null = null
  /** Worker deaths since the last finished build. */
  private crashes = 0
  private closing: (() => void) | null = null
  private closed = false
  private closedDone: Promise<void> | null = null

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
    if (this.failure && this.crashes > MAX_RESTARTS) return
    this.failure = null
    this.built = null
    const launch = this.options.host ?? threadWorker()
    const worker: SearchWorkerHost = launch({
      message: (m) => {
        if (this.worker === worker) this.onMessage(m)
        else if (m.type === 'closed') this.closing?.()
      },
      exit: (reason) => this.onExit(worker, reason),
    })
    this.worker = worker
    // A protected notebook's worker reads (and caches) through its own sealing file system, under the same data key;
    // the key leaves main only in this message, to that worker, which ends when the notebook locks.
    const cipher = sealingCipher(this.store.fileSystem)
    this.post({ type: 'registry', entries: this.store.index.sources })
    this.post({ type: 'build', root: this.store.layout.root, key: cipher && { generation: cipher.generation, key: cipher.exportKey() } })
    if (this.dirty.size) void this.flushUpdates()
  }

  /** Resolves once the startup build is complete: the CLI waits for it, the app never does. */
  whenBuilt(): Promise<BuildReport> {
    this.start()
    if (this.built) return Promise.resolve(this.built)
    if (this.failure) return Promise.reject(new UserError(this.failure))
    return new Promise((resolve, reject) => this.builtWaiters.push({ resolve, reject }))
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    if (this.closed) throw new UserError('The notebook was closed; open it again to search it.')
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
    // Before the first start the build reads the article from disk; after a worker died, the edit starts its successor.
    if (!this.worker && !this.failure) return
    this.dirty.add(id)
    this.start()
    this.timer ??= setTimeout(() => void this.flushUpdates(), this.options.updateDelayMs ?? UPDATE_DELAY_MS)
  }

  /** Registry names and grades are looked up at query time, so a change there is one small message. */
  registryChanged(): void {
    if (this.worker) this.post({ type: 'registry', entries: this.store.index.sources })
    // A new worker is sent the registry as it starts.
    else if (this.failure) this.start()
  }

  /** Sends every pending update now; queries sent after this see them. */
  async flushUpdates(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    // Without a worker they wait for the next one.
    if (!this.worker) return
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
  close(): Promise<void> {
    // Every caller (a lock and a quit can overlap) waits for the same end.
    this.closedDone ??= this.stop()
    return this.closedDone
  }

  private async stop(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    const w = this.worker
    this.worker = null
    for (const p of this.pending.values()) p.reject(new UserError('The notebook was closed before the search finished.'))
    this.pending.clear()
    for (const b of this.builtWaiters.splice(0)) b.reject(new UserError('The notebook was closed before the search index was built.'))
    if (!w) return
    await new Promise<void>((resolve) => {
      this.closing = resolve
      w.post({ type: 'close' })
    })
    this.closing = null
    await w.kill()
  }

  private post(m: ToWorker): void {
    if (!this.worker) return
    if (m.type === 'upsert') this.sent.add(m.meta.id)
    else if (m.type === 'remove') this.sent.add(m.id)
    this.worker.post(m)
  }

  private onExit(worker: SearchWorkerHost, reason: string): void {
    // Closing ends the worker on purpose; a worker already replaced has nothing more to say.
    if (this.closing) this.closing()
    if (this.closed || this.worker !== worker) return
    this.worker = null
    this.crashes++
    for (const id of this.sent) this.dirty.add(id)
    this.sent.clear()
    this.fail(
      this.crashes > MAX_RESTARTS
        ? `The search index stopped again (${reason}); restart the app to rebuild it.`
        : `The search index stopped (${reason}); it starts again with your next search or edit.`,
    )
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
        } else {
          // The worker is alive but could not build (the notebook unreadable): starting another would fail the same way.
          this.crashes = MAX_RESTARTS + 1
          this.fail(`Building the search index failed (${m.message}); restart the app to try again.`)
        }
        break
      case 'built':
        this.built = { articles: m.articles, fromCache: m.fromCache, reindexed: m.reindexed, ms: m.ms }
        this.crashes = 0
        for (const w of this.builtWaiters.splice(0)) w.resolve(this.built)
        break
      case 'closed':
        this.closing?.()
        break
      case 'progress':
        break
    }
  }

  private fail(message: string): void {
    this.failure = message
    for (const p of this.pending.values()) p.reject(new UserError(message))
    this.pending.clear()
    for (const w of this.builtWaiters.splice(0)) w.reject(new UserError(message))
  }
}
