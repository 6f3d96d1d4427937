import { existsSync } from 'node:fs'
import { NotebookStore, type StoreStatus } from '../core/store/notebook-store'
import { notebookLayout } from '../core/store/layout'
import { createServices, type Services, type ServicesOptions } from '../core/services/notebook-services'
import { seedSample, type SampleArticle } from '../core/services/sample'
import type { DurabilityOptions, DurabilitySession } from '../core/recovery/durability-session'
import { startNotebookDurability } from './notebook-durability'
import sample from '../../resources/sample/sample-article.json'
import { isProtected } from '../core/crypto/protection'
import { lockedNotebook, type NotebookProtection } from './notebook-lock'

export interface OpenedNotebook {
  store: NotebookStore
  services: Services
  /** Rolling snapshots and the hot-exit journal of the open store; null while a protected notebook is locked. */
  durability: DurabilitySession | null
  /** True when this launch created the notebook (and so seeded the sample article). */
  created: boolean
  /** Set for a notebook protected with a passphrase; it opens locked. */
  protection?: NotebookProtection
}

/**
 * Opens a notebook, creating the default one on first launch with the sample article, so a new analyst sees at once
 * what tagged claims, sources and questions look like. "First launch" means the index did not exist: a notebook
 * the analyst emptied on purpose is not refilled.
 */
export async function openAppNotebook(
  dir: string,
  onStatus: (status: StoreStatus) => void,
  options: { seedSample?: boolean; durability?: DurabilityOptions; services?: ServicesOptions } = {},
): Promise<OpenedNotebook> {
  if (await isProtected(dir)) {
    return lockedNotebook(
      dir,
      (fs) => NotebookStore.open(dir, { holder: 'Intel Notebook app', onStatus, fs }),
      (services, more) => startNotebookDurability(services, { ...options.durability, ...more }),
      options.services,
    )
  }
  const created = !existsSync(notebookLayout(dir).index)
  const store = await NotebookStore.open(dir, { holder: 'Intel Notebook app', onStatus })
  const services = createServices(store, undefined, options.services)
  // A notebook the analyst makes with File > New Notebook starts empty; its empty state says how to fill it.
  if (created && options.seedSample !== false && store.isEmpty && !store.readOnly) {
    try {
      await seedSample(services, sample as SampleArticle)
    } catch (err) {
      // The notebook itself is fine; the analyst only misses the example.
      console.error('[notebook] adding the sample article failed', err)
    }
  }
  return { store, services, created, durability: await startNotebookDurability(services, options.durability) }
}
