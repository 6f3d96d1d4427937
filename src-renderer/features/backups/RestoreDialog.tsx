import { useEffect, useRef, useState } from 'react'
import type { BackupSummary } from '../../../src-main/shared/model/backup'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { Dialog } from '../../ui/Dialog'
import { ErrorLine } from '../../ui/ErrorLine'
import { flushViewState } from '../settings/view-state'
import { describeBackup } from './backup-model'
import './backups.css'

type Step = { kind: 'choose' } | { kind: 'confirm' } | { kind: 'restoring' }

/**
 * File > Restore…: the notebook's snapshots, newest first; the analyst picks one, confirms, and main restores it
 * after snapshotting the notebook as it is, then reloads the window on the restored notebook (whose notice says
 * what was restored and from when). Radio buttons, so the arrow keys move through the list.
 */
export function RestoreDialog({ onClose, onKept }: { onClose: () => void; onKept: () => void }) {
  const [backups, setBackups] = useState<BackupSummary[] | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [error, setError] = useState<string | null>(null)
  const list = useRef<HTMLFieldSetElement>(null)

  useEffect(() => {
    api()
      .listBackups()
      .then(
        (list) => {
          setBackups(list)
          setChosen(list[0]?.id ?? null)
        },
        (err: unknown) => {
          setBackups([])
          setError(`The backups could not be listed: ${userMessage(err)}`)
        },
      )
  }, [])

  // The dialog opened before the list arrived: once it is there, the arrow keys should move through it at once.
  useEffect(() => {
    if (step.kind === 'choose') list.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
  }, [backups, step.kind])

  const picked = backups?.find((b) => b.id === chosen) ?? null
  const restore = async () => {
    if (!picked) return
    setStep({ kind: 'restoring' })
    setError(null)
    flushViewState()
    try {
      const result = await api().restoreBackup({ id: picked.id })
      // On success main reloads the window, and this dialog goes with it.
      if (result.outcome === 'kept') onKept()
    } catch (err) {
      setError(userMessage(err))
      setStep({ kind: 'confirm' })
    }
  }
  const close = () => {
    if (step.kind !== 'restoring') onClose()
  }

  return (
    <Dialog title="Restore from a backup" className="restore-dialog" onClose={close}>
      <div className="restore-body">
        {backups === null ? (
          <p role="status">Reading the backups…</p>
        ) : step.kind === 'choose' ? (
          backups.length === 0 ? (
            !error && <p>This notebook has no backups yet. One is taken each time it opens, and every ten minutes while it changes.</p>
          ) : (
            <fieldset className="restore-list" ref={list}>
              <legend>Choose how the notebook should be put back. Newest first:</legend>
              {backups.map((b) => {
                const d = describeBackup(b)
                return (
                  <label key={b.id} className="restore-option">
                    <input type="radio" name="backup" value={b.id} checked={chosen === b.id} onChange={() => setChosen(b.id)} />
                    <span className="restore-when">{d.when}</span>
                    <span className="restore-why">{d.why}</span>
                    <span className="restore-size">{d.size}</span>
                  </label>
                )
              })}
            </fieldset>
          )
        ) : (
          picked && (
            <div className="restore-confirm">
              <p>
                Restore the notebook as it was on <strong>{describeBackup(picked).when}</strong> ({describeBackup(picked).size})?
              </p>
              <p>
                A backup of the notebook as it is now is taken first, so you can undo this by restoring that one. Articles added since then leave the
                notebook but stay in that backup.
              </p>
              {step.kind === 'restoring' && (
                <p role="status" className="restore-progress">
                  Restoring… the window reopens on the restored notebook.
                </p>
              )}
            </div>
          )
        )}
        <ErrorLine error={error} />
      </div>
      <div className="dialog-actions restore-actions">
        {step.kind === 'choose' ? (
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="button primary" disabled={!picked} onClick={() => setStep({ kind: 'confirm' })}>
              Restore…
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" disabled={step.kind === 'restoring'} onClick={() => setStep({ kind: 'choose' })}>
              Back
            </button>
            <button type="button" className="button primary" autoFocus disabled={step.kind === 'restoring'} onClick={() => void restore()}>
              Take a backup and restore
            </button>
          </>
        )}
      </div>
    </Dialog>
  )
}
