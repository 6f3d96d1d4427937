import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { realFs, type FsOps } from './fs-ops'

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RENAME_ATTEMPTS = 8

/**
 * Writes a file so that a crash at any instant leaves either the old content or the new, never a mix:
 * a unique temp file in the same folder, fsynced, renamed over the target, then the folder fsynced so the
 * rename itself survives power loss. (steno, lowdb's default writer, renames but never fsyncs.)
 * A rename refused with EPERM/EBUSY (a virus scanner or indexer holding the file on Windows) is retried.
 */
export async function atomicWrite(path: string, data: string | Uint8Array, fs: FsOps = realFs): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(tmp, 'wx', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => {})
    await fs.unlink(tmp).catch(() => {})
    throw err
  }
  await handle.close()
  try {
    await renameWithRetry(tmp, path, fs)
  } catch (err) {
    await fs.unlink(tmp).catch(() => {})
    throw err
  }
  await syncDir(dir, fs)
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
