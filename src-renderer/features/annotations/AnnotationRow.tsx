import { memo } from 'react'
import type { Annotation } from '../../../src-main/shared/model/annotation'
import { RELIABILITY_MEANING, type Reliability } from '../../../src-main/shared/model/grading'
import { Chip } from '../../ui/Chip'
import { KIND_LABEL, estimateChip, quoteLine } from './panel-model'

interface AnnotationRowProps {
  record: Annotation
  selected: boolean
  onSelect: (id: string, opts?: { reveal?: boolean }) => void
  evidenceCode?: string
  evidenceMeaning?: string
  sourceName?: string
  reliability?: string
}

/**
 * What a row shows of its record. Typing before a span moves its anchor offsets, and the next autosave brings the
 * record back with new offsets; rows compare on this instead, so that save does not re-render every row below.
 */
function shown(a: Annotation): string {
  const common = [a.kind, a.anchor.exact, a.orphaned, a.tags.join('\u0000')]
  if (a.kind === 'claim') return JSON.stringify([...common, a.status, a.likelihood, a.confidence])
  if (a.kind === 'question') return JSON.stringify([...common, a.status, a.priority, a.due])
  return JSON.stringify(common)
}

function sameRow(prev: AnnotationRowProps, next: AnnotationRowProps): boolean {
  for (const key of Object.keys(next) as Array<keyof AnnotationRowProps>) {
    if (key === 'record') continue
    if (prev[key] !== next[key]) return false
  }
  return prev.record === next.record || shown(prev.record) === shown(next.record)
}

/** One annotation in the list: kind marker, quote and its compact grades. */
export const AnnotationRow = memo(function AnnotationRow({ record: a, selected, onSelect, evidenceCode, evidenceMeaning, sourceName, reliability }: AnnotationRowProps) {
  const estimate = a.kind === 'claim' ? estimateChip(a) : null
  return (
    <button
      type="button"
      className={`annotation-row row-${a.kind} ${a.orphaned ? 'is-orphan' : ''}`}
      data-row-id={a.id}
      aria-current={selected ? 'true' : undefined}
      aria-expanded={selected}
      onClick={() => onSelect(a.id, { reveal: true })}
    >
      <span className="visually-hidden">{KIND_LABEL[a.kind].one}: </span>
      <span className={`row-quote quote-${a.kind}`}>{quoteLine(a)}</span>
      <span className="row-chips">
        {a.orphaned && <Chip text="orphaned" tone="warn" meaning="The tagged text is gone from the article. The annotation keeps its quote; re-attach it or delete it." />}
        {a.kind === 'claim' && evidenceCode && <Chip text={evidenceCode} tone="code" meaning={evidenceMeaning ?? ''} />}
        {a.kind === 'claim' && a.status !== 'unverified' && <Chip text={a.status} meaning={`Status: ${a.status}`} />}
        {estimate && <Chip text={estimate.code} meaning={estimate.meaning} />}
        {a.kind === 'source' && sourceName && <span className="row-source-name">{sourceName}</span>}
        {a.kind === 'source' && reliability && <Chip text={reliability} tone="code" meaning={`${reliability}: ${RELIABILITY_MEANING[reliability as Reliability]}`} />}
        {a.kind === 'question' && <Chip text={a.status} tone={a.status === 'open' ? 'plain' : 'muted'} meaning={`Question ${a.status}`} />}
        {a.kind === 'question' && a.priority !== 'normal' && <Chip text={a.priority} tone={a.priority === 'urgent' ? 'warn' : 'plain'} meaning={`Priority: ${a.priority}`} />}
        {a.kind === 'question' && a.due && <Chip text={`due ${a.due}`} meaning={`Due on ${a.due}`} />}
        {a.tags.map((t) => (
          <span key={t} className="tag small">
            {t}
          </span>
        ))}
      </span>
    </button>
  )
}, sameRow)
