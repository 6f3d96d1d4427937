import { useCallback, useEffect, useState } from 'react'
import type { Brief } from '../../../src-main/shared/model/brief'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { BriefComposer } from './BriefComposer'
import './brief.css'

interface Props {
  articles: ArticleMeta[]
  tags: string[]
  /** Opens File > Export… on this brief. */
  onExport: (brief: Brief) => void
  onClose: () => void
}

/** The briefs view replaces the middle pane: the notebook's briefs on the left, the open one's composer beside them. */
export function BriefsView({ articles, tags, onExport, onClose }: Props) {
  const [briefs, setBriefs] = useState<Brief[] | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api()
      .listBriefs()
      .then(
        (list) => {
          setBriefs(list)
          setOpenId((cur) => cur ?? list[0]?.id ?? null)
        },
        (err) => setError(userMessage(err)),
      )
  }, [])

  const create = async () => {
    try {
      const brief = await api().createBrief({ title: 'Untitled brief' })
      setBriefs((list) => [brief, ...(list ?? [])])
      setOpenId(brief.id)
    } catch (err) {
      setError(userMessage(err))
    }
  }
  const onSaved = useCallback((b: Brief) => setBriefs((list) => list?.map((x) => (x.id === b.id ? b : x)) ?? list), [])
  const remove = async (b: Brief) => {
    if (!window.confirm(`Delete the brief “${b.title}”? The claims it cites stay in their articles.`)) return
    try {
      await api().deleteBrief({ id: b.id })
      setBriefs((list) => list?.filter((x) => x.id !== b.id) ?? list)
      setOpenId(null)
    } catch (err) {
      setError(userMessage(err))
    }
  }
  const open = briefs?.find((b) => b.id === openId) ?? null

  return (
    <main className="article-pane brief-view" aria-label="Briefs">
      <nav className="brief-list" aria-label="Briefs in this notebook">
        <div className="brief-list-head">
          <h2 className="view-title">Briefs</h2>
          <button type="button" className="button small" onClick={() => void create()}>
            New brief
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {briefs && briefs.length === 0 && <p className="muted small-text">A brief hands your judgments on with the evidence behind them. Start one with New brief.</p>}
        <ul>
          {briefs?.map((b) => (
            <li key={b.id}>
              <button type="button" className={`brief-link ${b.id === openId ? 'is-open' : ''}`} aria-current={b.id === openId} onClick={() => setOpenId(b.id)}>
                <span className="brief-link-title">{b.title}</span>
                <span className="muted small-text">{b.date || b.updatedAt.slice(0, 10)}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button small" onClick={onClose}>
          Back to the article
        </button>
      </nav>
      <div className="article-scroll">
        {open ? (
          <BriefComposer key={open.id} brief={open} articles={articles} tags={tags} onSaved={onSaved} onDelete={() => void remove(open)} onExport={() => onExport(open)} />
        ) : (
          briefs && <div className="empty-state centered"><p>Open a brief on the left, or start one with New brief.</p></div>
        )}
      </div>
    </main>
  )
}
