/**
 * A notebook protected with a passphrase, as the app holds it: opened locked (nothing read, nothing decrypted),
 * unlocked when the window sends the passphrase, and locked again after a time without use. While locked, the
 * store and services the rest of main sees are stand-ins that refuse every call, so no path can reach content.
 * No electron import: the e2e harness drives exactly this.
 */
import { basename } from 'node:path'
import type { NotebookStore } from '../core/store/notebook-store'
import { notebookLayout } from '../core/store/layout'
import type { FsOps } from '../core/store/fs-ops'
import { createServices, type Services, type ServicesOptions } from '../core/services/notebook-services'
import { openProtection } from '../core/crypto/protection'
import type { FileCipher } from '../core/crypto/envelope'
import { UserError } from '../core/errors'
import type { DurabilityOptions, DurabilitySession } from '../core/recovery/durability-session'
import { closeOpenedNotebook } from './notebook-durability'

export class NotebookLockedError extends UserError {
  override name = 'NotebookLockedError'
  constructor() {
    super('The notebook is locked; unlock it with its passphrase to go on.')
  }
}

export interface NotebookProtection {
  readonly locked: boolean
  /** Opens the store with the passphrase; a wrong one is refused and nothing changes. */
  unlock(passphrase: string): Promise<void>
  /** Drains pending writes, closes the store and forgets the key. */
  lock(): Promise<void>
  /**
   * Closes the unlocked store, runs `work` on the notebook's folder through its decrypting file system (a restore
   * from a backup), and opens the store again with the same key, so the analyst is not asked for the passphrase.
   */
  whileClosed<T>(work: (fs: FsOps) => Promise<T>): Promise<T>
}

export interface LockableNotebook {
  store: NotebookStore
  services: Services
  /** Snapshots and the hot-exit journal, while unlocked. */
  durability: DurabilitySession | null
  created: boolean
  protection: NotebookProtection
}

/**
 * Opens a protected notebook locked; `openStore` opens its store through the decrypting file system once unlocked,
 * and `startDurability` starts its snapshots and journal (which then go through that file system as well).
 */
export function lockedNotebook(
  dir: string,
  openStore: (fs: FsOps) => Promise<NotebookStore>,
  startDurability: (services: Services, options: DurabilityOptions) => Promise<DurabilitySession | null> = async () => null,
  servicesOptions: ServicesOptions = {},
): LockableNotebook {
  const standIn = standIns(dir)
  let cipher: FileCipher | null = null
  let busy: Promise<void> = Promise.resolve()
  // Unlock and lock run one at a time, so an idle lock cannot interleave with an unlock in flight.
  const serial = (run: () => Promise<void>): Promise<void> => {
    const next = busy.then(run, run)
    busy = next.catch(() => {})
    return next
  }
  let fs: FsOps | null = null
  const open = async (through: FsOps, options: DurabilityOptions = {}) => {
    const store = await openStore(through)
    const services = createServices(store, undefined, servicesOptions)
    notebook.durability = await startDurability(services, options)
    notebook.store = store
    notebook.services = services
  }
  const close = async () => {
    const { store, services, durability } = notebook
    // The stand-ins go in first, so no call that arrives during the close reaches the store.
    notebook.store = standIn.store
    notebook.services = standIn.services
    notebook.durability = null
    await closeOpenedNotebook({ store, services, durability })
  }
  const notebook: LockableNotebook = {
    ...standIn,
    durability: null,
    created: false,
    protection: {
      get locked() {
        return cipher === null
      },
      unlock: (passphrase) =>
        serial(async () => {
          if (cipher) return
          const opened = await openProtection(dir, passphrase)
          await open(opened.fs)
          cipher = opened.cipher
          fs = opened.fs
        }),
      lock: () =>
        serial(async () => {
          if (!cipher) return
          const key = cipher
          cipher = null
          fs = null
          try {
            await close()
          } finally {
            key.destroy()
          }
        }),
      whileClosed: <T>(work: (through: FsOps) => Promise<T>) => {
        let result!: T
        return serial(async () => {
          if (!cipher || !fs) throw new NotebookLockedError()
          const through = fs
          await close()
          try {
            result = await work(through)
          } finally {
            await open(through, { launchSnapshot: false })
          }
        }).then(() => result)
      },
    },
  }
  return notebook
}

/** Store and services for a locked notebook: its name and folder are known, everything else is refused. */
function standIns(dir: string): { store: NotebookStore; services: Services } {
  const refuse = () => {
    throw new NotebookLockedError()
  }
  const name = basename(dir)
  const store: Partial<Record<string | symbol, unknown>> = {
    index: { notebook: { id: '', name, createdAt: new Date(0).toISOString() }, articles: [], sources: [], tags: [], links: [], briefs: [] },
    layout: notebookLayout(dir),
    readOnly: true,
    isEmpty: false,
    notices: [],
    failingFiles: [],
    failingWrites: [],
    lastSavedAt: null,
    pendingWrites: 0,
    flush: async () => {},
    close: async () => {},
    retryFailedWrites: () => {},
  }
  const services: Partial<Record<string | symbol, unknown>> = {
    // Main starts the background work (search index, catalogue, save warm-up) and stops the search around the window and notebook switches; locked, there is none.
    startBackgroundWork: () => {},
    closeSearch: async () => {},
  }
  const refusing = <T>(known: Partial<Record<string | symbol, unknown>>): T =>
    new Proxy(known, { get: (target, prop) => (prop in target ? target[prop] : prop === 'then' ? undefined : refuse) }) as T
  return { store: refusing<NotebookStore>(store), services: refusing<Services>(services) }
}
