import { Low } from 'lowdb'
import { basename } from 'node:path'
import type { ArticleFile, IndexFile } from '../../shared/model/notebook'
import { newId } from '../../shared/model/ids'
import { notebookLayout, type NotebookLayout } from './layout'
import { WriteQueue } from './write-queue'
import { atomicWrite } from './atomic-write'
import { realFs, exists, type FsOps } from './fs-ops'
import { assertReadable } from '../crypto/protection'
import { OpenFolders } from './folder-handles'
import { acquireLock } from './lock-file'
import { MIGRATIONS, targetVersion, type Migration } from './migrations'
import { NewerFormatError, NotebookFile, type StoredFile } from './file-codecs'
import { describeWriteFailure, SaveFailedError } from './write-failure'
import { sweepTempFiles } from './temp-files'
import { DamagedFileError, UserError } from '../errors'
import { createSnapshot } from '../backup/snapshot'
import { listBackups } from '../backup/backup-list'
import { moveAside } from '../recovery/move-aside'
import { rebuildIndex, type IndexProblem } from '../recovery/rebuild-index'
import { readArticleFile, recoverArticle, type ArticleProblem } from '../recovery/recover-article'

/**
 * A change to the notebook in memory, told the moment it is made (before it reaches the disk): an article file's
 * new content, an article file gone, or the index changed. Views held in memory follow these.
 */
export type StoreChange = { kind: 'article'; id: string; file: Readonly<ArticleFile> } | { kind: 'article-removed'; id: string } | { kind: 'index' }

export type StoreStatus = { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'error'; message: string; file: string }

export interface OpenOptions {
  /** Who holds the lock, shown to another process that finds the notebook taken ("Intel Notebook app", "CLI"). */
  holder: string
  /** Open without taking the lock and refuse every write (listing and showing from the CLI). */
  readOnly?: boolean
  fs?: FsOps
  /** Called with each state change of the write queue, for the status line. */
  onStatus?: (status: StoreStatus) => void
  /** Called with each notice as it arises (a recovery, a newer notebook), besides keeping it in `notices`. */
  onNotice?: (notice: string) => void
  /** The migration list; tests supply synthetic ones to check that they run in order. */
  migrations?: readonly Migration[]
  /** Least time between two writes of one file, in ms; a burst of edits in between is written once. */
  spacing?: { article: number; index: number }
  retry?: { first: number; max: number }
}

/**
 * A burst of edits to one article costs at most five writes a second. The index gets no spacing: every import and
 * tag waits on an index write, and where the index is large enough for its writes to matter (megabytes at 10,000
 * articles) each write takes long enough that the changes made meanwhile join the next one anyway.
 */
export const DEFAULT_SPACING = { article: 200, index: 0 }
const ARTICLE_CACHE = 64

/**
 * One store object per notebook. Main is the only writer: every change is made in memory here and written through
 * one serialized queue; the returned promise settles when the change is durably on disk.
 * Startup reads only the index; article files are read on demand and cached.
 * A file that cannot be read is never written over: it is moved aside and the newest backup that validates takes
 * its place, and `notices` says what was restored and from when.
 */
export class NotebookStore {
  private articles = new Map<string, Low<ArticleFile>>()
  /** Reads in flight, so two callers asking for one article share one object and neither edit is lost. */
  private loading = new Map<string, Promise<Low<ArticleFile>>>()
  /** Articles with a write not yet on disk: never evicted, or a re-read from disk would miss the unsaved edit. */
  private unsaved = new Set<string>()
  /** Articles written by a newer app: readable, never written, so nothing this version does not know is dropped. */
  private newerArticles = new Set<string>()
  /** Articles read from an older format: a backup is taken before the first of them is written back. */
  private olderArticles = new Set<string>()
  private migrationBackup: Promise<unknown> | null = null
  private writeListeners = new Set<(file: string) => void>()
  private changeListeners = new Set<(change: StoreChange) => void>()
  private releaseLock: (() => Promise<void>) | null = null
  private background: Promise<unknown> = Promise.resolve()
  private closed = false
  private readonly queue: WriteQueue
  lastSavedAt: Date | null = null
  readonly notices: string[] = []

  private constructor(
    readonly layout: NotebookLayout,
    private readonly db: Low<IndexFile>,
    readonly readOnly: boolean,
    private readonly fs: FsOps,
    private readonly migrations: readonly Migration[],
    private readonly options: OpenOptions,
    private readonly folders: OpenFolders,
  ) {
    const spacing = options.spacing ?? DEFAULT_SPACING
    const status = (s: StoreStatus) => options.onStatus?.(s)
    this.queue = new WriteQueue(
      {
        onStart: () => status({ state: 'saving' }),
        onIdle: (at) => {
          this.lastSavedAt = at
          status({ state: 'saved', at })
        },
        onError: (err, file) => status({ state: 'error', file, message: describeWriteFailure(err, this.describeFile(file)) }),
        onWritten: (file) => this.written(file),
      },
      options.retry,
      { spacing: (key) => (key === 'index' ? spacing.index : key.startsWith('article:') ? spacing.article : 0) },
    )
  }

  static async open(root: string, options: OpenOptions): Promise<NotebookStore> {
    const fs = options.fs ?? realFs
    const migrations = options.migrations ?? MIGRATIONS
    const layout = notebookLayout(root)
    // Read without its key, every file of a protected notebook would look damaged and recovery would move it aside.
    await assertReadable(root, fs)
    if (options.readOnly) return NotebookStore.openReadOnly(layout, options, fs, migrations)
    await fs.mkdir(layout.articlesDir, { recursive: true })
    await fs.mkdir(layout.originalsDir, { recursive: true })
    const release = await acquireLock(layout.lock, options.holder)
    const folders = new OpenFolders(fs)
    try {
      const indexFile = new NotebookFile('index', layout.index, { fs, migrations, folders, checksum: layout.indexChecksum })
      const notices: string[] = []
      let problem: IndexProblem | null = null
      let stored: StoredFile<IndexFile> | null = null
      try {
        stored = await indexFile.read()
      } catch (err) {
        if (!(err instanceof DamagedFileError)) throw err
        problem = { kind: 'damaged', detail: err.detail, movedTo: await moveAside(layout.index, fs) }
      }
      if (!stored && !problem && (await hasNotebookTraces(layout, fs))) problem = { kind: 'missing' }

      let data: IndexFile
      let write = false
      let migratedAtOpen = false
      if (problem) {
        const recovery = await rebuildIndex(layout, problem, { fs, migrations })
        data = recovery.index
        notices.push(...recovery.notices)
        write = true
      } else if (stored) {
        data = stored.data
        const target = targetVersion(migrations)
        if (stored.newer) {
          notices.push('This notebook was written by a newer version of Intel Notebook, so it is open read-only. Update the app to edit it.')
        } else if (stored.fromVersion < target) {
          // The snapshot holds the files exactly as the older version wrote them; the index is rewritten only after.
          const backup = await createSnapshot(root, { reason: 'before-migration', fs, describe: { notebook: data.notebook, articleCount: data.articles.length } })
          notices.push(`This notebook was upgraded from format ${stored.fromVersion} to ${target}. The notebook as it was is kept as backup ${backup?.id ?? ''}.`)
          write = true
          migratedAtOpen = true
        }
      } else {
        data = freshIndex(root, targetVersion(migrations))
        write = true
      }

      const db = new Low<IndexFile>(indexFile.low, data)
      db.data = data
      const store = new NotebookStore(layout, db, !!stored?.newer, fs, migrations, options, folders)
      store.releaseLock = release
      if (migratedAtOpen) store.migrationBackup = Promise.resolve()
      for (const n of notices) store.notify(n)
      if (write && !store.readOnly) await store.schedule('index', () => db.write())
      store.background = sweepTempFiles(layout, fs).catch(() => 0)
      return store
    } catch (err) {
      await folders.close()
      await release()
      throw err
    }
  }

  /** The CLI's listing commands: nothing is written, so a damaged notebook is reported, not repaired. */
  private static async openReadOnly(layout: NotebookLayout, options: OpenOptions, fs: FsOps, migrations: readonly Migration[]): Promise<NotebookStore> {
    const folders = new OpenFolders(fs)
    const indexFile = new NotebookFile('index', layout.index, { fs, migrations, folders, checksum: layout.indexChecksum })
    let stored: StoredFile<IndexFile> | null
    try {
      stored = await indexFile.read()
    } catch (err) {
      if (err instanceof DamagedFileError) throw new UserError(`${err.message} Run "doctor --repair" on this folder, or open it in the app, to recover it from a backup.`)
      throw err
    }
    if (!stored) {
      if (await hasNotebookTraces(layout, fs)) {
        throw new UserError(`The notebook index ${layout.index} is missing but the notebook's files remain; run "doctor --repair" on this folder, or open it in the app, to rebuild it.`)
      }
      throw new UserError(`There is no notebook at ${layout.root}; import an article there first to create one.`)
    }
    const db = new Low<IndexFile>(indexFile.low, stored.data)
    db.data = stored.data
    const store = new NotebookStore(layout, db, true, fs, migrations, options, folders)
    if (stored.newer) store.notify('This notebook was written by a newer version of Intel Notebook, so it is open read-only. Update the app to edit it.')
    return store
  }

  get index(): Readonly<IndexFile> {
    return this.db.data
  }

  /** The file system the notebook lives on: for a protected notebook, the one that seals and opens its files. Backups and the journal go through it too. */
  get fileSystem(): FsOps {
    return this.fs
  }

  /** Whether `close` has been called: background work stops when it sees this. */
  get isClosed(): boolean {
    return this.closed
  }

  get isEmpty(): boolean {
    return this.db.data.articles.length === 0
  }

  /** Files with a write not yet on disk; non-zero means closing now would lose edits. */
  get pendingWrites(): number {
    return this.queue.pending
  }

  /** Files whose last write failed and that wait for a retry (queue keys: "index", "article:<id>", ...). */
  get failingFiles(): string[] {
    return this.queue.failing
  }

  /** Each failing file with why it fails, in the analyst's words: what the close warning shows. */
  get failingWrites(): Array<{ file: string; message: string }> {
    return this.queue.failures.map(({ key, error }) => ({ file: key, message: describeWriteFailure(error, this.describeFile(key)) }))
  }

  /** Calls `listener` with the queue key of every file written; the backup scheduler uses it to know the notebook changed. */
  onWrite(listener: (file: string) => void): () => void {
    this.writeListeners.add(listener)
    return () => this.writeListeners.delete(listener)
  }

  /**
   * Calls `listener` with every change as it is made in memory. Every write of the notebook passes through the
   * four methods below that call `changed`, so a view that listens here cannot miss one, whichever service made it.
   */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /** Changes list-level data in memory and writes the index. */
  updateIndex(mutate: (index: IndexFile) => void): Promise<void> {
    this.assertWritable()
    try {
      mutate(this.db.data)
    } finally {
      // A mutation that throws halfway may still have changed something.
      this.changed({ kind: 'index' })
    }
    return this.schedule('index', () => this.db.write())
  }

  async readArticle(id: string): Promise<ArticleFile> {
    return (await this.articleDb(id)).data
  }

  /** Changes one article's file in memory and writes that file only. */
  async updateArticle(id: string, mutate: (file: ArticleFile) => void): Promise<void> {
    this.assertWritable()
    const db = await this.articleDb(id)
    this.assertWritable(id)
    try {
      mutate(db.data)
    } finally {
      this.changed({ kind: 'article', id, file: db.data })
    }
    return this.writeArticle(id, db)
  }

  /** Adds a new article file; the caller adds its metadata to the index. */
  async createArticleFile(file: ArticleFile): Promise<void> {
    this.assertWritable()
    const db = new Low<ArticleFile>(this.articleFile(file.id).adapter, file)
    this.cache(file.id, db)
    this.changed({ kind: 'article', id: file.id, file })
    return this.writeArticle(file.id, db)
  }

  async deleteArticleFile(id: string): Promise<void> {
    this.assertWritable()
    this.articles.delete(id)
    this.unsaved.delete(id)
    this.queue.forget(`article:${id}`)
    this.changed({ kind: 'article-removed', id })
    await this.schedule(`delete:${id}`, () =>
      this.fs.unlink(this.layout.article(id)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e
      }),
    )
  }

  /**
   * Keeps the original bytes of an import once, named by their SHA-256, so provenance can be checked later.
   * Queued at once, so the original is on disk before the index entry that names it.
   */
  writeOriginal(sha256: string, bytes: Uint8Array): Promise<void> {
    this.assertWritable()
    const path = this.layout.original(sha256)
    return this.schedule(`original:${sha256}`, async () => {
      if (await exists(path, this.fs)) return
      await atomicWrite(path, bytes, this.fs, this.folders)
    })
  }

  async readOriginal(sha256: string): Promise<Buffer> {
    return this.fs.readFile(this.layout.original(sha256))
  }

  /** Writes everything in memory now, without waiting out the spacing between writes of one file. */
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
    await this.background
    await this.folders.close()
    await this.releaseLock?.()
  }

  /** A message the analyst must see: kept for the status call and passed to `onNotice` at once. */
  notify(notice: string): void {
    this.notices.push(notice)
    this.options.onNotice?.(notice)
  }

  private schedule(key: string, run: () => Promise<void>): Promise<void> {
    return this.queue.schedule(key, run).catch((err: unknown) => {
      throw new SaveFailedError(describeWriteFailure(err, this.describeFile(key)), key, (err as NodeJS.ErrnoException)?.code ?? '')
    })
  }

  private changed(change: StoreChange): void {
    for (const l of this.changeListeners) l(change)
  }

  private async writeArticle(id: string, db: Low<ArticleFile>): Promise<void> {
    this.unsaved.add(id)
    if (this.olderArticles.has(id)) {
      this.migrationBackup ??= createSnapshot(this.layout.root, { reason: 'before-migration', fs: this.fs })
      await this.migrationBackup
    }
    return this.schedule(`article:${id}`, () => db.write())
  }

  private written(key: string): void {
    if (key.startsWith('article:')) {
      const id = key.slice('article:'.length)
      if (!this.queue.isPending(key)) this.unsaved.delete(id)
      this.olderArticles.delete(id)
    }
    for (const l of this.writeListeners) l(key)
  }

  private assertWritable(articleId?: string): void {
    if (this.readOnly) throw new UserError('This notebook is open read-only; nothing was changed.')
    if (this.closed) throw new UserError('This notebook has been closed; reopen it to make changes.')
    if (articleId && this.newerArticles.has(articleId)) {
      throw new UserError('This article was saved by a newer version of Intel Notebook, so it is read-only here; nothing was changed. Update the app to edit it.')
    }
  }

  private articleFile(id: string): NotebookFile<'article'> {
    return new NotebookFile('article', this.layout.article(id), { fs: this.fs, migrations: this.migrations, folders: this.folders })
  }

  private async articleDb(id: string): Promise<Low<ArticleFile>> {
    const cached = this.articles.get(id)
    if (cached) {
      this.articles.delete(id)
      this.articles.set(id, cached)
      return cached
    }
    const inFlight = this.loading.get(id)
    if (inFlight) return inFlight
    if (!this.db.data.articles.some((a) => a.id === id)) throw new UserError(`There is no article with id ${id} in this notebook.`)
    const load = this.loadArticle(id).finally(() => this.loading.delete(id))
    this.loading.set(id, load)
    return load
  }

  private async loadArticle(id: string): Promise<Low<ArticleFile>> {
    let stored: StoredFile<ArticleFile> | null
    try {
      stored = await readArticleFile(this.layout, id, { fs: this.fs, migrations: this.migrations })
    } catch (err) {
      if (!(err instanceof DamagedFileError) || err instanceof NewerFormatError) throw err
      if (this.readOnly) throw new UserError(`${err.message} Run "doctor --repair" on this folder, or open it in the app, to restore it from a backup.`)
      stored = await this.recoverArticle(id, { kind: 'damaged', detail: err.detail })
    }
    if (stored === null) {
      if (this.readOnly) throw new UserError(`The file of article ${id} is missing from ${this.layout.articlesDir}; run "doctor --repair" on this folder to restore it from a backup.`)
      stored = await this.recoverArticle(id, { kind: 'missing' })
    }
    if (stored.newer) this.newerArticles.add(id)
    else if (stored.fromVersion < targetVersion(this.migrations)) this.olderArticles.add(id)
    const db = new Low<ArticleFile>(this.articleFile(id).adapter, stored.data)
    db.data = stored.data
    this.cache(id, db)
    return db
  }

  private async recoverArticle(id: string, problem: ArticleProblem): Promise<StoredFile<ArticleFile>> {
    const title = this.db.data.articles.find((a) => a.id === id)?.title
    const recovery = await recoverArticle(this.layout, id, problem, { fs: this.fs, migrations: this.migrations, title })
    this.notify(recovery.notice)
    if (!recovery.file) throw new UserError(`${recovery.notice} Its entry stays in the library; restore an older backup or delete the article.`)
    return recovery.file
  }

  private cache(id: string, db: Low<ArticleFile>): void {
    this.articles.set(id, db)
    if (this.articles.size <= ARTICLE_CACHE) return
    for (const key of this.articles.keys()) {
      if (this.articles.size <= ARTICLE_CACHE) break
      // The article just loaded stays even when every older one holds unsaved edits: it is about to be used.
      if (key !== id && !this.unsaved.has(key)) this.articles.delete(key)
    }
  }

  private describeFile(key: string): string {
    if (key === 'index') return 'the notebook index'
    const [kind, id = ''] = key.split(':')
    const title = this.db.data.articles.find((a) => a.id === id)?.title
    if (kind === 'article') return title ? `the article "${title}"` : `article ${id}`
    if (kind === 'delete') return `the removal of article ${id}`
    if (kind === 'original') return 'the original file of an import'
    return key
  }
}

function freshIndex(root: string, version: number): IndexFile {
  return {
    schemaVersion: version,
    notebook: { id: newId('notebook'), name: basename(root) || 'Notebook', createdAt: new Date().toISOString() },
    articles: [],
    sources: [],
    tags: [],
    links: [],
    briefs: [],
  }
}

/**
 * Whether a folder without an index still holds a notebook: article files, or backups. Then the missing index is a
 * loss to recover from, never a first run to start fresh over.
 */
async function hasNotebookTraces(layout: NotebookLayout, fs: FsOps): Promise<boolean> {
  try {
    if ((await fs.readdir(layout.articlesDir)).some((n) => n.endsWith('.json'))) return true
  } catch {
    // No articles folder: nothing there.
  }
  return (await listBackups(layout.root, fs)).length > 0
}
