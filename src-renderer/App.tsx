import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ArticleMeta } from '../src-main/shared/model/article'
import type { RegistryEntry } from '../src-main/shared/model/source'
import type { ImportResult, NotebookStatus } from '../src-main/shared/ipc-contract'
import { api } from './api/client'
import { userMessage } from './api/errors'
import { commandForKey, commandForMenu, type AppCommand } from './features/app-commands'
import { ArticleWorkspace, type WorkspaceHandle } from './features/article/ArticleWorkspace'
import { flushAll } from './features/article/pending'
import { LibraryPane } from './features/library/LibraryPane'
import { NewArticleForm } from './features/library/NewArticleForm'
import { Legend } from './features/annotations/Legend'
import { saveStatus } from './features/status/save-status'
import { StatusLine } from './features/status/StatusLine'
import { SidePane } from './ui/SidePane'
import { usePanes } from './ui/usePanes'
import { Kbd } from './ui/Kbd'
import { useFileDrop } from './features/library/useFileDrop'
import { useImportBatch } from './features/library/useImportBatch'
import { NotebookSearchBox } from './features/search/NotebookSearchBox'
import { setNavigator } from './features/search/navigate'
import type { Jump } from './features/search/jump'
import { ViewNav } from './features/ledger/ViewNav'
import { useAppShell } from './features/commands/useAppShell'
import { useOpenedFiles } from './features/commands/useOpenedFiles'
import { useViewState, useWindowTitle } from './features/settings/useViewState'
import { flushViewState, savedPlace } from './features/settings/view-state'
import { withProgress } from './features/feedback/notices'
import type { ExportChoice } from './features/brief/ExportView'
import { lazyView, LoadBoundary, preloadWhenIdle, ViewLoadFailed, ViewLoading } from './ui/lazy-view'

// Views that replace the middle pane load on first use (or when the window is idle), not with the first screen.
const SearchView = lazyView(() => import('./features/search/SearchView'), 'SearchView')
const LedgerView = lazyView(() => import('./features/ledger/LedgerView'), 'LedgerView')
const SourcesView = lazyView(() => import('./features/sources/SourcesView'), 'SourcesView')
const QuestionsView = lazyView(() => import('./features/questions/QuestionsView'), 'QuestionsView')
const SuggestionsView = lazyView(() => import('./features/suggestions/SuggestionsView'), 'SuggestionsView')
const BriefsView = lazyView(() => import('./features/brief/BriefsView'), 'BriefsView')
const ExportView = lazyView(() => import('./features/brief/ExportView'), 'ExportView')
const LAZY_VIEWS = [SearchView, LedgerView, SourcesView, QuestionsView, SuggestionsView, BriefsView, ExportView]

// The names the views give their own pane, so the loading pane is announced as the view it stands for.
const VIEW_LABEL = {
  search: 'Search results',
  ledger: 'Claims ledger',
  sources: 'Source registry',
  questions: 'Question tracker',
  suggestions: 'Suggested attributions',
  briefs: 'Briefs',
  export: 'Export',
} as const

/** A lazily loaded view in the middle pane: a loading line until its code is there, a clear error if it never comes. */
function LazyPane({ kind, onClose, children }: { kind: keyof typeof VIEW_LABEL; onClose: () => void; children: ReactNode }) {
  return (
    <LoadBoundary failed={<ViewLoadFailed label={VIEW_LABEL[kind]} onClose={onClose} />}>
      <Suspense fallback={<ViewLoading label={VIEW_LABEL[kind]} />}>{children}</Suspense>
    </LoadBoundary>
  )
}

/** The window: library on the left, the article in the middle, its annotations on the right, the status line below. */
export function App() {
  const [status, setStatus] = useState<NotebookStatus | null>(null)
  const [articles, setArticles] = useState<ArticleMeta[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [registry, setRegistry] = useState<RegistryEntry[]>([])
  const [tags, setTags] = useState<string[]>([])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selectedIdRef = useRef(selectedId)
  selectedIdRef.current = selectedId
  const [creating, setCreating] = useState(false)
  const panes = usePanes()
  const searchRef = useRef<HTMLInputElement>(null)
  const notebookSearchRef = useRef<HTMLInputElement>(null)
  const workspace = useRef<WorkspaceHandle | null>(null)
  // Briefs and Export replace the middle pane; null shows the article.
  const [view, setView] = useState<
    | { kind: 'briefs' }
    | { kind: 'export'; choices: ExportChoice[]; initial: number }
    | { kind: 'search' }
    | { kind: 'ledger' }
    | { kind: 'sources' }
    | { kind: 'questions' }
    | { kind: 'suggestions'; articleId: string }
    | null
  >(null)
  const [searchText, setSearchText] = useState('')
  // Where the article opened from a view should scroll to; the nonce makes a second jump to the same place count.
  const [jump, setJump] = useState<(Jump & { nonce: number }) | null>(null)
  const openExport = useCallback(async (briefId?: string) => {
    const briefs = await api().listBriefs().catch(() => [])
    const article = articles?.find((a) => a.id === selectedId)
    const choices: ExportChoice[] = [
      ...(article ? [{ label: `This article, annotated: ${article.title}`, target: { kind: 'articles' as const, ids: [article.id] } }] : []),
      ...briefs.map((b) => ({ label: `Brief: ${b.title}`, target: { kind: 'brief' as const, id: b.id } })),
      ...(articles?.length ? [{ label: 'The whole notebook', target: { kind: 'all' as const } }] : []),
    ]
    const initial = Math.max(0, choices.findIndex((c) => (briefId ? c.target.kind === 'brief' && c.target.id === briefId : true)))
    setView({ kind: 'export', choices, initial })
  }, [articles, selectedId])

  const refreshArticles = useCallback(async () => {
    try {
      setArticles(await api().listArticles())
      setLoadError(null)
    } catch (err) {
      setLoadError(`The library could not be read: ${userMessage(err)}`)
    }
  }, [])
  const refreshTags = useCallback(() => void api().listTags().then(setTags, () => undefined), [])
  useEffect(() => preloadWhenIdle(LAZY_VIEWS), [])

  useEffect(() => {
    void (async () => {
      try {
        const [st, list, sources] = await Promise.all([api().notebookStatus(), api().listArticles(), api().listSources()])
        setStatus(st)
        saveStatus.seed(st.lastSavedAt)
        setArticles(list)
        setRegistry(sources)
        refreshTags()
        // Open the article of the last session, else the newest, so a first launch lands on the sample and its tags.
        const newest = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
        const last = list.find((a) => a.id === savedPlace()?.articleId)
        setSelectedId((cur) => cur ?? last?.id ?? newest?.id ?? null)
      } catch (err) {
        setLoadError(`The notebook could not be opened: ${userMessage(err)}`)
        setArticles([])
      }
    })()
  }, [refreshTags])

  const open = useCallback((id: string) => {
    setView(null)
    setCreating(false)
    setSelectedId(id)
  }, [])
  const openAt = useCallback(
    (j: Jump) => {
      open(j.articleId)
      setJump((prev) => ({ ...j, nonce: (prev?.nonce ?? 0) + 1 }))
    },
    [open],
  )
  useEffect(() => {
    setNavigator(openAt)
    return () => setNavigator(null)
  }, [openAt])

  // Articles join the library as their files land; the list is read again once the batch is done.
  const imports = useImportBatch(
    useCallback((arrived: ArticleMeta[]) => setArticles((list) => (list ? [...arrived.filter((a) => !list.some((x) => x.id === a.id)), ...list] : list)), []),
  )
  const runImport = useCallback(
    async (work: () => Promise<ImportResult[]>) => {
      const before = selectedIdRef.current
      const results = await imports.run(work)
      if (!results) return
      await refreshArticles()
      // Open what was imported when it is one article or nothing was open; never pull the analyst out of an article they were in.
      const added = results.filter((r) => r.status === 'imported')
      if (added[0]?.article && (added.length === 1 || before === null)) open(added[0].article.id)
    },
    [imports.run, refreshArticles, open],
  )

  useOpenedFiles((results) => void runImport(async () => results))
  const { handle: runShellCommand, overlays } = useAppShell((command) => {
    const c = commandForMenu(command)
    if (c) runRef.current(c)
  })
  const run = useCallback(
    (command: AppCommand) => {
      switch (command) {
        case 'new-article':
          setView(null)
          setCreating(true)
          return
        case 'import':
          void runImport(() => api().importFromDialog())
          return
        case 'find-in-notebook':
          if (panes.left.collapsed) panes.left.onToggle()
          requestAnimationFrame(() => notebookSearchRef.current?.focus())
          return
        case 'tag-claim':
          return workspace.current?.tag('claim')
        case 'tag-source':
          return workspace.current?.tag('source')
        case 'tag-question':
          return workspace.current?.tag('question')
        case 'next-annotation':
          return workspace.current?.step(1)
        case 'previous-annotation':
          return workspace.current?.step(-1)
        case 'toggle-library':
          return panes.left.onToggle()
        case 'toggle-panel':
          return panes.right.onToggle()
        case 'export':
          void openExport()
          return
        default:
          runShellCommand(command)
      }
    },
    [panes.left, panes.right, runImport, openExport, runShellCommand],
  )
  const runRef = useRef(run)
  runRef.current = run

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const t = e.target as HTMLElement | null
      const inField = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
      const command = commandForKey(e, inField)
      if (!command) return
      e.preventDefault()
      runRef.current(command)
    }
    window.addEventListener('keydown', onKey)
    const events = api().events
    const offMenu = events.onMenuCommand(({ command }) => {
      const c = commandForMenu(command)
      if (c) runRef.current(c)
    })
    const offStatus = events.onStoreStatus((e) => saveStatus.fromEvent(e))
    const offFlush = events.onFlushRequest(() => {
      flushViewState()
      void flushAll().finally(() => void api().flushed())
    })
    // Best effort when the page goes away without main asking (a reload): start every pending write now.
    const onLeave = () => {
      flushViewState()
      void flushAll()
    }
    window.addEventListener('pagehide', onLeave)
    window.addEventListener('beforeunload', onLeave)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pagehide', onLeave)
      window.removeEventListener('beforeunload', onLeave)
      offMenu()
      offStatus()
      offFlush()
    }
  }, [])

  const dropping = useFileDrop((files) => void runImport(() => api().importDropped({ files })))

  const onMetaChange = useCallback((meta: ArticleMeta) => setArticles((list) => list?.map((a) => (a.id === meta.id ? meta : a)) ?? list), [])
  const onRegistryAdd = useCallback((entry: RegistryEntry) => setRegistry((r) => [...r.filter((x) => x.id !== entry.id), entry]), [])
  const onArticleChanged = useCallback(() => void refreshArticles(), [refreshArticles])
  const readOnly = status?.readOnly ?? false
  // The open article names other articles by title only (a question answered by an article); the library's counts,
  // which change with every tag, must not hand it a new list and re-render it.
  const titlesKey = (articles ?? []).map((a) => `${a.id}\t${a.title}`).join('\n')
  const workspaceArticles = useMemo(() => articles ?? [], [titlesKey])
  const openArticle = !creating && view === null ? (articles?.find((a) => a.id === selectedId) ?? null) : null
  useWindowTitle(openArticle?.title ?? null, status?.info.name ?? null)
  useViewState(creating ? null : selectedId, panes.saved)

  return (
    <div className={`app ${dropping ? 'is-dropping' : ''}`}>
      {status && status.notices.length > 0 && (
        <div className="app-notices" role="alert">
          {status.notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      <div className="panes">
        <SidePane side="left" label="Library" toggleShortcut="toggleLibrary" {...panes.left}>
          <NotebookSearchBox
            inputRef={notebookSearchRef}
            value={searchText}
            onChange={(text) => {
              setSearchText(text)
              setView(text.trim() ? { kind: 'search' } : null)
            }}
          />
          <LibraryPane
            articles={articles}
            loadError={loadError}
            selectedId={creating ? null : selectedId}
            searchRef={searchRef}
            importBatch={imports.batch}
            onSelect={open}
            onNew={() => run('new-article')}
            onImport={() => run('import')}
            onDismissReport={imports.dismiss}
          />
          <ViewNav
            current={view?.kind ?? null}
            canSuggest={!!selectedId && !creating}
            onOpen={(kind) => setView(view?.kind === kind ? null : kind === 'suggestions' ? { kind, articleId: selectedId! } : { kind })}
          />
        </SidePane>
        {view ? (
          <LazyPane key={view.kind} kind={view.kind} onClose={() => setView(null)}>
            {view.kind === 'search' ? (
              <SearchView text={searchText} onOpen={openAt} onClose={() => (setSearchText(''), setView(null))} />
            ) : view.kind === 'ledger' ? (
              <LedgerView onOpen={openAt} onClose={() => setView(null)} />
            ) : view.kind === 'sources' ? (
              <SourcesView onOpen={openAt} onClose={() => setView(null)} onRegistryChanged={() => void api().listSources().then(setRegistry, () => undefined)} />
            ) : view.kind === 'questions' ? (
              <QuestionsView onOpen={openAt} onClose={() => setView(null)} />
            ) : view.kind === 'suggestions' ? (
              <SuggestionsView
                articleId={view.articleId}
                articleTitle={articles?.find((a) => a.id === view.articleId)?.title ?? ''}
                onOpen={openAt}
                onClose={() => setView(null)}
                onChanged={() => {
                  void refreshArticles()
                  void api().listSources().then(setRegistry, () => undefined)
                }}
              />
            ) : view.kind === 'briefs' ? (
              <BriefsView articles={articles ?? []} tags={tags} onExport={(b) => void openExport(b.id)} onClose={() => setView(null)} />
            ) : (
              <ExportView key={view.initial} choices={view.choices} initial={view.initial} onClose={() => setView(null)} />
            )}
          </LazyPane>
        ) : creating ? (
          <>
            <main className="article-pane">
              <div className="article-scroll">
                <NewArticleForm
                  onCancel={() => setCreating(false)}
                  onOpenExisting={open}
                  onCreated={(meta) => {
                    setArticles((list) => [meta, ...(list ?? [])])
                    open(meta.id)
                  }}
                />
              </div>
            </main>
            <SidePane side="right" label="Annotations" toggleShortcut="toggleAnnotations" {...panes.right}>
              <Legend />
            </SidePane>
          </>
        ) : selectedId ? (
          <ArticleWorkspace
            key={selectedId}
            articleId={selectedId}
            readOnly={readOnly}
            registry={registry}
            articles={workspaceArticles}
            tags={tags}
            pane={panes.right}
            handleRef={workspace}
            jumpTo={jump && jump.articleId === selectedId ? jump : null}
            onMetaChange={onMetaChange}
            onRegistryAdd={onRegistryAdd}
            onArticleChanged={onArticleChanged}
            onTagsChanged={refreshTags}
          />
        ) : (
          <>
            <main className="article-pane">
              <div className="article-scroll">
                <div className="empty-state centered">
                  {articles && articles.length > 0 ? (
                    <p>Pick an article in the library, or start a new one with <Kbd name="newArticle" />.</p>
                  ) : (
                    <p>Import or paste an article to begin: <Kbd name="importFiles" /> or <Kbd name="newArticle" />, or drop files on this window.</p>
                  )}
                </div>
              </div>
            </main>
            <SidePane side="right" label="Annotations" toggleShortcut="toggleAnnotations" {...panes.right}>
              <Legend />
            </SidePane>
          </>
        )}
      </div>
      <StatusLine path={status?.path ?? null} shownPath={status?.shownPath ?? null} readOnly={readOnly} />
      {overlays}
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them
        </div>
      )}
    </div>
  )
}
