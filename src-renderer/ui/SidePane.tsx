import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { Kbd } from './Kbd'
import type { ShortcutName } from './shortcuts'

export const MIN_PANE = 200
export const MAX_PANE = 640

interface SidePaneProps {
  side: 'left' | 'right'
  label: string
  width: number
  collapsed: boolean
  toggleShortcut: ShortcutName
  onResize: (width: number) => void
  onToggle: () => void
  children: ReactNode
}

/**
 * A side pane that can be resized by dragging or with the arrow keys on its edge, and collapsed to a thin rail.
 * The edge is an ARIA separator, so its width is announced and reachable from the keyboard.
 */
export function SidePane({ side, label, width, collapsed, toggleShortcut, onResize, onToggle, children }: SidePaneProps) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const clamp = (w: number) => Math.round(Math.min(MAX_PANE, Math.max(MIN_PANE, w)))

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, width }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    const dx = e.clientX - drag.current.x
    onResize(clamp(drag.current.width + (side === 'left' ? dx : -dx)))
  }
  const onPointerUp = () => {
    drag.current = null
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 48 : 16
    const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft'
    const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight'
    if (e.key === grow) onResize(clamp(width + step))
    else if (e.key === shrink) onResize(clamp(width - step))
    else if (e.key === 'Enter') onToggle()
    else return
    e.preventDefault()
  }

  if (collapsed) {
    return (
      <div className={`pane-rail pane-rail-${side}`}>
        <button type="button" className="rail-button" aria-expanded={false} onClick={onToggle} title={`Show ${label.toLowerCase()}`}>
          <span aria-hidden="true">{side === 'left' ? '»' : '«'}</span>
          <span className="rail-label">{label}</span>
          <Kbd name={toggleShortcut} />
        </button>
      </div>
    )
  }

  const handle = (
    <div
      className="pane-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label.toLowerCase()}`}
      aria-valuemin={MIN_PANE}
      aria-valuemax={MAX_PANE}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={onToggle}
    />
  )

  return (
    // The resize edge lives inside the pane's landmark, so nothing on the page sits outside a landmark.
    <aside className={`pane pane-${side}`} aria-label={label} style={{ width }}>
        <div className="pane-top">
          <h2 className="pane-title">{label}</h2>
          <button type="button" className="icon-button" aria-expanded={true} onClick={onToggle} title={`Hide ${label.toLowerCase()}`}>
            <span aria-hidden="true">{side === 'left' ? '«' : '»'}</span>
            <span className="visually-hidden">Hide {label.toLowerCase()}</span>
            <Kbd name={toggleShortcut} />
          </button>
        </div>
        {children}
      {handle}
    </aside>
  )
}
