import * as fsp from 'node:fs/promises'

/**
 * The file-system calls the store makes, gathered so tests can inject faults (a rename that fails with EBUSY,
 * a full disk) without touching the real disk's behaviour.
 */
export interface FsOps {
  open: typeof fsp.open
  rename: typeof fsp.rename
  unlink: typeof fsp.unlink
  readFile: typeof fsp.readFile
  mkdir: typeof fsp.mkdir
}

export const realFs: FsOps = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  readFile: fsp.readFile,
  mkdir: fsp.mkdir,
}
