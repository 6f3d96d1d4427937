import { memo, useState, type KeyboardEvent } from 'react'
import type { ArticleFields, ArticleMeta } from '../../../src-main/shared/model/article'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { ArticleInfo } from './ArticleInfo'
import { saveStatus } from '../status/save-status'

type EditableField = 'title' | 'outlet' | 'byline' | 'publishedAt' | 'url'

interface ArticleHeaderProps {
  meta: ArticleMeta
  readOnly: boolean
  onSaved: (meta: ArticleMeta) => void
}

/** The article's title and its metadata line (outlet, byline, date, URL), each saved when the analyst leaves it. */
export const ArticleHeader = memo(function ArticleHeader({ meta, readOnly, onSaved }: ArticleHeaderProps) {
  const [error, setError] = useState<string | null>(null)

  const save = async (field: EditableField, value: string) => {
    const next = field === 'title' ? value.trim() : value
    if (next === meta[field]) return
    if (field === 'title' && !next) {
      setError('An article needs a title; the old one is kept.')
      return
    }
    setError(null)
    saveStatus.begin()
    try {
      const fields: Partial<ArticleFields> = { [field]: next }
      const updated = await api().updateArticleFields({ id: meta.id, fields })
      saveStatus.succeed(updated.updatedAt)
      onSaved(updated)
    } catch (err) {
      const message = userMessage(err)
      saveStatus.fail(message)
      setError(message)
    }
  }

  return (
    <header className="article-header">
      <Field field="title" label="Title" value={meta.title} readOnly={readOnly} onSave={save} className="article-title" />
      <div className="meta-line">
        <Field field="outlet" label="Outlet" value={meta.outlet} readOnly={readOnly} onSave={save} placeholder="Outlet" />
        <Field field="byline" label="Byline" value={meta.byline} readOnly={readOnly} onSave={save} placeholder="Byline" />
        <Field field="publishedAt" label="Published" value={meta.publishedAt.slice(0, 10)} readOnly={readOnly} onSave={save} type="date" />
        <Field field="url" label="URL" value={meta.url} readOnly={readOnly} onSave={save} placeholder="https://…" type="url" />
        {meta.url && (
          <button type="button" className="link-button" onClick={() => void api().openExternal({ url: meta.url }).catch((e: unknown) => setError(userMessage(e)))}>
            Open link
          </button>
        )}
      </div>
      <ArticleInfo meta={meta} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </header>
  )
})

interface FieldProps {
  field: EditableField
  label: string
  value: string
  readOnly: boolean
  onSave: (field: EditableField, value: string) => Promise<void>
  placeholder?: string
  type?: 'text' | 'date' | 'url'
  className?: string
}

/** An input that looks like text until focused; Enter or leaving saves it, Escape restores the stored value. */
function Field({ field, label, value, readOnly, onSave, placeholder, type = 'text', className }: FieldProps) {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    // The stored value changed underneath (saved elsewhere): show it.
    setSeen(value)
    setDraft(value)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      e.currentTarget.blur()
    }
    else if (e.key === 'Escape') {
      setDraft(value)
      e.currentTarget.blur()
    }
  }
  return (
    <label className={`inline-field field-${field} ${className ?? ''}`}>
      <span className={field === 'title' ? 'visually-hidden' : 'inline-label'}>{label}</span>
      {field === 'title' ? (
        // A textarea sized to its content, so a long headline wraps instead of scrolling out of sight.
        <textarea
          rows={1}
          value={draft}
          readOnly={readOnly}
          onChange={(e) => setDraft(e.target.value.replace(/\n/g, ' '))}
          onBlur={() => void onSave(field, draft)}
          onKeyDown={onKeyDown}
        />
      ) : (
        <input
          type={type}
          value={draft}
          placeholder={placeholder}
          readOnly={readOnly}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void onSave(field, draft)}
          onKeyDown={onKeyDown}
        />
      )}
    </label>
  )
}
