import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { LockState, ProtectionChange } from '../../../src-main/shared/ipc-contract'
import { IDLE_LOCK_MINUTES } from '../../../src-main/shared/model/settings'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { Dialog } from '../../ui/Dialog'
import { notify } from '../feedback/notices'
import './lock.css'

type Action = ProtectionChange['action']

const DONE: Record<Action, string> = {
  protect: 'The notebook is protected with your passphrase. Keep it safe: it cannot be recovered.',
  change: 'The passphrase is changed, and every file is encrypted under a new key.',
  remove: 'The protection is removed; the notebook\'s files are stored unencrypted again.',
}
const BUSY: Record<Action, string> = {
  protect: 'Encrypting the notebook…',
  change: 'Encrypting the notebook again…',
  remove: 'Decrypting the notebook…',
}
const SUBMIT: Record<Action, string> = { protect: 'Protect Notebook', change: 'Change Passphrase', remove: 'Remove Protection' }

/**
 * Protecting the open notebook with a passphrase, changing it, or removing it, and how soon it locks when idle.
 * The passphrases stay in the fields (never in React state) until they go to main with the request, and the
 * fields are emptied as soon as main has answered: main alone derives keys, and it keeps no passphrase.
 */
export function ProtectionDialog({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<LockState | null>(null)
  const [mode, setMode] = useState<'change' | 'remove'>('change')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<Action | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const current = useRef<HTMLInputElement>(null)
  const next = useRef<HTMLInputElement>(null)
  const confirm = useRef<HTMLInputElement>(null)
  // The field to put the caret in once the fields are enabled again (a disabled field takes no focus).
  const refocus = useRef<HTMLInputElement | null>(null)

  useEffect(() => {
    if (busy || !refocus.current) return
    refocus.current.focus()
    refocus.current.select()
    refocus.current = null
  }, [busy, error])

  useEffect(() => {
    api()
      .lockState()
      .then(setState)
      .catch((err: unknown) => setError(userMessage(err)))
    return api().events.onProtectionProgress((p) => setProgress(p))
  }, [])

  const action: Action | null = !state ? null : state.protected ? mode : 'protect'

  const clearFields = () => {
    for (const field of [current, next, confirm]) if (field.current) field.current.value = ''
  }

  const fail = (message: string, field: HTMLInputElement | null) => {
    setError(message)
    refocus.current = field
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!action || busy) return
    const currentValue = current.current?.value ?? ''
    const nextValue = next.current?.value ?? ''
    if (action !== 'protect' && !currentValue) return fail('Type the current passphrase.', current.current)
    if (action !== 'remove') {
      if (!nextValue) return fail('Type the new passphrase.', next.current)
      if (nextValue !== (confirm.current?.value ?? '')) return fail('The two new passphrases differ; type the same passphrase in both fields.', confirm.current)
    }
    const change: ProtectionChange =
      action === 'protect' ? { action, passphrase: nextValue } : action === 'change' ? { action, current: currentValue, passphrase: nextValue } : { action, current: currentValue }
    setBusy(action)
    setError(null)
    setProgress(null)
    try {
      setState(await api().changeProtection(change))
      clearFields()
      notify(DONE[action])
      onClose()
    } catch (err) {
      const message = userMessage(err)
      // A wrong current passphrase is the usual mistake: put the caret back there; anything else is about the new one.
      fail(message, action !== 'protect' && /does not open this notebook/.test(message) ? current.current : next.current ?? current.current)
    } finally {
      setBusy(null)
    }
  }

  const setIdleLock = (minutes: number) => {
    api()
      .setIdleLock({ minutes })
      .then(setState)
      .catch((err: unknown) => setError(userMessage(err)))
  }

  const lockNow = () => {
    api()
      .lockNow()
      .catch((err: unknown) => setError(userMessage(err)))
  }

  const title = !state ? 'Passphrase protection' : state.protected ? 'Notebook passphrase' : 'Protect notebook with a passphrase'
  return (
    <Dialog title={title} className="protection-dialog" onClose={() => !busy && onClose()}>
      {!state && !error && <p className="protection-body muted">Reading the notebook's protection…</p>}
      {state && action && (
        <form className="protection-body" onSubmit={submit} aria-busy={busy ? true : undefined}>
          {state.protected ? (
            <>
              <p>
                <strong>{state.name}</strong> is protected with a passphrase: its files are encrypted on disk.
              </p>
              <fieldset className="field protection-mode" disabled={!!busy}>
                <legend>What to do</legend>
                <label>
                  <input type="radio" name="protection-mode" checked={mode === 'change'} onChange={() => setMode('change')} /> Change the passphrase
                </label>
                <label>
                  <input type="radio" name="protection-mode" checked={mode === 'remove'} onChange={() => setMode('remove')} /> Remove the protection
                </label>
              </fieldset>
              <div className="field">
                <label htmlFor="protection-current">Current passphrase</label>
                <input id="protection-current" ref={current} type="password" autoFocus autoComplete="off" spellCheck={false} disabled={!!busy} />
              </div>
            </>
          ) : (
            <p>
              Every file of <strong>{state.name}</strong> (articles, notes, originals, backups and unsaved edits) is encrypted on disk, and the app
              asks for the passphrase whenever it opens the notebook.
            </p>
          )}
          {action === 'remove' ? (
            <p className="muted">Without a passphrase the notebook's files are stored unencrypted, readable by anyone with the disk.</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="protection-new">{action === 'protect' ? 'Passphrase' : 'New passphrase'}</label>
                <input id="protection-new" ref={next} type="password" autoFocus={action === 'protect'} autoComplete="new-password" spellCheck={false} disabled={!!busy} aria-describedby="protection-warning" />
              </div>
              <div className="field">
                <label htmlFor="protection-confirm">{action === 'protect' ? 'Passphrase again' : 'New passphrase again'}</label>
                <input id="protection-confirm" ref={confirm} type="password" autoComplete="new-password" spellCheck={false} disabled={!!busy} />
              </div>
              <p id="protection-warning" className="protection-warning">
                <strong>A forgotten passphrase cannot be recovered.</strong> It is not stored anywhere, and without it nothing in this notebook can be read
                again. A few unrelated words make a passphrase that is strong and easy to remember.
              </p>
            </>
          )}
          {busy && (
            <div className="protection-progress" role="status">
              <span>{BUSY[busy]}</span>
              {progress && progress.total > 0 && (
                <>
                  <progress max={progress.total} value={progress.done} aria-label={BUSY[busy]} />
                  <span className="muted small-text">
                    {progress.done} of {progress.total} files
                  </span>
                </>
              )}
            </div>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="protection-idle">Lock after this long without use</label>
            <select id="protection-idle" value={state.idleLockMinutes} onChange={(e) => setIdleLock(Number(e.target.value))} disabled={!!busy}>
              {IDLE_LOCK_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m === 1 ? '1 minute' : `${m} minutes`}
                </option>
              ))}
            </select>
          </div>
          <div className="protection-actions">
            {state.protected && (
              <button type="button" className="button" onClick={lockNow} disabled={!!busy}>
                Lock Now
              </button>
            )}
            <span className="spacer" />
            <button type="button" className="button" onClick={onClose} disabled={!!busy}>
              Cancel
            </button>
            <button type="submit" className={action === 'remove' ? 'button danger' : 'button primary'} disabled={!!busy}>
              {SUBMIT[action]}
            </button>
          </div>
        </form>
      )}
      {!state && error && (
        <p className="protection-body error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
