import { useId, useState } from 'react'
import type { Annotation, Question } from '../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import { QUESTION_PRIORITY, QUESTION_STATUS } from '../../../src-main/shared/model/grading'
import { isId } from '../../../src-main/shared/model/ids'
import { EnumSelect } from '../../ui/EnumSelect'
import type { PanelActions } from './actions'
import { KIND_LABEL, quoteLine } from './panel-model'

interface QuestionFieldsProps {
  question: Question
  records: Annotation[]
  articles: ArticleMeta[]
  readOnly: boolean
  actions: PanelActions
}

/** Status, priority, due date, the answer and what answers it (annotations here, or whole articles). */
export function QuestionFields({ question, records, articles, readOnly, actions }: QuestionFieldsProps) {
  const answerId = useId()
  const addId = useId()
  // The detail is keyed by annotation, so the draft starts from the stored answer each time a question opens.
  const [answer, setAnswer] = useState(question.answer)
  const set = (patch: Parameters<PanelActions['patch']>[1], immediate = true) => actions.patch(question.id, patch, { immediate })

  const label = (id: string): string => {
    if (isId('article', id)) return `Article: ${articles.find((a) => a.id === id)?.title ?? 'not in the library'}`
    const r = records.find((x) => x.id === id)
    return r ? `${KIND_LABEL[r.kind].one}: ${quoteLine(r, 60)}` : 'An annotation in another article'
  }
  const candidates = records.filter((r) => r.id !== question.id && !question.answeredBy.includes(r.id))
  const articleCandidates = articles.filter((a) => !question.answeredBy.includes(a.id))

  return (
    <>
      <div className="field-grid">
        <EnumSelect label="Status" value={question.status} options={QUESTION_STATUS} disabled={readOnly} onChange={(v) => v && set({ status: v })} />
        <EnumSelect label="Priority" value={question.priority} options={QUESTION_PRIORITY} disabled={readOnly} onChange={(v) => v && set({ priority: v })} />
        <div className="field">
          <label htmlFor={`due-${question.id}`}>Due</label>
          <input id={`due-${question.id}`} type="date" value={question.due} readOnly={readOnly} onChange={(e) => set({ due: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={answerId}>Answer</label>
        <textarea
          id={answerId}
          rows={3}
          value={answer}
          readOnly={readOnly}
          placeholder="What you found out, and where"
          onChange={(e) => {
            setAnswer(e.target.value)
            set({ answer: e.target.value }, false)
          }}
        />
      </div>
      <div className="field link-list">
        <span className="label">Answered by</span>
        {question.answeredBy.length === 0 && <p className="muted small-text">Nothing linked yet.</p>}
        <ul>
          {question.answeredBy.map((id) => (
            <li key={id} className="check-row">
              <span>{label(id)}</span>
              {!readOnly && (
                <button type="button" className="icon-button" aria-label={`Remove link to ${label(id)}`} onClick={() => set({ answeredBy: question.answeredBy.filter((x) => x !== id) })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <>
            <label htmlFor={addId} className="visually-hidden">
              Link an answer
            </label>
            <select
              id={addId}
              value=""
              onChange={(e) => e.target.value && set({ answeredBy: [...question.answeredBy, e.target.value] })}
            >
              <option value="">Link an answer…</option>
              {candidates.length > 0 && (
                <optgroup label="Annotations in this article">
                  {candidates.map((r) => (
                    <option key={r.id} value={r.id}>
                      {KIND_LABEL[r.kind].one}: {quoteLine(r, 70)}
                    </option>
                  ))}
                </optgroup>
              )}
              {articleCandidates.length > 0 && (
                <optgroup label="Articles">
                  {articleCandidates.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </>
        )}
      </div>
    </>
  )
}
