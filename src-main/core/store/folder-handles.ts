import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { FileHandle } from 'node:fs/promises'
import { realFs, type FsOps } from './fs-ops'

/** A temp file made ahead of a write: created, its creation on disk, open and empty, waiting to be filled. */
export interface SpareTempFile {
  path: string
  handle: FileHandle
}

export interface FolderHandles {
  /** fsyncs the folder, so a rename in it survives power loss. */
  sync(dir: string): Promise<void>
  /** A spare temp file in `dir` for the next write to fill, or null when none is ready. */
  takeSpare(dir: string): SpareTempFile | null
  /** Closes the replaced file a write held open, once that write's callers have heard it is done. */
  release(replaced: FileHandle): void
}

/** The unique name of a temp file in a notebook folder: the pid tells a later writer whose it was (see layout). */
export function tempFileName(target: string): string {
  return `.${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
}

/**
 * The handles a writing store keeps open in its folders, so the path a save waits on holds only the work it must:
 * - One handle per folder for the fsync that ends every save: opening and closing the folder each time added two
 *   trips to the thread pool.
 * - One spare temp file per folder, made after each successful write for the next one. Creating a file and
 *   committing its creation to the file system's journal cost about a sixth of a save; done ahead, in the quiet
 *   after a write, the next save only fills, fsyncs and renames it. A spare is used once, like any temp file.
 * - The files its writes replaced, held open across the rename so their blocks are freed after the save, not in it.
 * Windows cannot fsync a folder; there the rename is durable once it returns.
 */
export class OpenFolders implements FolderHandles {
  private folders = new Map<string, Promise<FileHandle>>()
  private spares = new Map<string, SpareTempFile>()
  private making = new Map<string, Promise<void>>()
  private releasing = new Set<Promise<void>>()
  private closed = false

  constructor(private readonly fs: FsOps = realFs) {}

  async sync(dir: string): Promise<void> {
    await this.syncFolder(dir)
    // Only a folder written to gets a spare, and only after a write that succeeded: a full disk makes none. It is
    // started once the save's own callers have heard it is done, so their wait holds none of its work.
    setImmediate(() => this.makeSpare(dir))
  }

  takeSpare(dir: string): SpareTempFile | null {
    const spare = this.spares.get(dir) ?? null
    this.spares.delete(dir)
    return spare
  }

  release(replaced: FileHandle): void {
    // A close that fails loses nothing: the file was only held, never written through this handle.
    const closing = new Promise<void>((r) => setImmediate(r))
      .then(() => replaced.close())
      .catch(() => {})
      .finally(() => this.releasing.delete(closing))
    this.releasing.add(closing)
  }

  /** Resolves once the spares being made are ready (or given up), so a caller can tell what a next write will find. */
  async sparesMade(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r))
    await Promise.all(this.making.values())
  }

  async close(): Promise<void> {
    this.closed = true
    await this.sparesMade()
    await Promise.all(this.releasing)
    const folders = [...this.folders.values()]
    const spares = [...this.spares.values()]
    this.folders.clear()
    this.spares.clear()
    await Promise.all([...folders.map((h) => h.then((fh) => fh.close()).catch(() => {})), ...spares.map((s) => this.discard(s))])
  }

  private async syncFolder(dir: string): Promise<void> {
    if (process.platform === 'win32') return
    let handle = this.folders.get(dir)
    if (!handle) {
      handle = this.fs.open(dir, 'r')
      this.folders.set(dir, handle)
      handle.catch(() => this.folders.delete(dir))
    }
    await (await handle).sync()
  }

  private makeSpare(dir: string): void {
    if (this.closed || this.spares.has(dir) || this.making.has(dir)) return
    const path = join(dir, tempFileName('spare'))
    const making = (async () => {
      let handle: FileHandle
      try {
        handle = await this.fs.open(path, 'wx', 0o600)
      } catch {
        return
      }
      const spare = { path, handle }
      try {
        // The folder's fsync commits the new file's creation. The spare's own handle is left alone: in a protected
        // notebook a handle seals what it holds on its first sync, and this one holds nothing yet.
        await this.syncFolder(dir)
      } catch {
        await this.discard(spare)
        return
      }
      if (this.closed) await this.discard(spare)
      else this.spares.set(dir, spare)
    })().finally(() => this.making.delete(dir))
    this.making.set(dir, making)
  }

  /** A spare never written holds nothing, so failing to remove it loses nothing: the next writer's open sweeps it. */
  private async discard(spare: SpareTempFile): Promise<void> {
    await spare.handle.close().catch(() => {})
    await this.fs.unlink(spare.path).catch(() => {})
  }
}
