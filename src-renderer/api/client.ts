import type { WindowApi } from '../../src-main/shared/ipc-contract'

/**
 * The typed client over the preload's `window.api`. The preload derives one function per contract entry,
 * so this file adds nothing but the type and a clear failure when the bridge is missing.
 */
export function api(): WindowApi {
  const bridge = window.api
  if (!bridge) throw new Error('The app could not reach its notebook. Restart Intel Notebook; if that does not help, reinstall it.')
  return bridge
}
