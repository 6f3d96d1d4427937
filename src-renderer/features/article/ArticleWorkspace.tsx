import { memo, useEffect, useImperativeHandle, useRef, useState, useSyncExternalStore, type ComponentProps, type MouseEvent, type Ref } from 'react'
import { EditorContent } from '@tiptap/react'
import type { AnnotationKind } from '../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import type { ArticleView, SavedBody } from '../../../src-main/shared/ipc-contract'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { annotationsAt } from '../../editor/annotation-ranges'
import { ContextMenu, type MenuItem } from '../../ui/ContextMenu'
import { SidePane } from '../../ui/SidePane'
import { shortcutLabel } from '../../ui/shortcuts'
import { AnnotationPanel } from '../annotations/AnnotationPanel'
import { KIND_LABEL } from '../annotations/panel-model'
import { renderCounts } from '../../perf-counters'
import type { PanelStore } from '../annotations/panel-store'
import { ArticleHeader } from './ArticleHeader'
import { ArticleNotes } from './ArticleNotes'
import { EditorToolbar } from './EditorToolbar'
import { useAnnotationController } from './useAnnotationController'
import { useBodyEditor } from './useBodyEditor'
import { revealText, type Jump } from '../search/jump'

/** What the window's global shortcuts and menu commands can ask of the open article. */
export interface WorkspaceHandle {
  tag(kind: AnnotationKind): void
  step(direction: 1 | -1): void
  focusText(): void
}

export interface PaneControl {
  width: number
  collapsed: boolean
  onResize: (w: number) => void
  onToggle: () => void
}

interface ArticleWorkspaceProps {
  articleId: string
  readOnly: boolean
  registry: RegistryEntry[]
  articles: ArticleMeta[]
  tags: string[]
  pane: PaneControl
  handleRef: Ref<WorkspaceHandle | null>
  onMetaChange: (meta: ArticleMeta) => void
  onRegistryAdd: (entry: RegistryEntry) => void
  onArticleChanged: () => void
  onTagsChanged: () => void
  /** A view asked to open the article at an annotation or a text range; a new nonce is a new request. */
  jumpTo?: (Jump & { nonce: number }) | null
}

/** Loads one article and shows it: the text in the middle, its annotations on the right. Keyed by article id. */
/** Memoised: the app re-renders on every library refresh (a tag changes the counts), and that must not reach the article. */
export const ArticleWorkspace = memo(function ArticleWorkspace(props: ArticleWorkspaceProps) {
  const [view, setView] = useState<ArticleView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api()
      .getArticle({ id: props.articleId })
      .then((v) => live && setView(v))
      .catch((err: unknown) => live && setError(userMessage(err)))
    return () => {
      live = false
    }
  }, [props.articleId])

  if (!view) {
    return (
      <>
        <main className="article-pane" aria-busy={!error}>
          <div className="article-scroll">
            {error ? (
              <p className="error pad" role="alert">
                This article could not be opened: {error}
              </p>
            ) : (
              <p className="muted pad">Opening the article…</p>
            )}
          </div>
        </main>
        <SidePane side="right" label="Annotations" toggleShortcut="toggleAnnotations" {...props.pane}>
          {null}
        </SidePane>
      </>
    )
  }
  return <LoadedArticle {...props} view={view} />
})

function LoadedArticle({ view, readOnly, registry, articles, tags, pane, handleRef, onMetaChange, onRegistryAdd, onArticleChanged, onTagsChanged, jumpTo }: ArticleWorkspaceProps & { view: ArticleView }) {
  const articleId = view.meta.id
  renderCounts.articleView++
  const [meta, setMeta] = useState(view.meta)
  const savedRef = useRef<(r: SavedBody) => void>(() => {})
  const body = useBodyEditor(articleId, view.doc, readOnly, (r) => savedRef.current(r))
  const effectiveReadOnly = readOnly || body.contentProblem !== null
  const ctl = useAnnotationController({ articleId, initial: view.annotations, body, readOnly: effectiveReadOnly, onRegistryAdd, onArticleChanged, onTagsChanged })
  savedRef.current = ctl.onBodySaved
  const { editor } = body
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null)
  // Off-screen blocks may skip layout only once every block has been laid out and its height remembered (editor.css).
  const [laidOut, setLaidOut] = useState(false)
  useEffect(() => {
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setLaidOut(true))))
    return () => cancelAnimationFrame(frame)
  }, [])

  useImperativeHandle(handleRef, () => ({ tag: ctl.tag, step: ctl.step, focusText: () => editor.commands.focus() }), [ctl.tag, ctl.step, editor])
  const jumpNonce = jumpTo?.nonce
  useEffect(() => {
    if (!jumpTo) return
    if (jumpTo.annotationId) ctl.actions.select(jumpTo.annotationId, { reveal: true })
    else if (jumpTo.start != null && jumpTo.end != null) revealText(editor, jumpTo.start, jumpTo.end)
    // Only a new request moves the view; later renders of the same one must leave the analyst where they are.
  }, [jumpNonce])

  const onContextMenu = (e: MouseEvent) => {
    const { state, view: pm } = editor
    const at = e.clientX || e.clientY ? pm.posAtCoords({ left: e.clientX, top: e.clientY })?.pos : state.selection.from
    const under = at === undefined ? [] : annotationsAt(state.doc, at)
    const hasSelection = !state.selection.empty
    if (!hasSelection && under.length === 0) return // the system menu (copy, paste) is what the analyst wants here
    e.preventDefault()
    const items: MenuItem[] = []
    if (hasSelection && !effectiveReadOnly) {
      for (const kind of ['claim', 'source', 'question'] as const) {
        const key = kind === 'claim' ? 'tagClaim' : kind === 'source' ? 'tagSource' : 'tagQuestion'
        items.push({ label: `Tag as ${KIND_LABEL[kind].one.toLowerCase()}`, shortcut: shortcutLabel(key), kind, onSelect: () => ctl.tag(kind) })
      }
    }
    for (const u of under) {
      const word = KIND_LABEL[u.kind].one.toLowerCase()
      items.push({ label: `Show this ${word} in the panel`, kind: u.kind, onSelect: () => ctl.actions.select(u.id, { reveal: true }) })
      if (!effectiveReadOnly) items.push({ label: `Delete this ${word}`, onSelect: () => ctl.actions.remove(u.id) })
    }
    setMenu({ x: e.clientX || 200, y: e.clientY || 200, items })
  }

  return (
    <>
      <main className="article-pane" aria-label={`Article: ${meta.title}`}>
        <EditorToolbar editor={editor} readOnly={effectiveReadOnly} onTag={ctl.tag} onStep={ctl.step} />
        {(ctl.notice || body.contentProblem) && (
          <div className={`notice notice-${body.contentProblem || ctl.notice?.tone === 'error' ? 'error' : 'info'}`} role={ctl.notice?.tone === 'error' || body.contentProblem ? 'alert' : 'status'}>
            <span>{body.contentProblem ?? ctl.notice?.text}</span>
            {ctl.notice && !body.contentProblem && (
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={ctl.clearNotice}>
                ×
              </button>
            )}
          </div>
        )}
        <div className="article-scroll">
          <article className="article">
            {/* The editable title is a text field; this is the page's heading for screen-reader navigation. */}
            <h1 className="visually-hidden">{meta.title}</h1>
            <ArticleHeader
              meta={meta}
              readOnly={readOnly}
              onSaved={(m) => {
                setMeta(m)
                onMetaChange(m)
              }}
            />
            <div className={laidOut ? 'article-body-wrap is-laid-out' : 'article-body-wrap'} onContextMenu={onContextMenu}>
              <EditorContent editor={editor} />
            </div>
            <ArticleNotes articleId={articleId} notes={view.notes} readOnly={readOnly} />
          </article>
        </div>
        {menu && (
          <ContextMenu
            x={menu.x}
            y={menu.y}
            label="Annotate"
            items={menu.items}
            onClose={() => {
              setMenu(null)
              editor.commands.focus()
            }}
          />
        )}
      </main>
      <SidePane side="right" label="Annotations" toggleShortcut="toggleAnnotations" {...pane}>
        <ArticlePanel
          store={ctl.panel}
          articleId={articleId}
          registry={registry}
          articles={articles}
          tags={tags}
          readOnly={effectiveReadOnly}
          actions={ctl.actions}
        />
      </SidePane>
    </>
  )
}

/** Reads the records and the selection itself, so a new tag or a click renders the panel and not the article around it. */
function ArticlePanel({ store, ...props }: Omit<ComponentProps<typeof AnnotationPanel>, 'records' | 'selectedId'> & { store: PanelStore }) {
  const { shown, selectedId } = useSyncExternalStore(store.subscribe, store.get)
  return <AnnotationPanel {...props} records={shown} selectedId={selectedId} />
}
