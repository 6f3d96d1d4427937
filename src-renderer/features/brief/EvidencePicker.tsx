import { useEffect, useState } from 'react'
import type { Annotation } from '../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'

/** Picks evidence one by one: choose an article, then add its claims, sources and questions to the brief. */
export function EvidencePicker({ articles, chosen, onAdd }: { articles: ArticleMeta[]; chosen: ReadonlySet<string>; onAdd: (articleId: string, a: Annotation) => void }) {
  const [articleId, setArticleId] = useState(articles[0]?.id ?? '')
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!articleId) return
    let live = true
    setAnnotations(null)
    api()
      .getArticle({ id: articleId })
      .then(
        (v) => live && setAnnotations(v.annotations),
        (err) => live && setError(userMessage(err)),
      )
    return () => {
      live = false
    }
  }, [articleId])
  if (!articles.length) return <p className="muted small-text">Import an article to pick evidence from it.</p>
  return (
    <div className="evidence-picker">
      <label className="field">
        <span>Pick from</span>
        <select value={articleId} onChange={(e) => setArticleId(e.target.value)}>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      {error && <p className="error">{error}</p>}
      {annotations && annotations.length === 0 && <p className="muted small-text">This article has no annotations yet.</p>}
      <ul className="pick-list">
        {annotations?.map((a) => (
          <li key={a.id} className={`pick-item kind-${a.kind}`}>
            <span className={`kind-mark anno-${a.kind}`}>{a.kind}</span>
            <span className="pick-quote">“{a.anchor.exact}”</span>
            <button type="button" className="button small" disabled={chosen.has(a.id)} onClick={() => onAdd(articleId, a)} aria-label={`Add ${a.kind} “${a.anchor.exact.slice(0, 40)}” to the brief`}>
              {chosen.has(a.id) ? 'Added' : 'Add'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
