import { constants } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { FileHandle } from 'node:fs/promises'
import { realFs, type FsOps } from './fs-ops'
import { tempFileName, type FolderHandles } from './folder-handles'

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RENAME_ATTEMPTS = 8

/**
 * Writes a file so that a crash at any instant leaves either the old content or the new, never a mix:
 * a unique temp file in the same folder, fsynced, renamed over the target, then the folder fsynced so the
 * rename itself survives power loss. (steno, lowdb's default writer, renames but never fsyncs.)
 * A rename refused with EPERM/EBUSY (a virus scanner or indexer holding the file on Windows) is retried.
 * `folders` lets a caller that writes often keep its folders open for the final fsync, fill a temp file made
 * ahead of time rather than create one, and leave the freeing of the replaced file until after the save.
 */
export async function atomicWrite(path: string, data: string | Uint8Array | readonly Uint8Array[], fs: FsOps = realFs, folders?: FolderHandles): Promise<void> {
  const dir = dirname(path)
  const spare = folders?.takeSpare(dir)
  const tmp = spare?.path ?? join(dir, tempFileName(basename(path)))
  const handle = spare?.handle ?? (await fs.open(tmp, 'wx', 0o600))
  const onWindows = process.platform === 'win32'
  // A rename over a file frees the replaced file's blocks inside the rename call, unless the file is still open:
  // then the freeing waits for its last close. Held open from here, alongside the write, it is let go once the save
  // is on disk. Here that took the rename from p50 0.50 ms to 0.17 ms, and a store save 0.06-0.20 ms faster at p50
  // in 5 of 5 interleaved runs. Not on Windows, which may refuse to rename over an open file. Non-blocking, so
  // something other than a file at that path cannot hold the open.
  const holding = folders && !onWindows ? fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => null) : null
  try {
    try {
      if (Array.isArray(data)) await writeChunks(handle, data)
      else await handle.writeFile(data as string | Uint8Array)
      await handle.sync()
    } catch (err) {
      await handle.close().catch(() => {})
      await fs.unlink(tmp).catch(() => {})
      throw err
    }
    await holding
    // Synced, the bytes are on disk, so a close that fails now loses nothing. POSIX renames a file that is still open,
    // so there the close is sent after the rename and runs alongside it and the folder's fsync (sending it takes a
    // trip to the thread pool the rename need not wait for); Windows may refuse to rename an open file.
    if (onWindows) await handle.close().catch(() => {})
    const renaming = renameWithRetry(tmp, path, fs)
    const closing = onWindows ? Promise.resolve() : handle.close().catch(() => {})
    try {
      await renaming
    } catch (err) {
      await closing
      await fs.unlink(tmp).catch(() => {})
      throw err
    }
    try {
      if (folders) await folders.sync(dir)
      else await syncDir(dir, fs)
    } finally {
      await closing
    }
  } finally {
    const replaced = await holding
    if (replaced) folders!.release(replaced)
  }
}

/** Writes chunks in order with as few calls as the system allows, so a large file is never joined in memory first. */
async function writeChunks(handle: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  let rest = chunks.filter((c) => c.byteLength > 0)
  while (rest.length > 0) {
    const batch = rest.slice(0, 512)
    let { bytesWritten } = await handle.writev(batch as Uint8Array[])
    let used = 0
    while (used < batch.length && bytesWritten >= batch[used]!.byteLength) bytesWritten -= batch[used++]!.byteLength
    // A short write leaves part of a chunk: go on from exactly where it stopped.
    if (used < batch.length && bytesWritten > 0) rest = [batch[used]!.subarray(bytesWritten), ...rest.slice(used + 1)]
    else rest = rest.slice(used)
  }
}

async function renameWithRetry(from: string, to: string, fs: FsOps): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (!RETRYABLE_RENAME.has(code) || attempt >= RENAME_ATTEMPTS) throw err
      await new Promise((r) => setTimeout(r, 10 * 2 ** attempt))
    }
  }
}

/** Windows cannot open a folder for fsync; there the rename is already durable once it returns. */
export async function syncDir(dir: string, fs: FsOps = realFs): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
