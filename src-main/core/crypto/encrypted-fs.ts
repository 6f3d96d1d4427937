import { isAbsolute, relative, sep } from 'node:path'
import type { FileHandle } from 'node:fs/promises'
import { realFs, type FsOps } from '../store/fs-ops'
import { LOCK_FILE } from '../store/layout'
import type { FileCipher } from './envelope'
import { KEY_FILE } from './key-file'

/**
 * The store, its backups, its journal and its recovery reach the disk only through FsOps. This one seals every
 * file they write inside a protected notebook and opens every file they read there, so plaintext never reaches
 * the disk, temp files included: a file is encrypted in memory before its first byte is written. Renames, links
 * and copies move sealed bytes as they are. Outside the notebook folder (an export the analyst saves) and for
 * the key and lock files, it is the plain file system.
 */
export function encryptedFs(cipher: FileCipher, root: string, base: FsOps = realFs): FsOps {
  const sealed = (path: unknown): path is string => typeof path === 'string' && isSealedPath(root, path)

  const readFile = (async (path: Parameters<FsOps['readFile']>[0], options?: Parameters<FsOps['readFile']>[1]) => {
    if (!sealed(path)) return base.readFile(path, options as never)
    const plain = cipher.open(await base.readFile(path), relative(root, path))
    const encoding = typeof options === 'string' ? options : options?.encoding
    return encoding ? plain.toString(encoding) : plain
  }) as FsOps['readFile']

  const open = (async (path: Parameters<FsOps['open']>[0], flags?: Parameters<FsOps['open']>[1], mode?: Parameters<FsOps['open']>[2]) => {
    if (!sealed(path) || !writes(flags)) return base.open(path, flags, mode)
    if (typeof flags === 'string' && flags.includes('a')) {
      throw new Error(`Appending to ${relative(root, path)} is not possible in a protected notebook: each file is sealed whole.`)
    }
    return sealingHandle(await base.open(path, flags, mode), cipher)
  }) as FsOps['open']

  return Object.assign({ ...base, readFile, open }, { [SEALS]: true, [CIPHER]: cipher })
}

const SEALS = Symbol.for('intel-notebook.sealing-fs')
const CIPHER = Symbol('intel-notebook.cipher')

/**
 * The cipher a sealing file system holds, for a worker thread of this process (the search index) that must read
 * the same notebook: it builds its own sealing file system from it. Null for a plain file system.
 */
export function sealingCipher(fs: FsOps): FileCipher | null {
  return (fs as FsOps & { [CIPHER]?: FileCipher })[CIPHER] ?? null
}

/** Whether a file system seals what it writes (so a protected notebook may be opened through it). */
export function isSealingFs(fs: FsOps): boolean {
  return (fs as FsOps & { [SEALS]?: boolean })[SEALS] === true
}

/** Files inside the notebook folder are sealed, except the key file, the lock file and a passphrase change's own files. */
export function isSealedPath(root: string, path: string): boolean {
  const rel = relative(root, path)
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false
  if (rel === KEY_FILE || rel === LOCK_FILE || rel.startsWith(`${KEY_FILE}.`)) return false
  return !rel.split(sep).pop()!.includes(TRANSITION_MARK)
}

/** Names a file written during a protect, unprotect or passphrase change, for the generation it belongs to. */
export const TRANSITION_MARK = '~next-'

function writes(flags: Parameters<FsOps['open']>[1]): boolean {
  if (flags === undefined) return false
  if (typeof flags === 'number') return (flags & 3) !== 0
  return /[wax+]/.test(String(flags))
}

/**
 * A file handle that keeps what is written in memory and writes it sealed, in one piece, when the writer syncs
 * or closes. The store's writers (atomicWrite) write a whole file, sync, then close, which is exactly this order.
 */
function sealingHandle(handle: FileHandle, cipher: FileCipher): FileHandle {
  const chunks: Buffer[] = []
  let flushed = false
  const add = (data: unknown, encoding?: BufferEncoding): number => {
    if (flushed) throw new Error('A sealed file is written whole; it cannot be written again after it was synced.')
    const buf = typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : Buffer.from((data as Uint8Array).buffer, (data as Uint8Array).byteOffset, (data as Uint8Array).byteLength)
    chunks.push(Buffer.from(buf))
    return buf.byteLength
  }
  const flush = async (): Promise<void> => {
    if (flushed) return
    flushed = true
    await handle.writeFile(cipher.seal(Buffer.concat(chunks)))
    chunks.length = 0
  }
  const overrides: Partial<Record<keyof FileHandle, unknown>> = {
    writeFile: async (data: unknown, options?: BufferEncoding | { encoding?: BufferEncoding | null }) => {
      const encoding = typeof options === 'string' ? options : (options?.encoding ?? undefined)
      if (typeof data === 'string' || data instanceof Uint8Array) add(data, encoding)
      else for await (const part of data as AsyncIterable<string | Uint8Array>) add(part, encoding)
    },
    writev: async (buffers: Uint8Array[]) => ({ bytesWritten: buffers.reduce((n, b) => n + add(b), 0), buffers }),
    write: async (data: unknown, ...rest: unknown[]) => {
      const encoding = typeof data === 'string' && typeof rest[1] === 'string' ? (rest[1] as BufferEncoding) : undefined
      return { bytesWritten: add(data, encoding), buffer: data }
    },
    sync: async () => {
      await flush()
      await handle.sync()
    },
    datasync: async () => {
      await flush()
      await handle.datasync()
    },
    close: async () => {
      try {
        await flush()
      } finally {
        await handle.close()
      }
    },
  }
  return new Proxy(handle, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof FileHandle]
      // The handle's own getters read private fields, so they must run on the handle, not on this proxy.
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}
