import { useEffect, useRef, useState } from 'react'
import type { FacetName, FacetValue, SearchFacets, SearchGroup, SearchResponse } from '../../../src-main/shared/model/search'
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, type Credibility, type Reliability } from '../../../src-main/shared/model/grading'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { Chip } from '../../ui/Chip'
import { Highlighted } from './Highlighted'
import type { Jump } from './jump'
import { ErrorLine } from '../../ui/ErrorLine'

const FACET_LABEL: Record<Exclude<FacetName, 'year'>, string> = {
  kind: 'Kind',
  status: 'Status',
  reliability: 'Reliability',
  credibility: 'Credibility',
  tag: 'Tag',
  source: 'Source',
  outlet: 'Outlet',
}
const FACET_KEY = { kind: 'kinds', status: 'statuses', reliability: 'reliability', credibility: 'credibility', tag: 'tags', source: 'sources', outlet: 'outlets' } as const

function meaning(facet: FacetName, value: string): string {
  if (facet === 'reliability') return RELIABILITY_MEANING[value as Reliability] ?? value
  if (facet === 'credibility') return CREDIBILITY_MEANING[value as Credibility] ?? value
  return value
}

/** Search results in the middle pane: grouped by article, snippets highlighted, facets to narrow by. */
export function SearchView({ text, onOpen, onClose }: { text: string; onOpen: (j: Jump) => void; onClose: () => void }) {
  const [facets, setFacets] = useState<SearchFacets>({})
  const [result, setResult] = useState<SearchResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  useEffect(() => {
    const ticket = ++latest.current
    let timer: ReturnType<typeof setTimeout> | null = null
    const run = () =>
      api()
        .search({ text, facets })
        .then((r) => {
          if (ticket !== latest.current) return // an older keystroke's answer arriving late
          setResult(r)
          setError(null)
          // While the index is still being built, ask again so results fill in.
          if (r.indexing) timer = setTimeout(run, 700)
        })
        .catch((err: unknown) => ticket === latest.current && setError(userMessage(err)))
    void run()
    return () => {
      if (timer) clearTimeout(timer)
    }
  }, [text, facets])

  const toggle = (facet: Exclude<FacetName, 'year'>, value: string) => {
    const key = FACET_KEY[facet]
    setFacets((f) => {
      const cur = (f[key] ?? []) as string[]
      const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value]
      return { ...f, [key]: next }
    })
  }
  const selected = (facet: Exclude<FacetName, 'year'>, value: string) => ((facets[FACET_KEY[facet]] ?? []) as string[]).includes(value)

  return (
    <main className="article-pane view-pane" aria-label="Search results">
      <header className="view-header">
        <h2>Search</h2>
        <p className="muted small-text" role="status">
          {error
            ? ''
            : result
              ? `${result.totalHits}${result.complete ? '' : '+'} match${result.totalHits === 1 ? '' : 'es'} in ${result.totalArticles}${result.complete ? '' : '+'} article${result.totalArticles === 1 ? '' : 's'} for “${text}”${result.indexing ? ` · indexing ${result.indexing.done} of ${result.indexing.total}…` : ''}`
              : 'Searching…'}
        </p>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorLine error={error} />
      <div className="view-body search-layout">
        <aside className="facets" aria-label="Narrow the results">
          {(Object.keys(FACET_LABEL) as Array<Exclude<FacetName, 'year'>>).map((facet) => (
            <FacetGroup key={facet} label={FACET_LABEL[facet]} values={result?.facets[facet] ?? []} isOn={(v) => selected(facet, v)} describe={(v) => meaning(facet, v)} onToggle={(v) => toggle(facet, v)} />
          ))}
          <fieldset className="facet">
            <legend>Published</legend>
            <label className="date-field">
              from <input type="date" value={facets.from ?? ''} onChange={(e) => setFacets((f) => ({ ...f, from: e.target.value }))} />
            </label>
            <label className="date-field">
              to <input type="date" value={facets.to ?? ''} onChange={(e) => setFacets((f) => ({ ...f, to: e.target.value }))} />
            </label>
          </fieldset>
        </aside>
        <ol className="search-results">
          {result && result.groups.length === 0 && !result.indexing && <li className="muted pad">Nothing matches. Check the spelling, or remove a filter.</li>}
          {result?.groups.map((g) => <ResultGroup key={g.articleId} group={g} onOpen={onOpen} />)}
        </ol>
      </div>
    </main>
  )
}

function FacetGroup({ label, values, isOn, describe, onToggle }: { label: string; values: FacetValue[]; isOn: (v: string) => boolean; describe: (v: string) => string; onToggle: (v: string) => void }) {
  const shown = values.filter((v, i) => i < 8 || isOn(v.value))
  if (shown.length === 0) return null
  return (
    <fieldset className="facet">
      <legend>{label}</legend>
      {shown.map((v) => (
        <label key={v.value} className="facet-value" title={describe(v.value)}>
          <input type="checkbox" checked={isOn(v.value)} onChange={() => onToggle(v.value)} />
          <span className="facet-label">{v.label}</span>
          <span className="facet-count">{v.count}</span>
        </label>
      ))}
    </fieldset>
  )
}

const FIELD_WORD = { text: 'text', title: 'title', meta: 'details', notes: 'notes', annotation: '' }

function ResultGroup({ group, onOpen }: { group: SearchGroup; onOpen: (j: Jump) => void }) {
  return (
    <li className="result-group">
      <button type="button" className="result-title" onClick={() => onOpen({ articleId: group.articleId })}>
        <Highlighted text={group.title} ranges={group.titleHighlights} />
      </button>
      <div className="muted small-text">{[group.outlet, group.publishedAt].filter(Boolean).join(' · ')}</div>
      <ul className="result-hits">
        {group.hits.map((h, i) => (
          <li key={h.annotationId ?? `${h.field}-${i}`}>
            <button
              type="button"
              className={`result-hit ${h.kind ? `hit-${h.kind}` : ''}`}
              onClick={() => onOpen({ articleId: group.articleId, annotationId: h.annotationId, start: h.start, end: h.end })}
            >
              <span className="hit-kind">{h.kind ?? FIELD_WORD[h.field]}</span>
              <span className="hit-snippet">
                <Highlighted text={h.snippet} ranges={h.highlights} />
              </span>
              {h.status && <Chip text={h.status} meaning={`Status: ${h.status}`} tone="muted" />}
              {h.reliability && <Chip text={h.reliability + (h.credibility || '')} meaning={`Reliability ${h.reliability}${h.credibility ? `, credibility ${h.credibility}` : ''}`} tone="code" />}
            </button>
          </li>
        ))}
        {group.more > 0 && <li className="muted small-text">{group.more} more in this article</li>}
      </ul>
    </li>
  )
}
