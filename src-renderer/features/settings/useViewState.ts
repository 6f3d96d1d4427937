import { useEffect, useRef } from 'react'
import type { Panes } from '../../../src-main/shared/model/settings'
import { saveViewState, savedPlace } from './view-state'

const SCROLLER = '.article-pane .article-scroll'
/** How long a restored article may take to lay out its text before the saved scroll is given up. */
const RESTORE_WITHIN_MS = 5000

/**
 * Keeps main's copy of the view state current: the panes, the open article and how far it is scrolled. On the
 * first open of the article the last session left open, it scrolls back to where the analyst was.
 */
export function useViewState(articleId: string | null, panes: Panes): void {
  const scroll = useRef(new Map<string, number>())
  const restore = useRef(savedPlace())
  const latest = useRef({ articleId, panes })
  latest.current = { articleId, panes }

  const save = () => {
    const { articleId: id, panes: p } = latest.current
    saveViewState({ panes: p, place: id ? { articleId: id, scroll: Math.round(scroll.current.get(id) ?? 0) } : null })
  }

  useEffect(save, [articleId, panes])

  useEffect(() => {
    const onScroll = (e: Event) => {
      const el = e.target
      const id = latest.current.articleId
      if (!id || !(el instanceof HTMLElement) || !el.matches(SCROLLER)) return
      scroll.current.set(id, el.scrollTop)
      save()
    }
    document.addEventListener('scroll', onScroll, true)
    return () => document.removeEventListener('scroll', onScroll, true)
  }, [])

  useEffect(() => {
    const place = restore.current
    if (!place || place.articleId !== articleId) return
    restore.current = null
    scroll.current.set(place.articleId, place.scroll)
    const started = performance.now()
    let frame = 0
    // The text arrives after the article's data; scroll once the editor's content is tall enough to hold the place.
    const tryRestore = () => {
      const el = document.querySelector<HTMLElement>(SCROLLER)
      const ready = !!el?.querySelector('.ProseMirror') && el!.scrollHeight - el!.clientHeight >= place.scroll
      const late = performance.now() - started > RESTORE_WITHIN_MS
      // Past the deadline (the text got shorter since) the nearest place will do.
      if (el && (ready || late)) el.scrollTop = place.scroll
      else frame = requestAnimationFrame(tryRestore)
    }
    frame = requestAnimationFrame(tryRestore)
    return () => cancelAnimationFrame(frame)
  }, [articleId])
}

/** The window's title names the article and the notebook, as a desktop document app's does. */
export function useWindowTitle(article: string | null, notebook: string | null): void {
  useEffect(() => {
    document.title = [article, notebook, 'Intel Notebook'].filter(Boolean).join(' — ')
  }, [article, notebook])
}
