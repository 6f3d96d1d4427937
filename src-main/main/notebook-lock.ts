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
import { createServices, type Services } from '../core/services/notebook-services'
import { openProtection } from '../core/crypto/protection'
import type { FileCipher } from '../core/crypto/envelope'
import { UserError } from '../core/errors'

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
}

export interface LockableNotebook {
  store: NotebookStore
  services: Services
  created: boolean
  protection: NotebookProtection
}

/** Opens a protected notebook locked; `openStore` opens its store through the decrypting file system once unlocked. */
export function lockedNotebook(dir: string, openStore: (fs: FsOps) => Promise<NotebookStore>): LockableNotebook {
  const standIn = standIns(dir)
  let cipher: FileCipher | null = null
  let busy: Promise<void> = Promise.resolve()
  // Unlock and lock run one at a time, so an idle lock cannot interleave with an unlock in flight.
  const serial = (run: () => Promise<void>): Promise<void> => {
    const next = busy.then(run, run)
    busy = next.catch(() => {})
    return next
  }
  const notebook: LockableNotebook = {
    ...standIn,
    created: false,
    protection: {
      get locked() {
        return cipher === null
      },
      unlock: (passphrase) =>
        serial(async () => {
          if (cipher) return
          const opened = await openProtection(dir, passphrase)
          const store = await openStore(opened.fs)
          notebook.store = store
          notebook.services = createServices(store)
          cipher = opened.cipher
        }),
      lock: () =>
        serial(async () => {
          if (!cipher) return
          const { store, services } = notebook
          // The stand-ins go in first, so no call that arrives during the close reaches the store.
          notebook.store = standIn.store
          notebook.services = standIn.services
          const key = cipher
          cipher = null
          try {
            await services.closeSearch().catch(() => {})
            await store.close()
          } finally {
            key.destroy()
          }
        }),
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
    // Main starts and stops the search index (and starts the catalogue) around the window and notebook switches; locked, there is none.
    startSearchIndex: () => {},
    startCatalogue: () => {},
    closeSearch: async () => {},
  }
  const refusing = <T>(known: Partial<Record<string | symbol, unknown>>): T =>
    new Proxy(known, { get: (target, prop) => (prop in target ? target[prop] : prop === 'then' ? undefined : refuse) }) as T
  return { store: refusing<NotebookStore>(store), services: refusing<Services>(services) }
}
