import type { FileHandle } from 'node:fs/promises'
import { realFs, type FsOps } from '../../src-main/core/store/fs-ops'

const WRITES = ['writeFile', 'write', 'writev', 'appendFile'] as const

/**
 * The real disk, which a test can fill. While `disk.full`, every write through a file handle fails with ENOSPC,
 * checked at write time as a real disk reports it: a temp file opened before the disk filled fails too.
 */
export function fillableDisk(base: FsOps = realFs): { fs: FsOps; disk: { full: boolean } } {
  const disk = { full: false }
  const open = (async (...args: Parameters<FsOps['open']>) => {
    const handle = await base.open(...args)
    for (const name of WRITES) {
      const write = (handle[name] as (...a: unknown[]) => Promise<unknown>).bind(handle)
      Object.assign(handle, {
        [name]: async (...a: unknown[]) => {
          if (disk.full) throw Object.assign(new Error(`ENOSPC: no space left on device, ${name}`), { code: 'ENOSPC' })
          return write(...a)
        },
      } satisfies Partial<Record<keyof FileHandle, unknown>>)
    }
    return handle
  }) as FsOps['open']
  return { fs: { ...base, open }, disk }
}
