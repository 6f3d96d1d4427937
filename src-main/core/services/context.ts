import type { NotebookStore } from '../store/notebook-store'
import type { Importer } from '../import/import-pool'

/** What every service needs: the one store of the open notebook, a clock (tests fix it) and the importer's workers. */
export interface ServiceContext {
  store: NotebookStore
  now: () => string
  importer: Importer
}

export function systemClock(): string {
  return new Date().toISOString()
}
