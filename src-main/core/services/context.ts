import type { NotebookStore } from '../store/notebook-store'

/** What every service needs: the one store of the open notebook and a clock (tests fix it). */
export interface ServiceContext {
  store: NotebookStore
  now: () => string
}

export function systemClock(): string {
  return new Date().toISOString()
}
