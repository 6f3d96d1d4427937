import type { ImportResult } from '../../../src-main/shared/ipc-contract'

export interface ImportBatchView {
  results: ImportResult[]
  /** Set while the batch runs: files done so far and how many there are (null until main has reported one). */
  progress: { done: number; total: number | null } | null
}

const STATUS_WORDS: Record<ImportResult['status'], string> = { imported: 'imported', duplicate: 'duplicate', failed: 'failed' }

/**
 * What an import did, file by file, filled in as each file lands: new articles to open, duplicates with the article
 * they repeat, and failures in plain words. While the batch runs it shows how far it has got.
 */
export function ImportReport({ batch, onOpen, onDismiss }: { batch: ImportBatchView; onOpen: (id: string) => void; onDismiss: () => void }) {
  const { results, progress } = batch
  const imported = results.filter((r) => r.status === 'imported').length
  const duplicates = results.filter((r) => r.status === 'duplicate').length
  const failed = results.filter((r) => r.status === 'failed').length
  const total = progress ? progress.total : results.length
  return (
    <section className={`import-report ${failed ? 'has-failures' : ''}`} aria-label="Import result" role="status" aria-busy={progress ? 'true' : 'false'}>
      <div className="import-report-head">
        <strong>
          {progress
            ? total === null
              ? 'Importing…'
              : `Importing ${progress.done} of ${total} file${total === 1 ? '' : 's'}…`
            : `Imported ${imported} of ${results.length} file${results.length === 1 ? '' : 's'}`}
        </strong>
        {!progress && (
          <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss import result">
            ×
          </button>
        )}
      </div>
      {progress && total !== null && <progress className="import-progress" value={progress.done} max={total} aria-label="Import progress" />}
      {(duplicates > 0 || failed > 0) && (
        <p className="import-summary muted">
          {[duplicates ? `${duplicates} already in the notebook` : '', failed ? `${failed} failed` : ''].filter(Boolean).join(', ')}
        </p>
      )}
      <ul>
        {results.map((r, i) => (
          <li key={`${r.name}-${i}`} className={`import-${r.status}`}>
            <span className="import-name">{r.name}</span> <span className="import-status">{STATUS_WORDS[r.status]}</span>
            {r.status === 'failed' && (
              <>
                {': '}
                <span className="error">{r.reason ?? 'it could not be read.'}</span>
              </>
            )}
            {r.status === 'duplicate' && r.article && (
              <>
                {' of '}
                <span className="import-existing">“{r.article.title}”</span>{' '}
                <button type="button" className="link-button" onClick={() => onOpen(r.article!.id)}>
                  Open existing
                </button>
              </>
            )}
            {r.status === 'imported' && r.article && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => onOpen(r.article!.id)} aria-label={`Open ${r.article.title}`}>
                  open
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
