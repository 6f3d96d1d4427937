/**
 * Passphrase protection of the open notebook, as the app runs it: unlocking, locking (on demand, after a time
 * without use, on screen lock or sleep), and protecting, changing the passphrase or removing it from the app.
 * Those three are core's crash-safe transitions, the same the CLI runs; they need the notebook's folder to
 * themselves, so the window's edits are saved, the notebook is closed, the folder is encrypted again and the
 * notebook is opened again, unlocked with the passphrase just given. Passphrases are used and let go, never kept.
 * No electron import: lifecycle.ts supplies the window and the system's idle clock, and the e2e harness drives
 * this same code.
 */
import { basename } from 'node:path'
import type { LockState, ProtectionChange } from '../shared/ipc-contract'
import { IdleLock } from '../core/crypto/idle-lock'
import { changePassphrase, protectNotebook, unprotectNotebook, verifyPassphrase, type TransitionOptions } from '../core/crypto/protection'
import { checkNewPassphrase, type KdfParams } from '../core/crypto/key-file'
import { isUserError, UserError } from '../core/errors'
import type { OpenedNotebook } from './notebook'
import type { LockDeps } from './ipc/lock'
import { closeOpenedNotebook } from './notebook-durability'

export interface ProtectionHost {
  /** The folder of the open notebook. */
  dir(): string
  notebook(): OpenedNotebook
  /** Opens the folder again once its protection has changed: locked, when it is protected now. */
  open(dir: string): Promise<OpenedNotebook>
  /** Puts the notebook opened again in the place of the one that was closed. */
  adopt(notebook: OpenedNotebook): void
  /** The window saves its edits and the store drains; false when they could not be saved. */
  prepareToLeave(): Promise<boolean>
  /** Reloads the window, which drops everything it held of the notebook. */
  reloadWindow(): void
  /** Milliseconds since the analyst last used the keyboard or the mouse. */
  idleMs(): number
  /** How long a protected notebook may go without use before it locks. */
  idleLockMs(): number
  /** The same time as the setting the analyst chose, in minutes; and choosing it. */
  idleLockMinutes(): number
  setIdleLockMinutes(minutes: number): void
  /** How far re-encrypting the folder has got, in files; the transition waits for it. */
  progress(done: number, total: number): void | Promise<void>
  /** The scrypt cost of new key files; core's default unless given. */
  kdf?: KdfParams
}

export interface NotebookProtection extends LockDeps {
  /** Stops the idle clock (the app is quitting). */
  stop(): void
}

export function notebookProtection(host: ProtectionHost): NotebookProtection {
  let changing = false

  const lockNow = async (): Promise<boolean> => {
    const n = host.notebook()
    if (!n.protection || n.protection.locked) return false
    if (!(await host.prepareToLeave())) return false
    await n.protection.lock()
    // Nothing to watch until the next unlock starts the idle clock again, on the setting of that moment.
    idleLock.stop()
    host.reloadWindow()
    return true
  }

  const idleLock = new IdleLock({
    timeoutMs: () => host.idleLockMs(),
    idleMs: () => host.idleMs(),
    lock: async () => void (await lockNow().catch((err: unknown) => console.error('[lock] locking the notebook failed', err))),
  })

  const lockState = (): LockState => {
    const n = host.notebook()
    return { protected: !!n.protection, locked: n.protection?.locked ?? false, name: basename(host.dir()), idleLockMinutes: host.idleLockMinutes() }
  }

  /** Checks what can be checked before anything is closed, so a mistake costs the analyst nothing. */
  const check = async (change: ProtectionChange): Promise<void> => {
    const n = host.notebook()
    if (change.action === 'protect') {
      if (n.protection) throw new UserError('This notebook is already protected; change its passphrase instead.')
      checkNewPassphrase(change.passphrase)
      return
    }
    if (!n.protection) throw new UserError('This notebook is not protected with a passphrase.')
    await verifyPassphrase(host.dir(), change.current)
    if (change.action === 'change') {
      checkNewPassphrase(change.passphrase)
      if (change.passphrase === change.current) throw new UserError('The new passphrase is the same as the current one; nothing was changed.')
    }
  }

  const transition = (dir: string, change: ProtectionChange): Promise<void> => {
    const options: TransitionOptions = { onProgress: (done, total) => host.progress(done, total), ...(host.kdf ? { kdf: host.kdf } : {}) }
    if (change.action === 'protect') return protectNotebook(dir, change.passphrase, options)
    if (change.action === 'change') return changePassphrase(dir, change.current, change.passphrase, options)
    return unprotectNotebook(dir, change.current, options)
  }

  const close = async (n: OpenedNotebook): Promise<void> => {
    if (n.protection) return n.protection.lock()
    await closeOpenedNotebook(n)
  }

  /** Opens the folder again and unlocks it with whichever passphrase it takes now (the new one, or the old one if the change failed). */
  const reopen = async (dir: string, passphrases: string[], changed: boolean): Promise<void> => {
    let next: OpenedNotebook
    try {
      next = await host.open(dir)
    } catch (err) {
      const why = isUserError(err) ? err.message : ((err as Error)?.message ?? String(err))
      throw new UserError(`The protection ${changed ? 'was changed' : 'was not changed'}, but the notebook could not be opened again: ${why} Quit the app and open the notebook again.`)
    }
    host.adopt(next)
    if (next.protection) {
      for (const passphrase of passphrases) {
        if (!next.protection.locked) break
        await next.protection.unlock(passphrase).catch(() => {})
      }
      // Cannot happen unless the folder changed under the app; the window then asks for the passphrase.
      if (next.protection.locked) return host.reloadWindow()
      idleLock.start()
    }
    next.services.startBackgroundWork()
  }

  const changeProtection = async (change: ProtectionChange): Promise<void> => {
    if (changing) throw new UserError('The notebook\'s protection is already being changed; wait until that has finished.')
    changing = true
    try {
      await check(change)
      if (!(await host.prepareToLeave())) throw new UserError('Your latest edits could not be saved yet, so nothing was changed; try again in a moment.')
      const dir = host.dir()
      idleLock.stop()
      await close(host.notebook())
      let failure: unknown = null
      try {
        await transition(dir, change)
      } catch (err) {
        failure = err
      }
      const passphrases = change.action === 'protect' ? [change.passphrase] : change.action === 'change' ? [change.passphrase, change.current] : [change.current]
      await reopen(dir, passphrases, failure === null)
      if (failure) throw failure
    } finally {
      changing = false
    }
  }

  return {
    lockState,
    unlock: async (passphrase) => {
      const n = host.notebook()
      if (!n.protection) throw new UserError('This notebook is not protected with a passphrase; there is nothing to unlock.')
      await n.protection.unlock(passphrase)
      idleLock.start()
      n.services.startBackgroundWork()
    },
    lockNow,
    changeProtection,
    setIdleLockMinutes: (minutes) => {
      host.setIdleLockMinutes(minutes)
      // The idle clock polls at a fraction of the timeout: start it again on the new one.
      if (idleLock.running) {
        idleLock.stop()
        idleLock.start()
      }
    },
    stop: () => idleLock.stop(),
  }
}
