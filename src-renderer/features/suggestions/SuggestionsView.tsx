import { useCallback, useEffect, useState } from 'react'
import type { SuggestionView } from '../../../src-main/shared/model/ledger'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import type { Jump } from '../search/jump'

/**
 * The attribution assistant's suggestions for one article: who said what, found from reporting patterns.
 * Each is accepted or dismissed on its own, or all at once; an accepted source reuses its registry entry.
 */
export function SuggestionsView({ articleId, articleTitle, onOpen, onClose, onChanged }: { articleId: string; articleTitle: string; onOpen: (j: Jump) => void; onClose: () => void; onChanged: () => void }) {
  const [items, setItems] = useState<SuggestionView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
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
      setError(null)
      onChanged()
      load()
    } catch (err) {
      setError(userMessage(err))
    }
  }
  const dismiss = async (ids: string[] | 'all') => {
    try {
      await api().dismissSuggestions({ articleId, ids })
      load()
    } catch (err) {
      setError(userMessage(err))
    }
  }

  return (
    <main className="article-pane view-pane" aria-label="Suggested attributions">
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
