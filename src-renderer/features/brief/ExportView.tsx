import { useEffect, useState } from 'react'
import type { ExportFormat, ExportPreview as Preview, ExportProgress, ExportSaved, ExportTarget } from '../../../src-main/shared/ipc-contract'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { ExportPreview } from './ExportPreview'
import { FORMAT_CHOICES } from './brief-model'
import './brief.css'

export interface ExportChoice {
  label: string
  target: ExportTarget
}

const STAGE_WORDS: Record<ExportProgress['stage'], string> = {
  collecting: 'Reading the annotations',
  rendering: 'Laying out the document',
  saving: 'Waiting for you to choose where to save',
  done: 'Done',
}

/**
 * File > Export…: what to export, a preview of it, the format, then main's native save dialog. It replaces the
 * middle pane like every other view; the window never names the path, main does.
 */
export function ExportView({ choices, initial, onClose }: { choices: ExportChoice[]; initial: number; onClose: () => void }) {
  const [choice, setChoice] = useState(Math.min(initial, Math.max(0, choices.length - 1)))
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [saved, setSaved] = useState<ExportSaved | null>(null)
  const target = choices[choice]?.target ?? null

  useEffect(() => {
    if (!target) return
    let live = true
    setPreview(null)
    setError(null)
    api()
      .exportPreview({ target })
      .then(
        (p) => live && setPreview(p),
        (err) => live && setError(userMessage(err)),
      )
    return () => {
      live = false
    }
  }, [target])

  useEffect(() => api().events.onExportProgress(setProgress), [])

  const run = async () => {
    if (!target) return
    setBusy(true)
    setSaved(null)
    setError(null)
    setProgress({ stage: 'collecting', done: 0, total: 0 })
    try {
      setSaved(await api().exportSave({ target, format }))
    } catch (err) {
      setError(userMessage(err))
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }

  if (!choices.length) {
    return (
      <main className="article-pane brief-view">
        <div className="article-scroll">
          <div className="empty-state centered">
            <p>There is nothing to export yet: import an article or compose a brief first.</p>
            <button type="button" className="button small" onClick={onClose}>Back</button>
          </div>
        </div>
      </main>
    )
  }

  return (
    <main className="article-pane brief-view export-view" aria-label="Export">
      <div className="export-controls">
        <h2 className="view-title">Export</h2>
        <label className="field">
          <span>What</span>
          <select value={choice} onChange={(e) => setChoice(Number(e.target.value))} disabled={busy}>
            {choices.map((c, i) => (
              <option key={i} value={i}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="format-choice" disabled={busy}>
          <legend>Format</legend>
          {FORMAT_CHOICES.map((f) => (
            <label key={f.format} className="format-option">
              <input type="radio" name="export-format" value={f.format} checked={format === f.format} onChange={() => setFormat(f.format)} />
              <span className="format-label">{f.label}</span>
              <span className="format-hint">{f.hint}</span>
            </label>
          ))}
        </fieldset>
        {preview && (
          <p className="muted small-text">
            {preview.counts.claims} claims, {preview.counts.sources} sources, {preview.counts.questions} questions from {preview.counts.articles} article
            {preview.counts.articles === 1 ? '' : 's'}
          </p>
        )}
        <div className="row-actions">
          <button type="button" className="button primary" onClick={() => void run()} disabled={busy || !preview}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
          <button type="button" className="button small" onClick={onClose} disabled={busy}>
            Close
          </button>
        </div>
        {busy && progress && (
          <div className="export-progress" role="status">
            <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
            <span>
              {STAGE_WORDS[progress.stage]}
              {progress.total > 1 ? ` (${progress.done} of ${progress.total})` : ''}…
            </span>
          </div>
        )}
        {saved && (
          <div className="export-result" role="status">
            {saved.path ? (
              <>
                <p>
                  Saved <strong>{saved.fileName}</strong> ({formatBytes(saved.bytes)}).
                </p>
                <button type="button" className="button small" onClick={() => void api().showExportInFolder()}>
                  Show in folder
                </button>
              </>
            ) : (
              <p>Export cancelled; nothing was saved.</p>
            )}
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="export-preview-scroll" aria-label="Preview">
        {preview ? <ExportPreview html={preview.html} css={preview.css} /> : !error && <p className="muted centered">Preparing the preview…</p>}
      </div>
    </main>
  )
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`
}
