import { dirname, join } from 'node:path'
import { errorCode, type FsOps } from '../store/fs-ops'
import { tempFileName } from '../store/folder-handles'

/**
 * Copies a file and fsyncs the copy, so a backup taken just before a power cut still holds whole files.
 * The bytes go through `fs.readFile` and a fresh write rather than copyFile and a reopen: a protected notebook's
 * file system seals a file when it is synced, and a handle reopened only to fsync would seal nothing over the copy.
 */
export async function durableCopy(from: string, to: string, fs: FsOps): Promise<void> {
  const bytes = await fs.readFile(from)
  const handle = await fs.open(to, 'wx', 0o600)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Hard-links when the file system can, copies when it cannot (FAT drives, some network shares). */
export async function linkOrCopy(from: string, to: string, fs: FsOps): Promise<'linked' | 'copied'> {
  try {
    await fs.link(from, to)
    return 'linked'
  } catch (err) {
    if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS'].includes(errorCode(err))) throw err
  }
  await durableCopy(from, to, fs)
  return 'copied'
}

/** Puts a copy of `from` in place of `to` the way every store write happens: temp file, fsync, rename. */
export async function replaceFromCopy(from: string, to: string, fs: FsOps): Promise<void> {
  const tmp = join(dirname(to), tempFileName('restore'))
  try {
    await durableCopy(from, tmp, fs)
    await fs.rename(tmp, to)
  } catch (err) {
    await fs.unlink(tmp).catch(() => {})
    throw err
  }
}

/** Runs `fn` over `items` with at most `limit` at a time: thousands of small file operations, without flooding the pool. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
