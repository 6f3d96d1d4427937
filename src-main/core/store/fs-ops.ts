import * as fsp from 'node:fs/promises'

/**
 * The file-system calls the store, its backups and its recovery make, gathered so tests can inject faults
 * (a rename that fails with EBUSY, a full disk) without touching the real disk's behaviour.
 */
export interface FsOps {
  open: typeof fsp.open
  rename: typeof fsp.rename
  unlink: typeof fsp.unlink
  readFile: typeof fsp.readFile
  mkdir: typeof fsp.mkdir
  stat: typeof fsp.stat
  readdir: typeof fsp.readdir
  link: typeof fsp.link
  copyFile: typeof fsp.copyFile
  rm: typeof fsp.rm
}

export const realFs: FsOps = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  readFile: fsp.readFile,
  mkdir: fsp.mkdir,
  stat: fsp.stat,
  readdir: fsp.readdir,
  link: fsp.link,
  copyFile: fsp.copyFile,
  rm: fsp.rm,
}

export function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? ''
}

export async function exists(path: string, fs: FsOps = realFs): Promise<boolean> {
  try {
    await fs.stat(path)
    return true
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false
    throw err
  }
}
