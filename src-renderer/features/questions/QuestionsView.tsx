import { useCallback, useEffect, useState } from 'react'
import type { LedgerRow, QuestionRow } from '../../../src-main/shared/model/ledger'
import type { QuestionStatus } from '../../../src-main/shared/model/grading'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { Chip } from '../../ui/Chip'
import type { Jump } from '../search/jump'
import { clip } from '../ledger/LinkForm'
import { ErrorLine } from '../../ui/ErrorLine'

/** Questions across the notebook, most urgent and soonest due first; answer one with the claim that answers it. */
export function QuestionsView({ onOpen, onClose }: { onOpen: (j: Jump) => void; onClose: () => void }) {
  const [status, setStatus] = useState<QuestionStatus | ''>('open')
  const [rows, setRows] = useState<QuestionRow[] | null>(null)
  const [claims, setClaims] = useState<LedgerRow[]>([])
  const [answering, setAnswering] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    api()
      .listQuestions(status ? { status } : {})
      .then(setRows)
      .catch((err: unknown) => setError(userMessage(err)))
  }, [status])
  useEffect(load, [load])
  useEffect(() => void api().claimsLedger().then(setClaims, () => undefined), [])

  return (
    <main className="article-pane view-pane" aria-label="Question tracker">
      <header className="view-header">
        <h2>Questions</h2>
        <select aria-label="Show questions" value={status} onChange={(e) => setStatus(e.target.value as QuestionStatus | '')}>
          <option value="open">Open</option>
          <option value="answered">Answered</option>
          <option value="dropped">Dropped</option>
          <option value="">All</option>
        </select>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorLine error={error} />
      <ol className="view-body question-list">
        {rows && rows.length === 0 && <li className="muted pad">{status === 'open' ? 'No open questions. Tag what still needs finding out as a question.' : 'None.'}</li>}
        {rows?.map((r) => {
          const q = r.question
          const overdue = q.status === 'open' && q.due && q.due < new Date().toISOString().slice(0, 10)
          return (
            <li key={q.id} className="question-item" data-question-id={q.id}>
              <div className="question-head">
                <Chip text={q.priority} meaning={`Priority: ${q.priority}`} tone={q.priority === 'urgent' || q.priority === 'high' ? 'warn' : 'muted'} />
                {q.due && <Chip text={`due ${q.due}`} meaning={overdue ? 'Past its due date' : 'Due date'} tone={overdue ? 'warn' : 'plain'} />}
                <button type="button" className="quote-button" onClick={() => onOpen({ articleId: r.articleId, annotationId: q.id })}>
                  {clip(q.anchor.exact, 160)}
                </button>
              </div>
              <div className="muted small-text">{r.articleTitle}</div>
              {q.answer && <p className="answer">Answer: {q.answer}</p>}
              {r.evidence.length > 0 && (
                <ul className="plain-list small-text">
                  {r.evidence.map((e) => (
                    <li key={e.annotationId ?? e.articleId}>
                      Evidence:{' '}
                      <button type="button" className="link-button" onClick={() => onOpen({ articleId: e.articleId, annotationId: e.annotationId })}>
                        {e.quote ? clip(e.quote, 80) : e.articleTitle}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {q.status === 'open' &&
                (answering === q.id ? (
                  <AnswerForm row={r} claims={claims} onCancel={() => setAnswering(null)} onDone={() => (setAnswering(null), load())} onError={setError} />
                ) : (
                  <button type="button" className="button small" onClick={() => setAnswering(q.id)}>
                    Mark answered…
                  </button>
                ))}
            </li>
          )
        })}
      </ol>
    </main>
  )
}

function AnswerForm({ row, claims, onCancel, onDone, onError }: { row: QuestionRow; claims: LedgerRow[]; onCancel: () => void; onDone: () => void; onError: (m: string) => void }) {
  const [answer, setAnswer] = useState('')
  const [evidence, setEvidence] = useState('')
  return (
    <form
      className="answer-form"
      onSubmit={(e) => {
        e.preventDefault()
        const claim = claims.find((c) => c.claim.id === evidence)
        api()
          .answerQuestion({ articleId: row.articleId, id: row.question.id, answer, evidence: claim ? [{ articleId: claim.articleId, annotationId: claim.claim.id }] : [] })
          .then(onDone, (err: unknown) => onError(userMessage(err)))
      }}
    >
      <textarea aria-label="Answer" placeholder="The answer, in a sentence" value={answer} onChange={(e) => setAnswer(e.target.value)} rows={2} />
      <select aria-label="Evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)}>
        <option value="">Evidence: pick the claim that answers it…</option>
        {claims.map((c) => (
          <option key={c.claim.id} value={c.claim.id}>
            {clip(c.claim.anchor.exact, 70)} — {clip(c.articleTitle, 30)}
          </option>
        ))}
      </select>
      <button type="submit" className="button small primary">
        Save answer
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
