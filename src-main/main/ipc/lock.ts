/**
 * The contract entries for a notebook protected with a passphrase: its lock state, unlocking and locking. Main and
 * the e2e harness each supply the deps; without them the notebook is simply not protected.
 */
import type { Api, LockState } from '../../shared/ipc-contract'
import { UserError } from '../../core/errors'

export interface LockDeps {
  lockState(): LockState
  unlock(passphrase: string): Promise<void>
  /** False when there was nothing to lock. */
  lockNow(): Promise<boolean>
}

type LockMethods = 'lockState' | 'unlock' | 'lockNow'

const NOT_PROTECTED: LockDeps = {
  lockState: () => ({ protected: false, locked: false, name: '', idleLockMinutes: null }),
  unlock: async () => {
    throw new UserError('This notebook is not protected with a passphrase; there is nothing to unlock.')
  },
  lockNow: async () => false,
}

export function lockHandlers(deps: LockDeps = NOT_PROTECTED): Pick<Api, LockMethods> {
  return {
    lockState: async () => deps.lockState(),
    unlock: async ({ passphrase }) => {
      await deps.unlock(passphrase)
      return { unlocked: true }
    },
    lockNow: async () => ({ locked: await deps.lockNow() }),
  }
}
