import { memo, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import { Kbd } from '../../ui/Kbd'
import { articleDate, displayDate, filterArticles, newestFirst } from './library-model'
import { ImportReport, type ImportBatchView } from './ImportReport'
import { renderCounts } from '../../perf-counters'

interface LibraryPaneProps {
  articles: ArticleMeta[] | null
  loadError: string | null
  selectedId: string | null
  searchRef: RefObject<HTMLInputElement | null>
  importBatch: ImportBatchView | null
  onSelect: (id: string) => void
  onNew: () => void
  onImport: () => void
  onDismissReport: () => void
}

/** The library: every article by title, outlet and date, newest first, filtered as the analyst types. */
export const LibraryPane = memo(function LibraryPane(props: LibraryPaneProps) {
  const { articles, loadError, selectedId, searchRef, importBatch, onSelect, onNew, onImport, onDismissReport } = props
  renderCounts.library++
  const [query, setQuery] = useState('')
  const listRef = useRef<HTMLUListElement>(null)
  const sorted = useMemo(() => newestFirst(articles ?? []), [articles])
  const shown = useMemo(() => filterArticles(sorted, query), [sorted, query])

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.article-row') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]
    next?.focus()
    e.preventDefault()
  }

  return (
    <div className="library">
      <div className="library-actions">
        <button type="button" className="button primary" onClick={onNew} title="New article from pasted text">
          New article <Kbd name="newArticle" />
        </button>
        <button type="button" className="button" onClick={onImport} title="Import files (text, HTML, Markdown, DOCX)">
          Import… <Kbd name="importFiles" />
        </button>
      </div>
      <div className="search-box">
        <label htmlFor="library-search" className="visually-hidden">
          Filter articles by title or outlet
        </label>
        <input
          id="library-search"
          ref={searchRef}
          type="search"
          placeholder="Filter titles, outlets"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              listRef.current?.querySelector<HTMLButtonElement>('button.article-row')?.focus()
              e.preventDefault()
            } else if (e.key === 'Escape' && query) {
              setQuery('')
              e.preventDefault()
            }
          }}
        />
      </div>
      {importBatch && <ImportReport batch={importBatch} onOpen={onSelect} onDismiss={onDismissReport} />}
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {articles && articles.length === 0 && <EmptyLibrary />}
      {articles && articles.length > 0 && shown.length === 0 && <p className="muted pad">No title or outlet matches “{query}”.</p>}
      {articles === null && !loadError && <p className="muted pad">Opening the notebook…</p>}
      <ul ref={listRef} className="article-list" aria-label="Articles, newest first" onKeyDown={onListKey}>
        {shown.map((a) => (
          <ArticleRow key={a.id} article={a} selected={a.id === selectedId} onSelect={onSelect} />
        ))}
      </ul>
    </div>
  )
})

const ArticleRow = memo(function ArticleRow({ article, selected, onSelect }: { article: ArticleMeta; selected: boolean; onSelect: (id: string) => void }) {
  const { counts } = article
  const total = counts.claim + counts.source + counts.question
  return (
    <li>
      <button type="button" className="article-row" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(article.id)}>
        <span className="article-row-title">{article.title}</span>
        <span className="article-row-meta">
          {article.outlet && <span className="outlet">{article.outlet}</span>}
          <time dateTime={articleDate(article)}>{displayDate(articleDate(article))}</time>
        </span>
        {total > 0 && (
          <span className="article-row-counts" aria-label={`${counts.claim} claims, ${counts.source} sources, ${counts.question} questions`}>
            <span className="count count-claim">{counts.claim}</span>
            <span className="count count-source">{counts.source}</span>
            <span className="count count-question">{counts.question}</span>
          </span>
        )}
      </button>
    </li>
  )
})

function EmptyLibrary() {
  return (
    <div className="empty-state">
      <p>
        <strong>No articles yet.</strong> Bring in your first source:
      </p>
      <ul>
        <li>
          <strong>File › Import…</strong> (<Kbd name="importFiles" />) for text, HTML, Markdown or Word files;
        </li>
        <li>drag files onto this window;</li>
        <li>
          or <strong>New article</strong> (<Kbd name="newArticle" />) and paste the text.
        </li>
      </ul>
    </div>
  )
}
