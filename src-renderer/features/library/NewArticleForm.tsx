import { useEffect, useRef, useState, type FormEvent } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import { noteExtensions } from '../../editor/extensions'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { isMac } from '../../ui/platform'

/**
 * "New article": a title and pasted content. The paste area is a rich-text editor on the shared schema, so pasted
 * HTML keeps its headings, lists, emphasis and links (and nothing the schema cannot hold); if nothing pasted carried
 * HTML, plain text is sent and main splits it into paragraphs. On an error the input stays as it was.
 */
export function NewArticleForm({ onCreated, onCancel, onOpenExisting }: { onCreated: (a: ArticleMeta) => void; onCancel: () => void; onOpenExisting: (id: string) => void }) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  // The article this very paste is already in; the analyst opens it or adds the paste anyway.
  const [duplicate, setDuplicate] = useState<ArticleMeta | null>(null)
  const [busy, setBusy] = useState(false)
  const hadHtml = useRef(false)
  const titleRef = useRef<HTMLInputElement>(null)

  const editor = useEditor({
    extensions: noteExtensions('Paste the article here (Ctrl+V keeps its formatting).'.replace('Ctrl', isMac ? '⌘' : 'Ctrl')),
    injectCSS: false,
    enableContentCheck: true,
    shouldRerenderOnTransaction: false,
    onUpdate: () => setDuplicate(null),
    editorProps: {
      attributes: { 'aria-label': 'Article text', role: 'textbox', 'aria-multiline': 'true', class: 'rich-text paste-area' },
      handlePaste: (_view, event) => {
        if (event.clipboardData?.types.includes('text/html')) hadHtml.current = true
        return false
      },
    },
  })

  useEffect(() => titleRef.current?.focus(), [])

  const submit = async (e?: FormEvent, addAnyway = false) => {
    e?.preventDefault()
    if (busy) return
    const trimmed = title.trim()
    if (!trimmed) {
      setError('Give the article a title.')
      titleRef.current?.focus()
      return
    }
    if (editor.isEmpty) {
      setError('Paste the article text first.')
      editor.commands.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      const content = hadHtml.current ? { html: editor.getHTML() } : { text: editor.getText({ blockSeparator: '\n\n' }) }
      if (!addAnyway) {
        const existing = await api().findPastedDuplicate(content)
        if (existing) {
          setDuplicate(existing)
          return
        }
      }
      setDuplicate(null)
      onCreated(await api().createArticle({ title: trimmed, ...content }))
    } catch (err) {
      setError(userMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="new-article"
      aria-label="New article"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel()
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit()
      }}
    >
      <h1>New article</h1>
      <div className="field">
        <label htmlFor="new-article-title">Title</label>
        <input id="new-article-title" ref={titleRef} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <span className="label" id="new-article-text-label">
          Text
        </span>
        <EditorContent editor={editor} aria-labelledby="new-article-text-label" />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {duplicate && (
        <div className="duplicate-notice" role="alert">
          <p>
            This text is already in the notebook as <strong>“{duplicate.title}”</strong>.
          </p>
          <div className="form-actions">
            <button type="button" className="button primary" onClick={() => onOpenExisting(duplicate.id)}>
              Open existing
            </button>
            <button type="button" className="button" onClick={() => void submit(undefined, true)}>
              Add anyway
            </button>
          </div>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add article'} <kbd className="kbd">{isMac ? '⌘↩' : 'Ctrl+Enter'}</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd className="kbd">Esc</kbd>
        </button>
      </div>
    </form>
  )
}
