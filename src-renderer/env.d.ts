import type { WindowApi } from '../src-main/shared/ipc-contract'

declare global {
  interface Window {
    /** Built by the preload from the contract table; absent only if the preload failed to load. */
    api?: WindowApi
  }
}

export {}
