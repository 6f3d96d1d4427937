import { memo } from 'react'
import { ANNOTATION_KINDS, type AnnotationKind } from '../../../src-main/shared/model/annotation'
import { KIND_LABEL, NO_FILTER, STATUS_OPTIONS, isFiltered, type KindGroup, type PanelFilter } from './panel-model'

interface PanelFiltersProps {
  filter: PanelFilter
  groups: KindGroup[]
  tags: string[]
  onChange: (f: PanelFilter) => void
}

/** Kind toggles with counts, plus tag and status pickers. */
export const PanelFilters = memo(function PanelFilters({ filter, groups, tags, onChange }: PanelFiltersProps) {
  const toggleKind = (kind: AnnotationKind) => {
    const kinds = new Set(filter.kinds)
    if (kinds.has(kind)) kinds.delete(kind)
    else kinds.add(kind)
    onChange({ ...filter, kinds })
  }
  const total = (kind: AnnotationKind) => groups.find((g) => g.kind === kind)?.total ?? 0
  return (
    <div className="panel-filters" role="group" aria-label="Filter annotations">
      <div className="kind-toggles">
        {ANNOTATION_KINDS.map((kind) => (
          <button key={kind} type="button" className={`kind-toggle toggle-${kind}`} aria-pressed={filter.kinds.has(kind)} onClick={() => toggleKind(kind)}>
            <span className={`kind-swatch kind-${kind}`} aria-hidden="true" />
            {KIND_LABEL[kind].many} <span className="count-label">{total(kind)}</span>
          </button>
        ))}
      </div>
      <div className="filter-selects">
        <label>
          <span className="visually-hidden">Tag</span>
          <select value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.target.value })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">Status</span>
          <select value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value })}>
            <option value="">Any status</option>
            {STATUS_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        {isFiltered(filter) && (
          <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>
            Clear
          </button>
        )}
      </div>
    </div>
  )
})
