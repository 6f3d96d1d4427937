import { useMemo } from 'react'
import { usePersistentState } from './usePersistentState'
import { MAX_PANE, MIN_PANE } from './SidePane'

interface PaneState {
  width: number
  collapsed: boolean
}

const isPane = (v: unknown): v is PaneState =>
  typeof v === 'object' && v !== null && typeof (v as PaneState).width === 'number' && (v as PaneState).width >= MIN_PANE && (v as PaneState).width <= MAX_PANE && typeof (v as PaneState).collapsed === 'boolean'

/** Widths and collapsed state of the two side panes, remembered between sessions. */
export function usePanes() {
  const [left, setLeft] = usePersistentState<PaneState>('pane.library', { width: 280, collapsed: false }, isPane)
  const [right, setRight] = usePersistentState<PaneState>('pane.annotations', { width: 360, collapsed: false }, isPane)
  return useMemo(
    () => ({
      left: { ...left, onResize: (width: number) => setLeft((p) => ({ ...p, width })), onToggle: () => setLeft((p) => ({ ...p, collapsed: !p.collapsed })) },
      right: { ...right, onResize: (width: number) => setRight((p) => ({ ...p, width })), onToggle: () => setRight((p) => ({ ...p, collapsed: !p.collapsed })) },
    }),
    [left, right, setLeft, setRight],
  )
}
