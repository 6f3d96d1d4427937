import type { FileHandle } from 'node:fs/promises'
import { realFs, type FsOps } from './fs-ops'

export interface FolderSync {
  sync(dir: string): Promise<void>
}

/**
 * Folder fsyncs through one handle per folder, kept open while the notebook is: every save ends with a folder
 * fsync, and opening and closing the folder each time added two more trips to the thread pool to the path a save
 * waits on. Windows cannot fsync a folder; there the rename is durable once it returns.
 */
export class DirectorySync implements FolderSync {
  private handles = new Map<string, Promise<FileHandle>>()

  constructor(private readonly fs: FsOps = realFs) {}

  async sync(dir: string): Promise<void> {
    if (process.platform === 'win32') return
    let handle = this.handles.get(dir)
    if (!handle) {
      handle = this.fs.open(dir, 'r')
      this.handles.set(dir, handle)
      handle.catch(() => this.handles.delete(dir))
    }
    await (await handle).sync()
  }

  async close(): Promise<void> {
    const handles = [...this.handles.values()]
    this.handles.clear()
    await Promise.all(handles.map((h) => h.then((fh) => fh.close()).catch(() => {})))
  }
}
