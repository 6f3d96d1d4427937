import { memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react'
import type { Annotation, AnnotationKind } from '../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import { Kbd } from '../../ui/Kbd'
import { renderCounts } from '../../perf-counters'
import { shortcutLabels } from '../../ui/shortcuts'
import { useWindowing } from '../../ui/useWindowing'
import { slotsFor } from '../../ui/windowing'
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

/** Heights assumed for parts of the list not rendered yet; measured ones replace them. */
function estimateHeight(key: string): number {
  return key.startsWith('group:') ? 36 : key.startsWith('hint:') ? 40 : 58
}

/**
 * The article's annotations in document order, grouped by kind with counts, filterable by kind, tag and status.
 * The selected one opens in place with its metadata editors. Memoized: typing in the article never renders it.
 * The list is windowed: only the rows in or near view are in the DOM (plus the selected and the focused one), so
 * an article with a thousand annotations lays out as fast as one with thirty.
 */
export const AnnotationPanel = memo(function AnnotationPanel(props: AnnotationPanelProps) {
  const { articleId, records, selectedId, registry, articles, tags, readOnly, actions } = props
  renderCounts.annotationPanel++
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER)
  const panelRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const registryMap = useMemo(() => new Map(registry.map((r) => [r.id, r])), [registry])
  const groups = useMemo(() => groupForPanel(records, filter), [records, filter])
  const order = useMemo(() => panelOrder(groups), [groups])
  const allTags = useMemo(() => [...new Set([...tags, ...records.flatMap((r) => r.tags)])].sort((a, b) => a.localeCompare(b)), [tags, records])
  const shownGroups = useMemo(() => groups.filter((g) => filter.kinds.has(g.kind)), [groups, filter])
  // Every part of the list in document order: each group's heading, then its rows (or the hint for an empty group).
  const keys = useMemo(
    () => shownGroups.flatMap((g) => [`group:${g.kind}`, ...(g.items.length === 0 ? [`hint:${g.kind}`] : g.items.map((a) => a.id))]),
    [shownGroups],
  )
  const win = useWindowing(panelRef, listRef, keys, { estimate: estimateHeight })
  // The metadata editors (a rich-text note among them) move to a newly selected row a moment after it is selected,
  // so a new tag's row shows in the frame its mark does; building one editor and tearing down another waits.
  const detailId = useDeferredValue(selectedId)
  // The open detail (a rich-text editor among its fields) lists the other records and tags too; it takes a new list
  // in that later render as well, so a new tag does not rebuild the detail still open on the row selected before.
  const detailRecords = useDeferredValue(records)
  const detailTags = useDeferredValue(allTags)
  const focusedRow = useRef<string | null>(null)
  const focusRequest = useRef<string | null>(null)

  useEffect(() => {
    // Keep the selected row in view when the selection comes from the text (a click, F8, a new tag).
    if (selectedId) win.reveal(selectedId)
    // Only a new selection scrolls; the analyst's own scrolling is left alone.
  }, [selectedId])

  useLayoutEffect(() => {
    const id = focusRequest.current
    const row = id ? listRef.current?.querySelector<HTMLElement>(`[data-row-id="${id}"]`) : null
    if (!row) return
    focusRequest.current = null
    row.focus()
  })

  const moveTo = (id: string | undefined) => {
    if (!id) return
    focusRequest.current = id
    actions.select(id, { reveal: true })
    win.reveal(id)
  }

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement
    if (!target.classList.contains('annotation-row')) return
    const id = target.dataset.rowId
    if (!id) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') moveTo(order[order.indexOf(id) + (e.key === 'ArrowDown' ? 1 : -1)])
    else if (e.key === 'Home') moveTo(order[0])
    else if (e.key === 'End') moveTo(order[order.length - 1])
    else if (e.key === 'Delete' && !readOnly) actions.remove(id)
    else if (e.key === 'Escape') actions.focusText()
    else return
    e.preventDefault()
  }

  // The focused row stays rendered while it scrolls out of view, so keyboard focus is never dropped.
  const onListFocus = (e: FocusEvent<HTMLDivElement>) => {
    focusedRow.current = (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key ?? null
  }
  const onListBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focusedRow.current = null
  }
  const shown = (i: number) => (i >= win.start && i < win.end) || keys[i] === selectedId || keys[i] === detailId || keys[i] === focusedRow.current

  const detailRecord = records.find((r) => r.id === detailId) ?? null
  let at = 0
  return (
    <div ref={panelRef} className="annotation-panel">
      <Legend />
      {records.length === 0 ? (
        <NoAnnotations />
      ) : (
        <>
          <PanelFilters filter={filter} groups={groups} tags={allTags} onChange={setFilter} />
          <div ref={listRef} className="annotation-groups" onKeyDown={onListKey} onFocus={onListFocus} onBlur={onListBlur}>
            {shownGroups.map((g) => {
              const headingAt = at
              const first = headingAt + 1
              at = first + Math.max(1, g.items.length)
              let rows: ReactNode
              if (g.items.length === 0) {
                rows = (
                  <p ref={win.measure(`hint:${g.kind}`)} className="muted pad-small">
                    {g.total === 0 ? emptyKindHint(g.kind) : 'None match the filter.'}
                  </p>
                )
              } else {
                rows = (
                  <ul>
                    {slotsFor(first, first + g.items.length, shown, win.offsets).map((slot) => {
                      if (slot.kind === 'gap') return <li key={`gap-${slot.from}`} className="row-gap" aria-hidden="true" style={{ height: slot.height }} />
                      const a = g.items[slot.index - first]!
                      return (
                        <li key={a.id} ref={win.measure(a.id)} data-key={a.id} aria-setsize={g.items.length} aria-posinset={slot.index - first + 1}>
                          <AnnotationRow record={a} selected={a.id === selectedId} onSelect={actions.select} {...rowChips(a, records, registryMap)} />
                          {a.id === detailId && detailRecord && (
                            <AnnotationDetail
                              key={a.id}
                              articleId={articleId}
                              record={detailRecord}
                              records={detailRecords}
                              registry={registry}
                              registryMap={registryMap}
                              articles={articles}
                              tags={detailTags}
                              readOnly={readOnly}
                              actions={actions}
                            />
                          )}
                        </li>
                      )
                    })}
                  </ul>
                )
              }
              return (
                <section key={g.kind} className={`annotation-group group-${g.kind}`} aria-labelledby={`group-${g.kind}`}>
                  <h3 id={`group-${g.kind}`} ref={win.measure(`group:${g.kind}`)}>
                    <span className={`kind-swatch kind-${g.kind}`} aria-hidden="true" />
                    {KIND_LABEL[g.kind].many}{' '}
                    <span className="count-label">{isFiltered(filter) ? `${g.items.length} of ${g.total}` : g.total}</span>
                  </h3>
                  {rows}
                </section>
              )
            })}
          </div>
          <p className="panel-help muted">
            Next and previous: <Kbd name="nextAnnotation" /> <Kbd name="previousAnnotation" />. In this list, ↑ ↓ move, Home and End jump to the ends, and Del deletes.
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
