import { useCallback, useEffect, useState } from 'react'
import type { RegistryRow } from '../../../src-main/shared/model/ledger'
import { RELIABILITY, RELIABILITY_MEANING, type Reliability } from '../../../src-main/shared/model/grading'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import type { Jump } from '../search/jump'
import { ErrorLine } from '../../ui/ErrorLine'

/** The source registry: each entry's grade, how many claims rest on it and where; rename, regrade, merge. */
export function SourcesView({ onOpen, onClose, onRegistryChanged }: { onOpen: (j: Jump) => void; onClose: () => void; onRegistryChanged: () => void }) {
  const [rows, setRows] = useState<RegistryRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const load = useCallback(() => {
    api()
      .registryRows()
      .then(setRows)
      .catch((err: unknown) => setError(userMessage(err)))
  }, [])
  useEffect(load, [load])

  const act = async (work: () => Promise<string | void>) => {
    try {
      const message = await work()
      setError(null)
      setNotice(message || null)
      load()
      onRegistryChanged()
    } catch (err) {
      setError(userMessage(err))
    }
  }

  return (
    <main className="article-pane view-pane" aria-label="Source registry">
      <header className="view-header">
        <h2>Source registry</h2>
        <p className="muted small-text">{rows ? `${rows.length} source${rows.length === 1 ? '' : 's'}` : 'Reading the notebook…'}</p>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorLine error={error} />
      {notice && (
        <p className="notice notice-info pad" role="status">
          {notice}
        </p>
      )}
      <div className="view-body table-scroll">
        {rows && rows.length === 0 ? (
          <p className="muted pad">The registry is empty. Tag who said something as a source, and pick or create its entry in the panel.</p>
        ) : (
          <table className="ledger registry">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Reliability</th>
                <th scope="col">Claims</th>
                <th scope="col">Articles</th>
                <th scope="col">Merge</th>
              </tr>
            </thead>
            <tbody>
              {rows?.map((r) => (
                <tr key={r.entry.id} data-source-id={r.entry.id}>
                  <td>
                    <input
                      className="inline-input"
                      aria-label={`Name of ${r.entry.name}`}
                      defaultValue={r.entry.name}
                      onBlur={(e) => {
                        const name = e.target.value.trim()
                        if (name && name !== r.entry.name) void act(() => api().updateSource({ id: r.entry.id, patch: { name } }).then(() => `Renamed to “${name}” everywhere it is named.`))
                      }}
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                    {r.entry.aliases.length > 0 && <div className="muted small-text">also {r.entry.aliases.join(', ')}</div>}
                  </td>
                  <td>
                    <select
                      aria-label={`Reliability of ${r.entry.name}`}
                      className="inline-select"
                      value={r.entry.reliability ?? ''}
                      onChange={(e) => void act(() => api().updateSource({ id: r.entry.id, patch: { reliability: (e.target.value || null) as Reliability | null } }).then(() => undefined))}
                    >
                      <option value="">–</option>
                      {RELIABILITY.map((g) => (
                        <option key={g} value={g} title={RELIABILITY_MEANING[g]}>
                          {g} · {RELIABILITY_MEANING[g]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {r.claims} <span className="muted small-text">({r.mentions} mention{r.mentions === 1 ? '' : 's'})</span>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {r.articles.map((a) => (
                        <li key={a.id}>
                          <button type="button" className="link-button" onClick={() => onOpen({ articleId: a.id })}>
                            {a.title}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <select
                      aria-label={`Merge ${r.entry.name} into`}
                      className="inline-select"
                      value=""
                      onChange={(e) => {
                        const keep = rows.find((x) => x.entry.id === e.target.value)
                        if (keep) void act(() => api().mergeSources({ keepId: keep.entry.id, mergeId: r.entry.id }).then((m) => `Merged “${r.entry.name}” into “${keep.entry.name}”: ${m.rewritten} annotation${m.rewritten === 1 ? '' : 's'} rewritten.`))
                      }}
                    >
                      <option value="">Merge into…</option>
                      {rows
                        .filter((x) => x.entry.id !== r.entry.id)
                        .map((x) => (
                          <option key={x.entry.id} value={x.entry.id}>
                            {x.entry.name}
                          </option>
                        ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  )
}
