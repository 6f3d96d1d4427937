import { useMemo, useState } from 'react'
import type { PaneState } from '../../src-main/shared/model/settings'
import { savedPanes } from '../features/settings/view-state'
import { MAX_PANE, MIN_PANE } from './SidePane'

const DEFAULTS = { library: { width: 280, collapsed: false }, annotations: { width: 360, collapsed: false } }

/** A saved width from a window with other limits is brought within this one's. */
const fit = (p: PaneState): PaneState => ({ width: Math.min(MAX_PANE, Math.max(MIN_PANE, p.width)), collapsed: p.collapsed })

/**
 * Widths and collapsed state of the two side panes. They start from main's settings file (read before the first
 * render) and are saved back with the rest of the view state by useViewState.
 */
export function usePanes() {
  const [left, setLeft] = useState<PaneState>(() => fit(savedPanes()?.library ?? DEFAULTS.library))
  const [right, setRight] = useState<PaneState>(() => fit(savedPanes()?.annotations ?? DEFAULTS.annotations))
  return useMemo(
    () => ({
      left: { ...left, onResize: (width: number) => setLeft((p) => ({ ...p, width })), onToggle: () => setLeft((p) => ({ ...p, collapsed: !p.collapsed })) },
      right: { ...right, onResize: (width: number) => setRight((p) => ({ ...p, width })), onToggle: () => setRight((p) => ({ ...p, collapsed: !p.collapsed })) },
      saved: { library: left, annotations: right },
    }),
    [left, right],
  )
}
