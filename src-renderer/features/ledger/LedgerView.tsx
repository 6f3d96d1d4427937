import { useCallback, useEffect, useMemo, useState } from 'react'
import type { LedgerRow } from '../../../src-main/shared/model/ledger'
import { CLAIM_STATUS, CONFIDENCE, CREDIBILITY, CREDIBILITY_MEANING, LIKELIHOOD, evidenceCodeMeaning, type ClaimStatus } from '../../../src-main/shared/model/grading'
import type { AnnotationPatch } from '../../../src-main/shared/model/annotation'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { Chip } from '../../ui/Chip'
import type { Jump } from '../search/jump'
import { clip, LinkForm, linkPhrase } from './LinkForm'
import { ErrorLine } from '../../ui/ErrorLine'

type SortKey = 'quote' | 'article' | 'code' | 'status' | 'likelihood'
const SORTS: Record<SortKey, (a: LedgerRow, b: LedgerRow) => number> = {
  quote: (a, b) => a.claim.anchor.exact.localeCompare(b.claim.anchor.exact),
  article: (a, b) => a.articleTitle.localeCompare(b.articleTitle) || a.claim.anchor.start - b.claim.anchor.start,
  code: (a, b) => a.evidenceCode.localeCompare(b.evidenceCode),
  status: (a, b) => CLAIM_STATUS.indexOf(a.claim.status) - CLAIM_STATUS.indexOf(b.claim.status),
  likelihood: (a, b) => LIKELIHOOD.indexOf(b.claim.likelihood ?? LIKELIHOOD[0]) - LIKELIHOOD.indexOf(a.claim.likelihood ?? LIKELIHOOD[0]),
}

/** Every claim across the notebook in one table: sortable, filterable, with status and grades edited in place. */
export function LedgerView({ onOpen, onClose }: { onOpen: (j: Jump) => void; onClose: () => void }) {
  const [rows, setRows] = useState<LedgerRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState<ClaimStatus | ''>('')
  const [flag, setFlag] = useState<'' | 'single' | 'contested'>('')
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'article', dir: 1 })
  const [linking, setLinking] = useState<string | null>(null)

  const load = useCallback(() => {
    api()
      .claimsLedger()
      .then((r) => {
        setRows(r)
        setError(null)
      })
      .catch((err: unknown) => setError(userMessage(err)))
  }, [])
  useEffect(load, [load])

  const patch = async (row: LedgerRow, p: AnnotationPatch) => {
    try {
      const updated = await api().updateAnnotation({ articleId: row.articleId, id: row.claim.id, patch: p })
      if (updated.kind === 'claim') setRows((rs) => rs?.map((r) => (r.claim.id === updated.id ? { ...r, claim: updated } : r)) ?? rs)
      // The evidence code depends on credibility: reload to show the one the store computes.
      if ('credibility' in p) load()
    } catch (err) {
      setError(userMessage(err))
    }
  }

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase()
    const list = (rows ?? []).filter(
      (r) =>
        (!status || r.claim.status === status) &&
        (!flag || (flag === 'single' ? r.singleSource : r.contested)) &&
        (!q || [r.claim.anchor.exact, r.articleTitle, ...r.sources.map((s) => s.name), ...r.claim.tags].some((t) => t.toLowerCase().includes(q))),
    )
    return list.sort((a, b) => SORTS[sort.key](a, b) * sort.dir)
  }, [rows, filter, status, flag, sort])

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}>
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  )

  return (
    <main className="article-pane view-pane" aria-label="Claims ledger">
      <header className="view-header">
        <h2>Claims ledger</h2>
        <p className="muted small-text">{rows ? `${shown.length} of ${rows.length} claims` : 'Reading the notebook…'}</p>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="view-filters">
        <input type="search" aria-label="Filter claims" placeholder="Filter by words, article, source, tag" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus | '')}>
          <option value="">Any status</option>
          {CLAIM_STATUS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select aria-label="Flag" value={flag} onChange={(e) => setFlag(e.target.value as '' | 'single' | 'contested')}>
          <option value="">Any flag</option>
          <option value="single">Single-source</option>
          <option value="contested">Contested</option>
        </select>
      </div>
      <ErrorLine error={error} />
      <div className="view-body table-scroll">
        {rows && rows.length === 0 ? (
          <p className="muted pad">No claims yet. Select a sentence in an article and tag it as a claim to see it here.</p>
        ) : (
          <table className="ledger">
            <thead>
              <tr>
                {header('quote', 'Claim')}
                {header('article', 'Article')}
                <th scope="col">Sources</th>
                {header('code', 'Code')}
                {header('status', 'Status')}
                {header('likelihood', 'Likelihood · confidence')}
                <th scope="col">Tags</th>
                <th scope="col">Links</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.claim.id} data-claim-id={r.claim.id}>
                  <td className="quote-cell">
                    <button type="button" className="quote-button" title="Open the article at this claim" onClick={() => onOpen({ articleId: r.articleId, annotationId: r.claim.id })}>
                      {clip(r.claim.anchor.exact, 160)}
                    </button>
                    <div className="flags">
                      {r.singleSource && <Chip text="single-source" meaning="Everything supporting this claim traces back to one source or one relay chain." tone="warn" />}
                      {r.contested && <Chip text="contested" meaning="Another annotation contradicts this claim." tone="warn" />}
                      {r.claim.orphaned && <Chip text="orphaned" meaning="The tagged text is no longer in the article." tone="muted" />}
                    </div>
                  </td>
                  <td className="article-cell">{r.articleTitle}</td>
                  <td>{r.sources.length ? r.sources.map((s) => `${s.name}${s.reliability ? ` (${s.reliability})` : ''}`).join('; ') : <span className="muted">none</span>}</td>
                  <td>
                    <Chip text={r.evidenceCode} meaning={evidenceCodeMeaning(r.evidenceCode)} tone="code" />
                    <select aria-label="Credibility" className="inline-select" value={r.claim.credibility ?? ''} onChange={(e) => void patch(r, { credibility: (e.target.value || null) as never })}>
                      <option value="">–</option>
                      {CREDIBILITY.map((c) => (
                        <option key={c} value={c} title={CREDIBILITY_MEANING[c]}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label="Status" className="inline-select" value={r.claim.status} onChange={(e) => void patch(r, { status: e.target.value as ClaimStatus })}>
                      {CLAIM_STATUS.map((s) => (
                        <option key={s}>{s}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label="Likelihood" className="inline-select" value={r.claim.likelihood ?? ''} onChange={(e) => void patch(r, { likelihood: (e.target.value || null) as never })}>
                      <option value="">likelihood –</option>
                      {LIKELIHOOD.map((l) => (
                        <option key={l}>{l}</option>
                      ))}
                    </select>
                    <select aria-label="Confidence" className="inline-select" value={r.claim.confidence ?? ''} onChange={(e) => void patch(r, { confidence: (e.target.value || null) as never })}>
                      <option value="">confidence –</option>
                      {CONFIDENCE.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  </td>
                  <td>{r.claim.tags.join(', ')}</td>
                  <td className="links-cell">
                    <ul>
                      {r.links.map((l) => (
                        <li key={l.linkId}>
                          <button type="button" className="link-button" onClick={() => onOpen({ articleId: l.articleId, annotationId: l.annotationId })}>
                            {linkPhrase(l.type, l.direction)}: {clip(l.quote, 50)}
                          </button>
                        </li>
                      ))}
                    </ul>
                    {linking === r.claim.id ? (
                      <LinkForm
                        from={{ articleId: r.articleId, annotationId: r.claim.id }}
                        candidates={rows ?? []}
                        onCancel={() => setLinking(null)}
                        onLinked={() => {
                          setLinking(null)
                          load()
                        }}
                      />
                    ) : (
                      <button type="button" className="button small" onClick={() => setLinking(r.claim.id)}>
                        Link…
                      </button>
                    )}
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
