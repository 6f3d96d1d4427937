import type { ImportResult } from '../../../src-main/shared/ipc-contract'

/** What an import did, file by file: new articles to open, duplicates found, and failures in plain words. */
export function ImportReport({ results, onOpen, onDismiss }: { results: ImportResult[]; onOpen: (id: string) => void; onDismiss: () => void }) {
  const imported = results.filter((r) => r.status === 'imported').length
  const failed = results.filter((r) => r.status === 'failed').length
  return (
    <section className={`import-report ${failed ? 'has-failures' : ''}`} aria-label="Import result" role="status">
      <div className="import-report-head">
        <strong>
          Imported {imported} of {results.length} file{results.length === 1 ? '' : 's'}
        </strong>
        <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss import result">
          ×
        </button>
      </div>
      <ul>
        {results.map((r, i) => (
          <li key={`${r.name}-${i}`} className={`import-${r.status}`}>
            <span className="import-name">{r.name}</span>{' '}
            {r.status === 'failed' && <span className="error">{r.reason ?? 'could not be read.'}</span>}
            {r.status === 'duplicate' && r.article && (
              <>
                already in the notebook as{' '}
                <button type="button" className="link-button" onClick={() => onOpen(r.article!.id)}>
                  {r.article.title}
                </button>
              </>
            )}
            {r.status === 'imported' && r.article && (
              <button type="button" className="link-button" onClick={() => onOpen(r.article!.id)}>
                open
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
