import type { Adapter } from 'lowdb'
import type { ZodType } from 'zod'
import { atomicWrite } from './atomic-write'
import { realFs, type FsOps } from './fs-ops'
import type { FolderHandles } from './folder-handles'
import { stableBytes } from './stable-json'
import { DamagedFileError } from '../errors'

/**
 * The lowdb adapter for every notebook file: validated reads, durable atomic writes, stable layout.
 * `read` returns null only when the file does not exist; a file that exists but is empty, truncated,
 * NUL-filled or of the wrong shape throws DamagedFileError, so lowdb can never fall back to defaults over it.
 * `decode` runs on the parsed JSON before validation: migrations (and, for protected notebooks, decryption) hook in there.
 */
export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly schema: ZodType<T>,
    private readonly options: {
      fs?: FsOps
      folders?: FolderHandles
      decode?: (raw: unknown) => unknown
      decodeBytes?: (bytes: Buffer) => string
      /** How the data becomes bytes; the index uses a sliced serializer so a large notebook never freezes the window. */
      serialize?: (data: T) => Promise<readonly Uint8Array[]>
    } = {},
  ) {}

  async read(): Promise<T | null> {
    const fs = this.options.fs ?? realFs
    let bytes: Buffer
    try {
      bytes = await fs.readFile(this.path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    return this.parse(bytes)
  }

  parse(bytes: Buffer): T {
    const raw = this.parseJson(bytes)
    return this.validate(this.options.decode ? this.options.decode(raw) : raw)
  }

  /** The file's JSON, or DamagedFileError saying why there is none: empty, NUL bytes, cut short. */
  parseJson(bytes: Buffer): unknown {
    let text: string
    try {
      text = this.options.decodeBytes ? this.options.decodeBytes(bytes) : bytes.toString('utf8')
    } catch (err) {
      throw new DamagedFileError(this.path, (err as Error).message)
    }
    try {
      return JSON.parse(text)
    } catch {
      // Said only once parsing failed, so the index of a large notebook is not scanned twice on every open.
      if (text.trim() === '') throw new DamagedFileError(this.path, 'it is empty')
      if (text.includes('\u0000')) throw new DamagedFileError(this.path, 'it holds NUL bytes')
      throw new DamagedFileError(this.path, 'it is not complete JSON')
    }
  }

  validate(decoded: unknown): T {
    const parsed = this.schema.safeParse(decoded)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new DamagedFileError(this.path, `unexpected content at ${first?.path.join('.') || 'top level'}: ${first?.message ?? 'invalid'}`)
    }
    return parsed.data
  }

  async write(data: T): Promise<void> {
    const bytes = this.options.serialize ? await this.options.serialize(data) : stableBytes(data)
    await atomicWrite(this.path, bytes, this.options.fs, this.options.folders)
  }
}
