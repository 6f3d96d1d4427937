import { useCallback, useEffect, useRef, useState } from 'react'
import type { Brief, BriefFilter } from '../../../src-main/shared/model/brief'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import type { BriefEvidence } from '../../../src-main/shared/ipc-contract'
import { ANNOTATION_KINDS } from '../../../src-main/shared/model/annotation'
import { CLAIM_STATUS, evidenceCodeMeaning } from '../../../src-main/shared/model/grading'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { Chip } from '../../ui/Chip'
import { RichText } from '../../ui/RichText'
import { EvidencePicker } from './EvidencePicker'
import { describeFilter, EMPTY_FILTER, parseCodes, toggle, type BriefPatch } from './brief-model'

interface Props {
  brief: Brief
  articles: ArticleMeta[]
  tags: string[]
  onSaved: (brief: Brief) => void
  onDelete: () => void
  onExport: () => void
}

/**
 * One brief: its header fields, bottom line, key judgments and evidence. Every change is saved through main; the
 * evidence list is read back from main after each change, so the grades shown are always the articles' current ones.
 */
export function BriefComposer({ brief, articles, tags, onSaved, onDelete, onExport }: Props) {
  const [evidence, setEvidence] = useState<BriefEvidence | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [codesText, setCodesText] = useState(brief.filter?.evidenceCodes.join(', ') ?? '')
  const current = useRef(brief)
  current.current = brief

  const reload = useCallback(async () => {
    try {
      setEvidence(await api().briefEvidence({ id: current.current.id }))
    } catch (err) {
      setError(userMessage(err))
    }
  }, [])
  useEffect(() => void reload(), [reload, brief.id])

  const save = useCallback(
    async (patch: BriefPatch) => {
      try {
        const saved = await api().updateBrief({ id: current.current.id, patch })
        setError(null)
        onSaved(saved)
        if (patch.items || patch.filter !== undefined) await reload()
      } catch (err) {
        setError(userMessage(err))
      }
    },
    [onSaved, reload],
  )
  // The filter shows the analyst's change at once; the evidence list follows when main has saved it.
  const [filter, setDraft] = useState<BriefFilter>(brief.filter ?? EMPTY_FILTER)
  const setFilter = (next: BriefFilter) => {
    setDraft(next)
    void save({ filter: next })
  }
  const text = (field: 'title' | 'author' | 'date' | 'caveat' | 'bluf') => ({
    defaultValue: brief[field],
    onBlur: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value
      if (value !== current.current[field]) void save({ [field]: value })
    },
  })
  const chosen = new Set(brief.items.map((i) => i.annotationId))
  const title = (id: string) => articles.find((a) => a.id === id)?.title ?? id

  return (
    <div className="brief-composer" key={brief.id}>
      <div className="composer-head">
        {/* A one-line field that wraps, so a long title is read whole; Enter ends the title, as in an input. */}
        <textarea
          className="brief-title-input"
          aria-label="Brief title"
          rows={1}
          {...text('title')}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            e.currentTarget.blur()
          }}
          onInput={(e) => {
            // A pasted line break would split the title in every export.
            const field = e.currentTarget
            if (/[\r\n]/.test(field.value)) field.value = field.value.replace(/[\r\n]+/g, ' ')
          }}
        />
        <div className="row-actions">
          <button type="button" className="button primary" onClick={onExport}>
            Export…
          </button>
          <button type="button" className="button danger" onClick={onDelete}>
            Delete
          </button>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="brief-fields">
        <label className="field">
          <span>Author</span>
          <input {...text('author')} />
        </label>
        <label className="field">
          <span>Date</span>
          <input type="date" {...text('date')} />
        </label>
        <label className="field wide">
          <span>Handling caveat or classification</span>
          <input placeholder="e.g. OFFICIAL-SENSITIVE; repeated at the top and foot of every page" {...text('caveat')} />
        </label>
      </div>
      <h3 className="section-title">Bottom line up front</h3>
      <textarea className="bluf-input" aria-label="Bottom line up front" rows={3} placeholder="The one or two sentences a reader must take away." {...text('bluf')} />
      <h3 className="section-title">Key judgments</h3>
      <RichText
        key={brief.id}
        className="judgments-input"
        initialHtml={brief.judgments}
        label="Key judgments"
        placeholder="Each judgment with its likelihood and confidence, in ICD 203 words."
        onChange={(html) => save({ judgments: html })}
        onError={(err) => setError(userMessage(err))}
      />
      <h3 className="section-title">Evidence</h3>
      <p className="muted small-text">{describeFilter(brief.filter, title)} Claims stay live: a grade changed in its article changes here and in the export.</p>
      <details className="filter-editor">
        <summary>Select by filter</summary>
        <fieldset>
          <legend>Kinds</legend>
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={filter.kinds.includes(k)} onChange={() => setFilter({ ...filter, kinds: toggle(filter.kinds, k) })} /> {k}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Tags</legend>
          {tags.length === 0 && <span className="muted small-text">No tags in the notebook yet.</span>}
          {tags.map((t) => (
            <label key={t} className="check">
              <input type="checkbox" checked={filter.tags.includes(t)} onChange={() => setFilter({ ...filter, tags: toggle(filter.tags, t) })} /> {t}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Claim status</legend>
          {CLAIM_STATUS.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={filter.statuses.includes(s)} onChange={() => setFilter({ ...filter, statuses: toggle(filter.statuses, s) })} /> {s}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Evidence codes</span>
          <input
            value={codesText}
            placeholder="e.g. A1, B2"
            onChange={(e) => setCodesText(e.target.value)}
            onBlur={() => setFilter({ ...filter, evidenceCodes: parseCodes(codesText) })}
          />
        </label>
        <fieldset>
          <legend>Articles (none ticked: all)</legend>
          {articles.map((a) => (
            <label key={a.id} className="check block">
              <input type="checkbox" checked={filter.articleIds.includes(a.id)} onChange={() => setFilter({ ...filter, articleIds: toggle(filter.articleIds, a.id) })} /> {a.title}
            </label>
          ))}
        </fieldset>
      </details>
      <details className="filter-editor">
        <summary>Pick one by one</summary>
        <EvidencePicker articles={articles} chosen={chosen} onAdd={(articleId, a) => void save({ items: [...brief.items, { articleId, annotationId: a.id }] })} />
      </details>
      <ol className="evidence-list" aria-label="Evidence in this brief">
        {evidence?.items.map((item) => (
          <li key={item.annotation.id} className={`evidence-item kind-${item.annotation.kind}`}>
            <span className="evidence-label">{item.label}</span>
            <div className="evidence-body">
              <q className={`anno anno-${item.annotation.kind}`}>{item.annotation.anchor.exact}</q>
              <div className="evidence-meta">
                {item.evidenceCode && <Chip text={item.evidenceCode} meaning={evidenceCodeMeaning(item.evidenceCode)} tone="code" />}
                {item.annotation.kind !== 'source' && <span>{item.annotation.status}</span>}
                {item.annotation.kind === 'claim' && item.annotation.likelihood && <span>{item.annotation.likelihood}</span>}
                {item.annotation.kind === 'claim' && item.annotation.confidence && <span>{item.annotation.confidence} confidence</span>}
                <span className="muted">{item.article.title}</span>
                {!item.picked && <span className="muted">by filter</span>}
              </div>
            </div>
            {item.picked && (
              <button
                type="button"
                className="button small"
                aria-label={`Remove ${item.label} from the brief`}
                onClick={() => void save({ items: brief.items.filter((i) => i.annotationId !== item.annotation.id) })}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ol>
      {evidence && evidence.items.length === 0 && <p className="muted">No evidence yet: pick claims one by one or select them by filter.</p>}
      {evidence && evidence.missing > 0 && <p className="muted small-text">{evidence.missing} picked item(s) were deleted from their articles.</p>}
    </div>
  )
}
