import { useEffect, useState } from 'react'
import type { LinkEnd } from '../../../src-main/shared/model/ledger'
import { api } from '../../api/client'
import { navigate } from '../search/navigate'
import { clip, linkPhrase } from './LinkForm'

/**
 * The links of one annotation, from its side: a link made in either article shows here at both ends, and each
 * opens the annotation at its other end.
 */
export function AnnotationLinks({ articleId, annotationId }: { articleId: string; annotationId: string }) {
  const [ends, setEnds] = useState<LinkEnd[]>([])
  useEffect(() => {
    let live = true
    api()
      .articleLinks({ articleId })
      .then((all) => live && setEnds(all[annotationId] ?? []))
      .catch(() => live && setEnds([]))
    return () => {
      live = false
    }
  }, [articleId, annotationId])
  if (ends.length === 0) return null
  return (
    <div className="field annotation-links">
      <span className="label">Links</span>
      <ul>
        {ends.map((l) => (
          <li key={l.linkId} className={`link-${l.type}`}>
            <span className="link-type">{linkPhrase(l.type, l.direction)}</span>{' '}
            <button type="button" className="link-button" onClick={() => navigate({ articleId: l.articleId, annotationId: l.annotationId })}>
              {clip(l.quote, 80)}
            </button>
            {l.articleId !== articleId && <span className="muted small-text"> — {l.articleTitle}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
