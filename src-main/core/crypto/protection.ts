import * as fsp from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { UserError } from '../errors'
import { atomicWrite, syncDir } from '../store/atomic-write'
import { realFs, errorCode, type FsOps } from '../store/fs-ops'
import { acquireLock } from '../store/lock-file'
import { LOCK_FILE, tempFileOwner } from '../store/layout'
import { FileCipher } from './envelope'
import { encryptedFs, isSealingFs, TRANSITION_MARK } from './encrypted-fs'
import { createKeyFile, checkNewPassphrase, KEY_FILE, keyFilePath, keyFileText, readKeyFile, unlockKeyFile, type KdfParams } from './key-file'

/**
 * Protecting a notebook with a passphrase, removing the protection, and changing the passphrase. Each is one
 * transition from a key generation (or plaintext) to another, made so a crash at any instant leaves a notebook
 * that opens with the old passphrase or the new one:
 *  1. a marker says a transition is under way;
 *  2. every file is written again for the new generation beside itself (`name~next-<generation>`), durably;
 *  3. the key file is replaced (or removed) in one atomic step: this is the instant the notebook changes over;
 *  4. the new files are renamed over the old ones, and anything left of the old generation is removed.
 * On the next open, `settle` finishes step 4 for whichever generation the key file names, or throws away what an
 * interrupted step 2 wrote. A passphrase change makes a new data key, so copies of the old key file (in an old
 * backup of the disk, say) open nothing written since.
 */

/** Present from the start of a transition to its end; an open that finds it settles the notebook first. */
export const TRANSITION_FILE = `${KEY_FILE}.transition`
const PLAIN = 'plain'

export class PassphraseRequiredError extends UserError {
  override name = 'PassphraseRequiredError'
  constructor() {
    super('This notebook is protected with a passphrase; give the passphrase to open it.')
  }
}

/** Steps a transition reports as it goes; tests stop a process at each of them. */
export type TransitionStep = 'started' | 'file-written' | 'switched' | 'file-renamed' | 'done'
export interface TransitionOptions {
  onStep?: (step: TransitionStep, detail?: string) => void
  /** How many of the folder's files have been encrypted (or decrypted) again so far, of how many; awaited. */
  onProgress?: (done: number, total: number) => void | Promise<void>
  kdf?: KdfParams
}

export interface OpenedProtection {
  /** Null for a notebook without a passphrase. */
  cipher: FileCipher | null
  /** The file system the store, backups and recovery must use for this notebook. */
  fs: FsOps
}

export async function isProtected(root: string): Promise<boolean> {
  return (await readKeyFile(root)) !== null
}

/**
 * What it takes to open a notebook: nothing for a plain one, the passphrase for a protected one. A wrong or missing
 * passphrase is refused before anything on disk is touched; then an interrupted transition is finished.
 */
export async function openProtection(root: string, passphrase: string | null): Promise<OpenedProtection> {
  const keyData = await readKeyFile(root)
  if (!keyData) {
    await settle(root, null)
    return { cipher: null, fs: realFs }
  }
  if (passphrase === null) throw new PassphraseRequiredError()
  const cipher = await unlockKeyFile(keyData, passphrase)
  await settle(root, cipher)
  return { cipher, fs: encryptedFs(cipher, root) }
}

/** Checks a passphrase against the notebook's key file without touching anything; resolves to its cipher. */
export async function verifyPassphrase(root: string, passphrase: string): Promise<FileCipher> {
  const keyData = await readKeyFile(root)
  if (!keyData) throw new UserError('This notebook is not protected with a passphrase.')
  return unlockKeyFile(keyData, passphrase)
}

export async function protectNotebook(root: string, passphrase: string, options: TransitionOptions = {}): Promise<void> {
  checkNewPassphrase(passphrase)
  await withLock(root, 'protecting the notebook with a passphrase', async () => {
    if (await readKeyFile(root)) throw new UserError('This notebook is already protected; change its passphrase with rekey instead.')
    await settleLocked(root, null)
    const target = FileCipher.generate()
    const keyData = await createKeyFile(passphrase, target, options.kdf)
    await transition(root, null, target, () => atomicWrite(keyFilePath(root), keyFileText(keyData)), options)
  })
}

export async function unprotectNotebook(root: string, passphrase: string, options: TransitionOptions = {}): Promise<void> {
  await withLock(root, 'removing the notebook\'s passphrase', async () => {
    const current = await verifyPassphrase(root, passphrase)
    await settleLocked(root, current)
    await transition(
      root,
      current,
      null,
      async () => {
        await fsp.unlink(keyFilePath(root))
        await syncDir(root)
      },
      options,
    )
  })
}

export async function changePassphrase(root: string, oldPassphrase: string, newPassphrase: string, options: TransitionOptions = {}): Promise<void> {
  checkNewPassphrase(newPassphrase)
  await withLock(root, 'changing the notebook\'s passphrase', async () => {
    const current = await verifyPassphrase(root, oldPassphrase)
    await settleLocked(root, current)
    const target = FileCipher.generate()
    const keyData = await createKeyFile(newPassphrase, target, options.kdf)
    await transition(root, current, target, () => atomicWrite(keyFilePath(root), keyFileText(keyData)), options)
  })
}

async function withLock<T>(root: string, holder: string, run: () => Promise<T>): Promise<T> {
  const release = await acquireLock(join(root, LOCK_FILE), holder)
  try {
    return await run()
  } finally {
    await release()
  }
}

async function transition(root: string, from: FileCipher | null, to: FileCipher | null, switchOver: () => Promise<void>, options: TransitionOptions): Promise<void> {
  const step = options.onStep ?? (() => {})
  const tag = to ? to.tag : PLAIN
  await atomicWrite(join(root, TRANSITION_FILE), JSON.stringify({ to: tag, startedAt: new Date().toISOString() }))
  step('started')
  try {
    // Files that share an inode (a backup hard-linked to the live file) are written once and linked again.
    const written = new Map<string, string>()
    const files = await contentFiles(root)
    let done = 0
    await options.onProgress?.(0, files.length)
    for (const file of files) {
      // A temp file left by a writer that died (the lock is ours, so no writer is alive) is garbage, maybe cut short.
      if (tempFileOwner(basename(file)) !== null) {
        await fsp.unlink(file)
        await options.onProgress?.(++done, files.length)
        continue
      }
      const next = `${file}${TRANSITION_MARK}${tag}`
      const stat = await fsp.stat(file)
      const inode = `${stat.dev}:${stat.ino}`
      const twin = stat.nlink > 1 ? written.get(inode) : undefined
      if (twin) await fsp.link(twin, next)
      else {
        const raw = await fsp.readFile(file)
        const plain = from ? from.open(raw, relative(root, file)) : raw
        await atomicWrite(next, to ? to.seal(plain) : plain)
        written.set(inode, next)
      }
      step('file-written', relative(root, file))
      await options.onProgress?.(++done, files.length)
    }
  } catch (err) {
    // Nothing has changed over yet: the old generation is whole, and what was written for the new one goes.
    await removeLeftovers(root, null).catch(() => {})
    await fsp.unlink(join(root, TRANSITION_FILE)).catch(() => {})
    if (err instanceof UserError) throw new UserError(`${err.message} Nothing was changed; repair the notebook (doctor --repair) and try again.`)
    throw err
  }
  await switchOver()
  step('switched')
  await finish(root, tag, step)
  step('done')
}

/** Settles an interrupted transition, taking the notebook's lock for it when there is one to settle. */
async function settle(root: string, cipher: FileCipher | null): Promise<void> {
  if (!(await exists(join(root, TRANSITION_FILE)))) return
  await withLock(root, 'finishing a passphrase change', () => settleLocked(root, cipher))
}

async function settleLocked(root: string, cipher: FileCipher | null): Promise<void> {
  if (!(await exists(join(root, TRANSITION_FILE)))) return
  await finish(root, cipher ? cipher.tag : PLAIN, () => {})
}

/** Step 4: the current generation's new files replace the old ones; everything else written for a transition goes. */
async function finish(root: string, tag: string, step: (s: TransitionStep, detail?: string) => void): Promise<void> {
  const suffix = `${TRANSITION_MARK}${tag}`
  const dirs = new Set<string>()
  for (const file of await allFiles(root)) {
    if (!file.endsWith(suffix)) continue
    const target = file.slice(0, -suffix.length)
    await fsp.rename(file, target)
    dirs.add(dirname(target))
    step('file-renamed', relative(root, target))
  }
  for (const dir of dirs) await syncDir(dir)
  await removeLeftovers(root, null)
  await fsp.unlink(join(root, TRANSITION_FILE)).catch((err: unknown) => {
    if (errorCode(err) !== 'ENOENT') throw err
  })
  await syncDir(root)
}

async function removeLeftovers(root: string, keep: string | null): Promise<void> {
  for (const file of await allFiles(root)) {
    const at = file.lastIndexOf(TRANSITION_MARK)
    if (at < 0 || (keep && file.endsWith(`${TRANSITION_MARK}${keep}`))) continue
    await fsp.unlink(file).catch(() => {})
  }
}

/** Every file a transition writes again: all regular files of the folder but the key, the marker and the lock. */
async function contentFiles(root: string): Promise<string[]> {
  return (await allFiles(root)).filter((file) => {
    const rel = relative(root, file)
    return rel !== KEY_FILE && rel !== LOCK_FILE && !rel.startsWith(`${KEY_FILE}.`) && !rel.startsWith(`.${KEY_FILE}.`) && !file.includes(TRANSITION_MARK)
  })
}

/** Regular files below the root, symbolic links not followed (one could point outside the notebook). */
async function allFiles(root: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[]
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true })
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return
      throw err
    }
    for (const e of entries) {
      const path = join(dir, e.name)
      if (e.isDirectory()) await walk(path)
      else if (e.isFile()) out.push(path)
    }
  }
  await walk(root)
  return out.sort()
}

async function exists(path: string): Promise<boolean> {
  try {
    await fsp.stat(path)
    return true
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false
    throw err
  }
}

/**
 * Refuses to open a protected notebook through a file system that does not seal: to such a reader every file
 * would look damaged, and recovery would move the whole notebook aside.
 */
export async function assertReadable(root: string, fs: FsOps): Promise<void> {
  if (isSealingFs(fs)) return
  if (await exists(keyFilePath(root))) throw new PassphraseRequiredError()
}
