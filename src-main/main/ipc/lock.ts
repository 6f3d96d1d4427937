/**
 * The contract entries for protecting a notebook with a passphrase: its lock state, unlocking and locking, protecting,
 * changing the passphrase or removing it, and the idle-lock setting. Main and the e2e harness both supply the deps
 * from notebook-protection.ts; without them (tests of other channels) the notebook is simply not protected.
 */
import type { Api, LockState, ProtectionChange } from '../../shared/ipc-contract'
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../shared/model/settings'
import { UserError } from '../../core/errors'

export interface LockDeps {
  lockState(): LockState
  unlock(passphrase: string): Promise<void>
  /** False when there was nothing to lock. */
  lockNow(): Promise<boolean>
  changeProtection(change: ProtectionChange): Promise<void>
  setIdleLockMinutes(minutes: number): void
}

type LockMethods = 'lockState' | 'unlock' | 'lockNow' | 'changeProtection' | 'setIdleLock'

const UNAVAILABLE = 'Passphrase protection is not available here.'
const NOT_PROTECTED: LockDeps = {
  lockState: () => ({ protected: false, locked: false, name: '', idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES }),
  unlock: async () => {
    throw new UserError('This notebook is not protected with a passphrase; there is nothing to unlock.')
  },
  lockNow: async () => false,
  changeProtection: async () => {
    throw new UserError(UNAVAILABLE)
  },
  setIdleLockMinutes: () => {
    throw new UserError(UNAVAILABLE)
  },
}

export function lockHandlers(deps: LockDeps = NOT_PROTECTED): Pick<Api, LockMethods> {
  return {
    lockState: async () => deps.lockState(),
    unlock: async ({ passphrase }) => {
      await deps.unlock(passphrase)
      return { unlocked: true }
    },
    lockNow: async () => ({ locked: await deps.lockNow() }),
    changeProtection: async (change) => {
      await deps.changeProtection(change)
      return deps.lockState()
    },
    setIdleLock: async ({ minutes }) => {
      deps.setIdleLockMinutes(minutes)
      return deps.lockState()
    },
  }
}
