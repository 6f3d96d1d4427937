import { Low } from 'lowdb'
import * as fsp from 'node:fs/promises'
import { basename } from 'node:path'
import { ArticleFileSchema, IndexFileSchema, SCHEMA_VERSION, type ArticleFile, type IndexFile } from '../../shared/model/notebook'
import { newId } from '../../shared/model/ids'
import { JsonFileAdapter } from './json-file-adapter'
import { notebookLayout, type NotebookLayout } from './layout'
import { WriteQueue } from './write-queue'
import { atomicWrite } from './atomic-write'
import { realFs, type FsOps } from './fs-ops'
import { acquireLock } from './lock-file'
import { migrate } from './migrations'
import { UserError } from '../errors'

export type StoreStatus = { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'error'; message: string; file: string }

export interface OpenOptions {
  /** Who holds the lock, shown to another process that finds the notebook taken ("Intel Notebook app", "CLI"). */
  holder: string
  /** Open without taking the lock and refuse every write (listing and showing from the CLI). */
  readOnly?: boolean
  fs?: FsOps
  /** Called with each state change of the write queue, for the status line. */
  onStatus?: (status: StoreStatus) => void
}

const ARTICLE_CACHE = 64

/**
 * One store object per notebook. Main is the only writer: every change is made in memory here and written through
 * one serialized queue; the returned promise settles when the change is durably on disk.
 * Startup reads only the index; article files are read on demand and cached.
 */
export class NotebookStore {
  private articles = new Map<string, Low<ArticleFile>>()
  /** Articles with a write in flight: never evicted, or a re-read from disk could miss the unsaved edit. */
  private unsaved = new Set<string>()
  private releaseLock: (() => Promise<void>) | null = null
  private closed = false
  lastSavedAt: Date | null = null
  readonly notices: string[] = []

  private constructor(
    readonly layout: NotebookLayout,
    private readonly db: Low<IndexFile>,
    readonly readOnly: boolean,
    private readonly queue: WriteQueue,
    private readonly fs: FsOps,
  ) {}

  static async open(root: string, options: OpenOptions): Promise<NotebookStore> {
    const fs = options.fs ?? realFs
    const layout = notebookLayout(root)
    if (options.readOnly) {
      const exists = await fsp.stat(layout.index).then(() => true, () => false)
      if (!exists) throw new UserError(`There is no notebook at ${root}; import an article there first to create one.`)
    } else {
      await fs.mkdir(layout.articlesDir, { recursive: true })
      await fs.mkdir(layout.originalsDir, { recursive: true })
    }
    let release: (() => Promise<void>) | null = null
    if (!options.readOnly) release = await acquireLock(layout.lock, options.holder)
    try {
      let newer = false
      const adapter = new JsonFileAdapter<IndexFile>(layout.index, IndexFileSchema, {
        fs,
        decode: (raw) => {
          const m = migrate(raw, 'index')
          newer ||= m.newer
          return m.data
        },
      })
      const fresh: IndexFile = {
        schemaVersion: SCHEMA_VERSION,
        notebook: { id: newId('notebook'), name: basename(root) || 'Notebook', createdAt: new Date().toISOString() },
        articles: [],
        sources: [],
        tags: [],
        links: [],
        briefs: [],
      }
      const db = new Low<IndexFile>(adapter, fresh)
      const existing = await adapter.read()
      if (existing === null) {
        const orphans = (await fsp.readdir(layout.articlesDir)).filter((f) => f.endsWith('.json'))
        if (orphans.length > 0) {
          throw new UserError(
            `The notebook index ${layout.index} is missing but ${orphans.length} article files remain; run "doctor --repair" on this folder to rebuild it instead of starting fresh.`,
          )
        }
      } else db.data = existing
      const readOnly = !!options.readOnly || newer
      const status = (s: StoreStatus) => options.onStatus?.(s)
      const store: NotebookStore = new NotebookStore(
        layout,
        db,
        readOnly,
        new WriteQueue({
          onStart: () => status({ state: 'saving' }),
          onIdle: (at) => {
            store.lastSavedAt = at
            status({ state: 'saved', at })
          },
          onError: (err, file) => status({ state: 'error', file, message: writeFailureMessage(err, file) }),
        }),
        fs,
      )
      store.releaseLock = release
      if (newer) store.notices.push('This notebook was written by a newer version of Intel Notebook, so it is open read-only. Update the app to edit it.')
      if (existing === null && !readOnly) await store.queue.schedule('index', () => db.write())
      return store
    } catch (err) {
      await release?.()
      throw err
    }
  }

  get index(): Readonly<IndexFile> {
    return this.db.data
  }

  get isEmpty(): boolean {
    return this.db.data.articles.length === 0
  }

  get pendingWrites(): number {
    return this.queue.pending
  }

  get failingFiles(): string[] {
    return this.queue.failing
  }

  /** Changes list-level data in memory and writes the index. */
  updateIndex(mutate: (index: IndexFile) => void): Promise<void> {
    this.assertWritable()
    mutate(this.db.data)
    return this.queue.schedule('index', () => this.db.write())
  }

  async readArticle(id: string): Promise<ArticleFile> {
    return (await this.articleDb(id)).data
  }

  /** Changes one article's file in memory and writes that file only. */
  async updateArticle(id: string, mutate: (file: ArticleFile) => void): Promise<void> {
    this.assertWritable()
    const db = await this.articleDb(id)
    mutate(db.data)
    return this.writeArticle(id, db)
  }

  /** Adds a new article file; the caller adds its metadata to the index. */
  async createArticleFile(file: ArticleFile): Promise<void> {
    this.assertWritable()
    const db = new Low<ArticleFile>(this.articleAdapter(file.id), file)
    this.cache(file.id, db)
    return this.writeArticle(file.id, db)
  }

  private writeArticle(id: string, db: Low<ArticleFile>): Promise<void> {
    this.unsaved.add(id)
    const done = this.queue.schedule(`article:${id}`, () => db.write())
    // A failed write is retried by the queue from the same object, so the article stays pinned until one succeeds.
    done.then(
      () => {
        if (!this.queue.failing.includes(`article:${id}`)) this.unsaved.delete(id)
      },
      () => {},
    )
    return done
  }

  async deleteArticleFile(id: string): Promise<void> {
    this.assertWritable()
    this.articles.delete(id)
    await this.queue.schedule(`delete:${id}`, () => this.fs.unlink(this.layout.article(id)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e
    }))
  }

  /** Keeps the original bytes of an import once, named by their SHA-256, so provenance can be checked later. */
  async writeOriginal(sha256: string, bytes: Uint8Array): Promise<void> {
    this.assertWritable()
    const path = this.layout.original(sha256)
    const exists = await fsp.stat(path).then(() => true, () => false)
    if (exists) return
    return this.queue.schedule(`original:${sha256}`, () => atomicWrite(path, bytes, this.fs))
  }

  async readOriginal(sha256: string): Promise<Buffer> {
    return this.fs.readFile(this.layout.original(sha256))
  }

  /** Waits until every write so far has been tried. */
  flush(): Promise<void> {
    return this.queue.drain()
  }

  retryFailedWrites(): void {
    this.queue.retryNow()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.queue.drain()
    this.queue.dispose()
    await this.releaseLock?.()
  }

  private assertWritable(): void {
    if (this.readOnly) throw new UserError('This notebook is open read-only; nothing was changed.')
    if (this.closed) throw new UserError('This notebook has been closed; reopen it to make changes.')
  }

  private articleAdapter(id: string) {
    return new JsonFileAdapter<ArticleFile>(this.layout.article(id), ArticleFileSchema, { fs: this.fs, decode: (raw) => migrate(raw, 'article').data })
  }

  private async articleDb(id: string): Promise<Low<ArticleFile>> {
    const cached = this.articles.get(id)
    if (cached) {
      this.articles.delete(id)
      this.articles.set(id, cached)
      return cached
    }
    if (!this.db.data.articles.some((a) => a.id === id)) throw new UserError(`There is no article with id ${id} in this notebook.`)
    const adapter = this.articleAdapter(id)
    const data = await adapter.read()
    if (data === null) throw new UserError(`The file of article ${id} is missing from ${this.layout.articlesDir}; restore it from a backup.`)
    const db = new Low<ArticleFile>(adapter, data)
    db.data = data
    this.cache(id, db)
    return db
  }

  private cache(id: string, db: Low<ArticleFile>): void {
    this.articles.set(id, db)
    if (this.articles.size <= ARTICLE_CACHE) return
    for (const key of this.articles.keys()) {
      if (this.articles.size <= ARTICLE_CACHE) break
      if (!this.unsaved.has(key)) this.articles.delete(key)
    }
  }
}

function writeFailureMessage(err: unknown, file: string): string {
  const code = (err as NodeJS.ErrnoException).code
  const what = file === 'index' ? 'the notebook index' : file.replace(/^article:/, 'article ')
  if (code === 'ENOSPC') return `The disk is full, so ${what} could not be saved. Your edits are kept in memory; free some space and they will be saved.`
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return `The notebook folder cannot be written (${code}), so ${what} was not saved. Your edits are kept in memory and will be retried.`
  return `Saving ${what} failed (${(err as Error).message}). Your edits are kept in memory and will be retried.`
}
