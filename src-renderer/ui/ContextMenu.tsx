import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'

export interface MenuItem {
  label: string
  shortcut?: string
  onSelect: () => void
  disabled?: boolean
  /** Kind marker for annotation items, so the menu shows the same underline as the text. */
  kind?: string
}

interface ContextMenuProps {
  x: number
  y: number
  label: string
  items: MenuItem[]
  onClose: () => void
}

/** A keyboard-operable context menu: arrows move, Enter picks, Escape or a click elsewhere closes it. */
export function ContextMenu({ x, y, label, items, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ left: x, top: y })
  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const r = el.getBoundingClientRect()
    setPos({ left: Math.min(x, window.innerWidth - r.width - 8), top: Math.min(y, window.innerHeight - r.height - 8) })
    el.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus()
  }, [x, y])

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose()
    }
    const blur = () => onClose()
    document.addEventListener('pointerdown', away, true)
    window.addEventListener('blur', blur)
    window.addEventListener('resize', blur)
    return () => {
      document.removeEventListener('pointerdown', away, true)
      window.removeEventListener('blur', blur)
      window.removeEventListener('resize', blur)
    }
  }, [onClose])

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const move = (delta: number) => {
      const order = enabled.indexOf(current)
      const next = enabled[(order + delta + enabled.length) % enabled.length]
      if (next !== undefined) buttons[next]?.focus()
    }
    if (e.key === 'ArrowDown') move(1)
    else if (e.key === 'ArrowUp') move(-1)
    else if (e.key === 'Home') buttons[enabled[0] ?? 0]?.focus()
    else if (e.key === 'End') buttons[enabled[enabled.length - 1] ?? 0]?.focus()
    else if (e.key === 'Escape' || e.key === 'Tab') onClose()
    else return
    e.preventDefault()
  }

  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left: pos.left, top: pos.top }} onKeyDown={onKeyDown}>
      {items.map((it) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          disabled={it.disabled}
          onClick={() => {
            onClose()
            it.onSelect()
          }}
        >
          {it.kind && <span className={`kind-swatch kind-${it.kind}`} aria-hidden="true" />}
          <span className="menu-label">{it.label}</span>
          {it.shortcut && <kbd className="kbd">{it.shortcut}</kbd>}
        </button>
      ))}
    </div>
  )
}
