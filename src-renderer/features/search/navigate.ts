import type { Jump } from './jump'

/**
 * The window's one way to open an article at a span, for components deep in a panel that the App does not
 * render directly (a link's other end). The App registers itself on mount.
 */
let handler: ((j: Jump) => void) | null = null

export function setNavigator(fn: ((j: Jump) => void) | null): void {
  handler = fn
}

export function navigate(j: Jump): void {
  handler?.(j)
}
