import { hostname } from 'node:os'
import * as fsp from 'node:fs/promises'
import { UserError } from '../errors'

interface LockInfo {
  pid: number
  host: string
  startedAt: string
  holder: string
}

/**
 * One writer per notebook across processes: the app and the CLI each take this lock before writing.
 * A lock left by a process that no longer runs on this host is stale and is taken over; a lock from another
 * host (a notebook on a shared drive) is respected, because we cannot tell whether that process is alive.
 */
export async function acquireLock(path: string, holder: string): Promise<() => Promise<void>> {
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), holder }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fsp.open(path, 'wx', 0o600)
      await handle.writeFile(JSON.stringify(info))
      await handle.sync()
      await handle.close()
      return async () => {
        const current = await readLock(path)
        if (current && current.pid === info.pid && current.host === info.host) await fsp.unlink(path).catch(() => {})
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const current = await readLock(path)
      if (current && !isStale(current)) {
        throw new UserError(
          `The notebook is open in another process (${current.holder}, pid ${current.pid} on ${current.host}, since ${current.startedAt}). Close it there and try again.`,
        )
      }
      // Stale or unreadable (a crash mid-write of the lock itself): remove and try again.
      await fsp.unlink(path).catch(() => {})
    }
  }
  throw new UserError('Could not lock the notebook for writing; another process keeps taking it. Try again.')
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await fsp.readFile(path, 'utf8')) as LockInfo
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? parsed : null
  } catch {
    return null
  }
}

function isStale(lock: LockInfo): boolean {
  if (lock.host !== hostname()) return false
  if (lock.pid === process.pid) return false
  try {
    process.kill(lock.pid, 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
