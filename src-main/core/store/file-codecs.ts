import { createHash, webcrypto } from 'node:crypto'
import type { Adapter } from 'lowdb'
import { ArticleFileSchema, IndexFileSchema, type ArticleFile, type IndexFile } from '../../shared/model/notebook'
import { DamagedFileError, UserError } from '../errors'
import { JsonFileAdapter } from './json-file-adapter'
import { atomicWrite } from './atomic-write'
import { migrate, MIGRATIONS, targetVersion, type FileKind, type Migration } from './migrations'
import { stableBytesInSlices, withKeysInOrder } from './stable-json'
import { realFs, errorCode, type FsOps } from './fs-ops'
import type { FolderHandles } from './folder-handles'

export type FileOf<K extends FileKind> = K extends 'index' ? IndexFile : ArticleFile

/** A file as read: its data at the current version, the version it was stored at, and whether a newer app wrote it. */
export interface StoredFile<T> {
  data: T
  fromVersion: number
  newer: boolean
}

/**
 * A file written by a newer version of the app that this version cannot read. It is not damaged, so it is never
 * moved aside or replaced from a backup: the analyst needs the newer app.
 */
export class NewerFormatError extends UserError {
  override name = 'NewerFormatError'
  constructor(
    readonly file: string,
    readonly version: number,
    readonly supported: number,
  ) {
    super(`The notebook file ${file} was written by a newer version of Intel Notebook (format ${version}; this version reads up to ${supported}). Update the app to open it; nothing was changed.`)
  }
}

export interface CodecOptions {
  fs?: FsOps
  folders?: FolderHandles
  migrations?: readonly Migration[]
  /**
   * Where the store records the SHA-256 of each index it writes. An index whose bytes still match it is the very
   * file the store wrote, so opening it skips the schema check, which at 10,000 articles costs more than parsing.
   * Anything else (a file edited by hand, merged by git, restored from a backup, cut short) is checked in full.
   * Doctor never passes it, so it always checks everything.
   */
  checksum?: string
}

const SCHEMAS = { index: IndexFileSchema, article: ArticleFileSchema }

/**
 * Reads and writes one notebook file of a kind: validated, migrated on read, written durably with a stable layout.
 * The index is serialized in slices, since at 10,000 articles it holds megabytes; article files are small.
 */
export class NotebookFile<K extends FileKind> {
  readonly adapter: JsonFileAdapter<FileOf<K>>
  /** The same file as a lowdb adapter, for the Low object the store keeps in memory. */
  readonly low: Adapter<FileOf<K>>
  private seen = { from: 0, newer: false }
  private readonly migrations: readonly Migration[]
  private readonly fs: FsOps

  constructor(
    readonly kind: K,
    readonly path: string,
    private readonly options: CodecOptions = {},
  ) {
    this.migrations = options.migrations ?? MIGRATIONS
    this.fs = options.fs ?? realFs
    this.adapter = new JsonFileAdapter<FileOf<K>>(path, SCHEMAS[kind] as never, {
      fs: this.fs,
      folders: options.folders,
      decode: (raw) => this.decode(raw),
      ...(kind === 'index' ? { serialize: (data: FileOf<K>) => stableBytesInSlices(data) } : {}),
    })
    this.low = { read: async () => (await this.read())?.data ?? null, write: (data) => this.write(data) }
  }

  /** null when the file does not exist; DamagedFileError or NewerFormatError when it cannot be used. */
  async read(): Promise<StoredFile<FileOf<K>> | null> {
    let bytes: Buffer
    try {
      bytes = await this.fs.readFile(this.path)
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null
      throw err
    }
    if (this.options.checksum) return this.readChecked(bytes, this.options.checksum)
    return this.parse(bytes)
  }

  parse(bytes: Buffer): StoredFile<FileOf<K>> {
    this.seen = { from: 0, newer: false }
    try {
      const data = withKeysInOrder(this.adapter.parse(bytes))
      return { data, fromVersion: this.seen.from, newer: this.seen.newer }
    } catch (err) {
      throw this.explain(err)
    }
  }

  async write(data: FileOf<K>): Promise<void> {
    if (!this.options.checksum) return this.adapter.write(data)
    const chunks = await stableBytesInSlices(data)
    await atomicWrite(this.path, chunks, this.fs, this.options.folders)
    const hash = createHash('sha256')
    for (let i = 0; i < chunks.length; i++) {
      hash.update(chunks[i]!)
      if (i % 32 === 31) await new Promise<void>((r) => setImmediate(r))
    }
    const size = chunks.reduce((n, c) => n + c.byteLength, 0)
    // Losing this record only costs the next open a full check, so a failure here does not fail the save.
    await atomicWrite(this.options.checksum, JSON.stringify({ sha256: hash.digest('hex'), size }), this.fs, this.options.folders).catch(() => {})
  }

  /**
   * Skips the schema check when the bytes are exactly those the store last wrote and recorded; otherwise checks in
   * full, reusing the parse.
   */
  private async readChecked(bytes: Buffer, checksumPath: string): Promise<StoredFile<FileOf<K>>> {
    let recorded: { sha256?: unknown; size?: unknown } = {}
    try {
      recorded = JSON.parse(await this.fs.readFile(checksumPath, 'utf8'))
    } catch {
      // No record, or an unreadable one: the file is checked in full.
    }
    if (recorded.size !== bytes.byteLength || typeof recorded.sha256 !== 'string') return this.parse(bytes)
    // Hashed on the thread pool while this thread parses the same bytes.
    const digest = webcrypto.subtle.digest('SHA-256', bytes)
    let raw: unknown
    try {
      raw = this.adapter.parseJson(bytes)
    } catch (err) {
      await digest.catch(() => {})
      throw err
    }
    this.seen = { from: 0, newer: false }
    const data = this.decode(raw)
    if (Buffer.from(await digest).toString('hex') === recorded.sha256 && !this.seen.newer && this.seen.from === targetVersion(this.migrations)) {
      return { data: data as FileOf<K>, fromVersion: this.seen.from, newer: false }
    }
    try {
      return { data: withKeysInOrder(this.adapter.validate(data)), fromVersion: this.seen.from, newer: this.seen.newer }
    } catch (err) {
      throw this.explain(err)
    }
  }

  private decode(raw: unknown): unknown {
    const m = migrate(raw, this.kind, this.migrations)
    this.seen = { from: m.from, newer: m.newer }
    return m.data
  }

  private explain(err: unknown): unknown {
    if (err instanceof DamagedFileError && this.seen.newer) {
      return new NewerFormatError(this.path, this.seen.from, targetVersion(this.migrations))
    }
    return err
  }
}
