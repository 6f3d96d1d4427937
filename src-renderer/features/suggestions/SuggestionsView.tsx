import { useCallback, useEffect, useState, type KeyboardEvent } from 'react'
import type { SuggestionView } from '../../../src-main/shared/model/ledger'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import type { Jump } from '../search/jump'

/**
 * The attribution assistant's suggestions for one article: who said what, found from reporting patterns.
 * Each is accepted or dismissed on its own, or all at once; an accepted source reuses its registry entry.
 * Dismissals are kept in the notebook, so they hold after a restart; the last one can be undone (Ctrl/Cmd+Z here).
 */
export function SuggestionsView({ articleId, articleTitle, onOpen, onClose, onChanged }: { articleId: string; articleTitle: string; onOpen: (j: Jump) => void; onClose: () => void; onChanged: () => void }) {
  const [items, setItems] = useState<SuggestionView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [undoable, setUndoable] = useState<string[] | null>(null)
  const load = useCallback(() => {
    api()
      .suggest({ articleId })
      .then(setItems)
      .catch((err: unknown) => setError(userMessage(err)))
  }, [articleId])
  useEffect(load, [load])

  const accept = async (ids: string[] | 'all') => {
    try {
      const created = await api().acceptSuggestions({ articleId, ids })
      setDone(`Tagged ${created.length} span${created.length === 1 ? '' : 's'}.`)
      setUndoable(null)
      setError(null)
      onChanged()
      load()
    } catch (err) {
      setError(userMessage(err))
    }
  }
  const dismiss = async (ids: string[] | 'all') => {
    try {
      const r = await api().dismissSuggestions({ articleId, ids })
      setDone(`Dismissed ${r.dismissed} suggestion${r.dismissed === 1 ? '' : 's'}.`)
      setUndoable(r.ids.length ? r.ids : null)
      setError(null)
      load()
    } catch (err) {
      setError(userMessage(err))
    }
  }
  const undoDismiss = async () => {
    if (!undoable) return
    try {
      const r = await api().restoreSuggestions({ articleId, ids: undoable })
      setDone(`Brought back ${r.restored} suggestion${r.restored === 1 ? '' : 's'}.`)
      setUndoable(null)
      setError(null)
      load()
    } catch (err) {
      setError(userMessage(err))
    }
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (!undoable || e.key.toLowerCase() !== 'z' || e.shiftKey || !(e.ctrlKey || e.metaKey)) return
    e.preventDefault()
    void undoDismiss()
  }

  return (
    <main className="article-pane view-pane" aria-label="Suggested attributions" onKeyDown={onKeyDown}>
      <header className="view-header">
        <h2>Suggested attributions</h2>
        <p className="muted small-text">{articleTitle}</p>
        <button type="button" className="button small" onClick={onClose}>
          Back to the article
        </button>
      </header>
      <div className="view-filters">
        <button type="button" className="button small primary" disabled={!items?.length} onClick={() => void accept('all')}>
          Accept all
        </button>
        <button type="button" className="button small" disabled={!items?.length} onClick={() => void dismiss('all')}>
          Dismiss all
        </button>
        {done && (
          <span className="muted small-text" role="status">
            {done}
          </span>
        )}
        {undoable && (
          <button type="button" className="button small" title="Undo the dismissal (Ctrl/Cmd+Z)" onClick={() => void undoDismiss()}>
            Undo
          </button>
        )}
      </div>
      {error && (
        <p className="error pad" role="alert">
          {error}
        </p>
      )}
      <ul className="view-body suggestion-list">
        {items && items.length === 0 && <li className="muted pad">Nothing to suggest: no reporting patterns (“X said”, “according to X”) that are not tagged already.</li>}
        {items?.map((s) => (
          <li key={s.id} className={`suggestion suggestion-${s.kind}`} data-suggestion-id={s.id}>
            <span className={`kind-badge kind-${s.kind}`}>{s.kind}</span>
            <button type="button" className="quote-button" title="Show it in the article" onClick={() => onOpen({ articleId, start: s.start, end: s.end })}>
              {s.quote}
            </button>
            <span className="muted small-text">
              {s.pattern}
              {s.kind === 'source' && s.registryName ? ` · ${s.registryId ? 'in the registry as' : 'new registry entry'} “${s.registryName}”` : ''}
            </span>
            <span className="suggestion-actions">
              <button type="button" className="button small primary" onClick={() => void accept([s.id])}>
                Accept
              </button>
              <button type="button" className="button small" onClick={() => void dismiss([s.id])}>
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </main>
  )
}
