import { useId, useState } from 'react'
import { LINK_TYPES, type LinkType } from '../../../src-main/shared/model/link'
import type { LedgerRow } from '../../../src-main/shared/model/ledger'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'

const LINK_WORDS: Record<LinkType, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  'same-as': 'says the same as',
  elaborates: 'elaborates',
  answers: 'answers',
}

/** Links one annotation to a claim elsewhere in the notebook: "this claim contradicts …". */
export function LinkForm({ from, candidates, onLinked, onCancel }: { from: { articleId: string; annotationId: string }; candidates: LedgerRow[]; onLinked: () => void; onCancel: () => void }) {
  const id = useId()
  const [type, setType] = useState<LinkType>('supports')
  const [target, setTarget] = useState('')
  const [error, setError] = useState<string | null>(null)
  const others = candidates.filter((r) => r.claim.id !== from.annotationId)
  const submit = async () => {
    const row = others.find((r) => r.claim.id === target)
    if (!row) return setError('Pick the claim to link to.')
    try {
      await api().createLink({ type, from, to: { articleId: row.articleId, annotationId: row.claim.id } })
      onLinked()
    } catch (err) {
      setError(userMessage(err))
    }
  }
  return (
    <form
      className="link-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={`${id}-type`}>This claim</label>
      <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as LinkType)}>
        {LINK_TYPES.map((t) => (
          <option key={t} value={t}>
            {LINK_WORDS[t]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-target`} className="visually-hidden">
        Claim to link to
      </label>
      <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Pick a claim…</option>
        {others.map((r) => (
          <option key={r.claim.id} value={r.claim.id}>
            {clip(r.claim.anchor.exact, 70)} — {clip(r.articleTitle, 30)}
          </option>
        ))}
      </select>
      <button type="submit" className="button small primary">
        Link
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

export function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}

export function linkPhrase(type: LinkType, direction: 'in' | 'out'): string {
  if (direction === 'out') return LINK_WORDS[type]
  return { supports: 'supported by', contradicts: 'contradicted by', 'same-as': 'same as', elaborates: 'elaborated by', answers: 'answered by' }[type]
}
