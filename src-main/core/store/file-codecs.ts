import { ArticleFileSchema, IndexFileSchema, type ArticleFile, type IndexFile } from '../../shared/model/notebook'
import { DamagedFileError, UserError } from '../errors'
import { JsonFileAdapter } from './json-file-adapter'
import { migrate, MIGRATIONS, targetVersion, type FileKind, type Migration } from './migrations'
import { stableBytesInSlices } from './stable-json'
import { realFs, type FsOps } from './fs-ops'

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
  migrations?: readonly Migration[]
}

const SCHEMAS = { index: IndexFileSchema, article: ArticleFileSchema }

/**
 * Reads and writes one notebook file of a kind: validated, migrated on read, written durably with a stable layout.
 * The index is serialized in slices, since at 10,000 articles it holds megabytes; article files are small.
 */
export class NotebookFile<K extends FileKind> {
  readonly adapter: JsonFileAdapter<FileOf<K>>
  private seen = { from: 0, newer: false, version: 0 }
  private readonly migrations: readonly Migration[]

  constructor(
    readonly kind: K,
    readonly path: string,
    options: CodecOptions = {},
  ) {
    this.migrations = options.migrations ?? MIGRATIONS
    this.adapter = new JsonFileAdapter<FileOf<K>>(path, SCHEMAS[kind] as never, {
      fs: options.fs ?? realFs,
      decode: (raw) => {
        const m = migrate(raw, kind, this.migrations)
        this.seen = { from: m.from, newer: m.newer, version: m.from }
        return m.data
      },
      ...(kind === 'index' ? { serialize: (data: FileOf<K>) => stableBytesInSlices(data) } : {}),
    })
  }

  /** null when the file does not exist; DamagedFileError or NewerFormatError when it cannot be used. */
  async read(): Promise<StoredFile<FileOf<K>> | null> {
    this.seen = { from: 0, newer: false, version: 0 }
    try {
      const data = await this.adapter.read()
      return data === null ? null : { data, fromVersion: this.seen.from, newer: this.seen.newer }
    } catch (err) {
      throw this.explain(err)
    }
  }

  parse(bytes: Buffer): StoredFile<FileOf<K>> {
    this.seen = { from: 0, newer: false, version: 0 }
    try {
      const data = this.adapter.parse(bytes)
      return { data, fromVersion: this.seen.from, newer: this.seen.newer }
    } catch (err) {
      throw this.explain(err)
    }
  }

  write(data: FileOf<K>): Promise<void> {
    return this.adapter.write(data)
  }

  private explain(err: unknown): unknown {
    if (err instanceof DamagedFileError && this.seen.newer) return new NewerFormatError(this.path, this.seen.version, targetVersion(this.migrations))
    return err
  }
}
