import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Annotation, AnnotationKind } from '../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import { Kbd } from '../../ui/Kbd'
import { renderCounts } from '../../perf-counters'
import { shortcutLabels } from '../../ui/shortcuts'
import type { PanelActions } from './actions'
import { AnnotationRow } from './AnnotationRow'
import { AnnotationDetail } from './AnnotationDetail'
import { Legend } from './Legend'
import { PanelFilters } from './PanelFilters'
import { KIND_LABEL, NO_FILTER, claimEvidence, groupForPanel, isFiltered, panelOrder, sourceReliability, type PanelFilter } from './panel-model'

interface AnnotationPanelProps {
  articleId: string
  records: Annotation[]
  selectedId: string | null
  registry: RegistryEntry[]
  articles: ArticleMeta[]
  tags: string[]
  readOnly: boolean
  actions: PanelActions
}

/**
 * The article's annotations in document order, grouped by kind with counts, filterable by kind, tag and status.
 * The selected one opens in place with its metadata editors. Memoized: typing in the article never renders it.
 */
export const AnnotationPanel = memo(function AnnotationPanel(props: AnnotationPanelProps) {
  const { articleId, records, selectedId, registry, articles, tags, readOnly, actions } = props
  renderCounts.annotationPanel++
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER)
  const listRef = useRef<HTMLDivElement>(null)
  const registryMap = useMemo(() => new Map(registry.map((r) => [r.id, r])), [registry])
  const groups = useMemo(() => groupForPanel(records, filter), [records, filter])
  const order = useMemo(() => panelOrder(groups), [groups])
  const allTags = useMemo(() => [...new Set([...tags, ...records.flatMap((r) => r.tags)])].sort((a, b) => a.localeCompare(b)), [tags, records])

  useEffect(() => {
    // Keep the selected row in view when the selection comes from the text (a click, F8).
    if (!selectedId) return
    listRef.current?.querySelector(`[data-row-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement
    if (!target.classList.contains('annotation-row')) return
    const id = target.dataset.rowId
    if (!id) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const at = order.indexOf(id)
      const next = order[at + (e.key === 'ArrowDown' ? 1 : -1)]
      if (next) {
        actions.select(next, { reveal: true })
        listRef.current?.querySelector<HTMLElement>(`[data-row-id="${next}"]`)?.focus()
      }
    } else if (e.key === 'Delete' && !readOnly) actions.remove(id)
    else if (e.key === 'Escape') actions.focusText()
    else return
    e.preventDefault()
  }

  const selected = records.find((r) => r.id === selectedId) ?? null
  return (
    <div className="annotation-panel">
      <Legend />
      {records.length === 0 ? (
        <NoAnnotations />
      ) : (
        <>
          <PanelFilters filter={filter} groups={groups} tags={allTags} onChange={setFilter} />
          <div ref={listRef} className="annotation-groups" onKeyDown={onListKey}>
            {groups.map((g) =>
              filter.kinds.has(g.kind) ? (
                <section key={g.kind} className={`annotation-group group-${g.kind}`} aria-labelledby={`group-${g.kind}`}>
                  <h3 id={`group-${g.kind}`}>
                    <span className={`kind-swatch kind-${g.kind}`} aria-hidden="true" />
                    {KIND_LABEL[g.kind].many}{' '}
                    <span className="count-label">{isFiltered(filter) ? `${g.items.length} of ${g.total}` : g.total}</span>
                  </h3>
                  {g.items.length === 0 ? (
                    <p className="muted pad-small">{g.total === 0 ? emptyKindHint(g.kind) : 'None match the filter.'}</p>
                  ) : (
                    <ul>
                      {g.items.map((a) => (
                        <li key={a.id}>
                          <AnnotationRow
                            record={a}
                            selected={a.id === selectedId}
                            onSelect={actions.select}
                            {...rowChips(a, records, registryMap)}
                          />
                          {a.id === selectedId && selected && (
                            <AnnotationDetail
                              key={a.id}
                              articleId={articleId}
                              record={selected}
                              records={records}
                              registry={registry}
                              registryMap={registryMap}
                              articles={articles}
                              tags={allTags}
                              readOnly={readOnly}
                              actions={actions}
                            />
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ) : null,
            )}
          </div>
          <p className="panel-help muted">
            Next and previous: <Kbd name="nextAnnotation" /> <Kbd name="previousAnnotation" />. In this list, ↑ ↓ move and Del deletes.
          </p>
        </>
      )}
    </div>
  )
})

/** The chips a row shows, as plain strings so the memoized row compares cheaply. */
function rowChips(a: Annotation, records: readonly Annotation[], registry: ReadonlyMap<string, RegistryEntry>) {
  if (a.kind === 'claim') {
    const ev = claimEvidence(a, records, registry)
    return { evidenceCode: ev.code, evidenceMeaning: ev.meaning }
  }
  if (a.kind === 'source') {
    return { sourceName: a.registryId ? (registry.get(a.registryId)?.name ?? '') : '', reliability: sourceReliability(a, registry) ?? '' }
  }
  return {}
}

function emptyKindHint(kind: AnnotationKind): string {
  const key = kind === 'claim' ? 'tagClaim' : kind === 'source' ? 'tagSource' : 'tagQuestion'
  return `None yet: select text and press ${shortcutLabels(key)}.`
}

function NoAnnotations() {
  return (
    <div className="empty-state">
      <p>
        <strong>Nothing tagged in this article yet.</strong> Select text, then press:
      </p>
      <ul className="shortcut-list">
        <li>
          <Kbd name="tagClaim" /> for a <strong>claim</strong>: what the article asserts;
        </li>
        <li>
          <Kbd name="tagSource" /> for a <strong>source</strong>: who says it;
        </li>
        <li>
          <Kbd name="tagQuestion" /> for a <strong>question</strong>: what still needs finding out.
        </li>
      </ul>
      <p className="muted">Or right-click the selection, or use the buttons above the text.</p>
    </div>
  )
}
