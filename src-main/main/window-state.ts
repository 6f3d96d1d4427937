/**
 * Where the window reopens. Saved bounds are trusted only as far as today's screens allow: a window last seen on
 * a monitor that has since been unplugged comes back centred on one that exists, never off-screen.
 */
import type { WindowState } from './settings'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_SIZE = { width: 1400, height: 900 }
/** How much of the window's top edge must lie on a screen for the analyst to grab it. */
const GRAB = { width: 120, height: 40 }

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

/** The bounds to open the window with: the saved ones when their title bar is on a screen, else centred by Electron. */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): { x?: number; y?: number; width: number; height: number } {
  const largest = workAreas.reduce<Rect | null>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), null)
  const fit = (width: number, height: number) => ({
    width: largest ? Math.min(width, largest.width) : width,
    height: largest ? Math.min(height, largest.height) : height,
  })
  if (!saved) return fit(DEFAULT_SIZE.width, DEFAULT_SIZE.height)
  if (saved.x === undefined || saved.y === undefined) return fit(saved.width, saved.height)
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRAB.height }
  const home = workAreas.find((a) => {
    const o = overlap(titleBar, a)
    return o.width >= Math.min(GRAB.width, saved.width) && o.height >= GRAB.height
  })
  if (!home) return fit(saved.width, saved.height)
  return { x: saved.x, y: saved.y, width: Math.min(saved.width, home.width), height: Math.min(saved.height, home.height) }
}

export interface WindowLike {
  isDestroyed(): boolean
  isMaximized(): boolean
  isFullScreen(): boolean
  getBounds(): Rect
  getNormalBounds(): Rect
  webContents: { getZoomLevel(): number; isDestroyed(): boolean }
}

/** The window's state now; a maximised or full-screen window remembers the size it returns to. */
export function captureWindow(win: WindowLike): WindowState {
  const maximized = win.isMaximized()
  const fullScreen = win.isFullScreen()
  const b = maximized || fullScreen ? win.getNormalBounds() : win.getBounds()
  const zoom = win.webContents.isDestroyed() ? 0 : win.webContents.getZoomLevel()
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(200, Math.round(b.width)),
    height: Math.max(150, Math.round(b.height)),
    maximized,
    fullScreen,
    zoomLevel: Math.max(-8, Math.min(9, zoom)),
  }
}
