import { useEffect, useState, type ReactNode } from 'react'
import type { LockState } from '../../../src-main/shared/ipc-contract'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { UnlockPrompt } from './UnlockPrompt'
import './lock.css'

/**
 * Nothing of a protected notebook is asked for until it is unlocked: the gate asks main for the lock state first and
 * shows the passphrase prompt instead of the app. Locking reloads the window, which drops everything the app had
 * read, and the gate asks again.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<LockState | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api()
      .lockState()
      .then(setState)
      .catch((err: unknown) => setError(userMessage(err)))
  }, [])

  if (error) {
    return (
      <p className="lock-error" role="alert">
        {error}
      </p>
    )
  }
  if (!state) return null
  if (state.locked) return <UnlockPrompt state={state} onUnlocked={() => setState({ ...state, locked: false })} />
  return children
}
