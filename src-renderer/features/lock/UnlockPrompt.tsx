import { useRef, useState, type FormEvent } from 'react'
import type { LockState } from '../../../src-main/shared/ipc-contract'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'

/** The passphrase prompt of a locked notebook. The passphrase goes to main, which alone derives the key. */
export function UnlockPrompt({ state, onUnlocked }: { state: LockState; onUnlocked: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const passphrase = input.current?.value ?? ''
    if (!passphrase) {
      setError('Type the passphrase.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await api().unlock({ passphrase })
      if (input.current) input.current.value = ''
      onUnlocked()
    } catch (err) {
      setError(userMessage(err))
      input.current?.select()
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="unlock" aria-labelledby="unlock-title">
      <form className="unlock-card" onSubmit={submit}>
        <h1 id="unlock-title">{state.name} is locked</h1>
        <p className="muted">This notebook is protected with a passphrase. Its articles, notes and backups stay encrypted on disk.</p>
        <label htmlFor="unlock-passphrase">Passphrase</label>
        <input id="unlock-passphrase" ref={input} type="password" autoFocus autoComplete="off" spellCheck={false} disabled={busy} aria-invalid={error ? true : undefined} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
        <p className="muted small">It locks itself after {state.idleLockMinutes === 1 ? '1 minute' : `${state.idleLockMinutes} minutes`} without use.</p>
      </form>
    </main>
  )
}
