import { useEffect, useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import type { NotebookRef } from '../../../src-main/shared/model/settings'
import { api } from '../../api/client'
import { Dialog } from '../../ui/Dialog'
import { isMac } from '../../ui/platform'
import { themeStore } from '../settings/theme'
import { filterEntries, paletteEntries, type PaletteAction, type PaletteEntry } from './palette-model'
import './commands.css'

export type PaletteMode = 'all' | 'notebooks'

const NOTEBOOK_COMMANDS = new Set(['open-notebook', 'new-notebook', 'show-notebook-folder', 'notebook-protection'])

/**
 * Every command by name (Ctrl/Cmd+K): the menu's commands, the theme choices, zoom and full screen, and the recent
 * notebooks. A combobox over a listbox: typing filters, arrows move, Enter runs, Escape closes.
 */
export function CommandPalette({ mode, onClose, onRun }: { mode: PaletteMode; onClose: () => void; onRun: (action: PaletteAction) => void }) {
  const theme = useSyncExternalStore(themeStore.subscribe, themeStore.get)
  const [notebooks, setNotebooks] = useState<NotebookRef[] | null>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const optionId = (i: number) => `${listId}-o${i}`

  useEffect(() => {
    api()
      .listNotebooks()
      .then((l) => setNotebooks(l.recent))
      .catch(() => setNotebooks([]))
  }, [])

  const entries = useMemo(() => {
    const all = paletteEntries({ mac: isMac, theme, notebooks: notebooks ?? [] })
    // The switcher lists the recent notebooks first, then the ways to reach another one.
    return mode === 'notebooks' ? [...all.filter((e) => e.action.kind === 'notebook'), ...all.filter((e) => NOTEBOOK_COMMANDS.has(e.key))] : all
  }, [theme, notebooks, mode])
  const shown = useMemo(() => filterEntries(entries, query), [entries, query])
  const at = Math.min(active, Math.max(0, shown.length - 1))

  useEffect(() => {
    document.getElementById(optionId(at))?.scrollIntoView({ block: 'nearest' })
  }, [at, shown])

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return
    onClose()
    // After the dialog has handed focus back, so a tag command finds the editor's selection.
    requestAnimationFrame(() => onRun(entry.action))
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 8 : e.key === 'PageUp' ? -8 : 0
    if (step && shown.length) {
      const next = Math.abs(step) === 1 ? (at + step + shown.length) % shown.length : Math.max(0, Math.min(shown.length - 1, at + step))
      setActive(next)
      e.preventDefault()
    } else if (e.key === 'Enter') {
      choose(shown[at])
      e.preventDefault()
    }
  }

  const title = mode === 'notebooks' ? 'Switch notebook' : 'Command palette'
  return (
    <Dialog title={title} hideTitle className="palette" onClose={onClose}>
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-label={mode === 'notebooks' ? 'Notebook to open' : 'Command'}
        aria-expanded={true}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length ? optionId(at) : undefined}
        placeholder={mode === 'notebooks' ? 'Switch to a recent notebook, or open another…' : 'Type a command…'}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="palette-list" role="listbox" aria-label={mode === 'notebooks' ? 'Notebooks' : 'Commands'}>
        {shown.map((entry, i) => (
          <li
            key={entry.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            className={`palette-option ${i === at ? 'is-active' : ''}`}
            onMouseMove={() => i !== at && setActive(i)}
            onClick={() => choose(entry)}
          >
            <span className="palette-group">{entry.group}</span>
            <span className="palette-label">
              {entry.label}
              {entry.checked && (
                <>
                  <span aria-hidden="true"> ✓</span>
                  <span className="visually-hidden"> (current)</span>
                </>
              )}
              {entry.detail && <span className="palette-detail">{entry.detail}</span>}
            </span>
            {entry.shortcut && <kbd className="kbd">{entry.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {mode === 'notebooks' && notebooks?.length === 0 && <p className="palette-hint">No other notebook has been opened yet: open a notebook folder, or make a new one.</p>}
      {shown.length === 0 && (
        <p className="palette-empty" role="status">
          Nothing matches “{query}”. Try a word from a menu item, such as “tag”, “export” or “theme”.
        </p>
      )}
    </Dialog>
  )
}
