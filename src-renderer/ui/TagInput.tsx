import { useId, useState, type KeyboardEvent } from 'react'

interface TagInputProps {
  label: string
  tags: readonly string[]
  suggestions: readonly string[]
  onChange: (tags: string[]) => void
}

/** Tags as removable chips plus an input that autocompletes from the notebook's tags. Enter or comma adds one. */
export function TagInput({ label, tags, suggestions, onChange }: TagInputProps) {
  const [draft, setDraft] = useState('')
  const listId = useId()
  const inputId = useId()

  const add = (raw: string) => {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, 60)
    setDraft('')
    if (!tag || tags.includes(tag)) return
    onChange([...tags, tag])
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault()
      add(draft)
    } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div className="tag-input">
        {tags.map((t) => (
          <span key={t} className="tag">
            {t}
            <button type="button" className="tag-remove" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={inputId}
          list={listId}
          value={draft}
          placeholder={tags.length ? '' : 'Add a tag, Enter'}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => draft && add(draft)}
        />
        <datalist id={listId}>
          {suggestions
            .filter((s) => !tags.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
    </div>
  )
}
