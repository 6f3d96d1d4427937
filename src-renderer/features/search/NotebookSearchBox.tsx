import { useId, type RefObject } from 'react'
import { Kbd } from '../../ui/Kbd'
import { shortcutLabel } from '../../ui/shortcuts'

/** The notebook-wide search box on top of the library: typing opens the results in the middle pane. */
export function NotebookSearchBox({ value, onChange, inputRef }: { value: string; onChange: (text: string) => void; inputRef?: RefObject<HTMLInputElement | null> }) {
  const id = useId()
  return (
    <div className="notebook-search">
      <label htmlFor={id} className="visually-hidden">
        Search the whole notebook
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        placeholder="Search the notebook…"
        title={`Search the whole notebook (${shortcutLabel('findArticle')})`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            onChange('')
            e.preventDefault()
          }
        }}
      />
      <Kbd name="findArticle" />
    </div>
  )
}
