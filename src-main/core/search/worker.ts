/**
 * The search worker: builds the index off main's thread (in the app, in a process of its own) at startup, from the index cache where it holds an
 * article unchanged and from the notebook's files for the rest, then keeps it current from the updates main sends,
 * answers queries, and writes the cache again when the build changed anything. Messages are handled in order; the
 * build yields between small batches so queries and updates are answered while it runs.
 */
import { NotebookStore } from '../store/notebook-store'
import { SearchIndex } from './search-index'
import { searchArticle } from './documents'
import { articleFingerprint, loadSearchCache, saveSearchCache, type CachedIndex } from './index-cache'
import type { FromWorker, SearchWorkerKey, ToWorker } from './protocol'
import { realFs, type FsOps } from '../store/fs-ops'
import { encryptedFs } from '../crypto/encrypted-fs'
import { FileCipher } from '../crypto/envelope'
import { parentChannel } from '../workers/parent-channel'

// A thread of the CLI or the tests, or in the app an Electron utility process: the same script over either.
const port = parentChannel<ToWorker, FromWorker>()

let index = new SearchIndex()
/** The registry as main last sent it: an index read back from the cache starts without one. */
let registry: Parameters<SearchIndex['setRegistry']>[0] = []
/** Articles main has sent since the build began: the build's snapshot of them is older, so it skips them. */
const fresh = new Set<string>()
/** Articles deleted since the build began. */
const removed = new Set<string>()
/** What each article's file and metadata were when it was indexed from disk; '' for what main sent. */
const fingerprints = new Map<string, string>()
let progress: { done: number; total: number } | null = null
/** A cache write in progress: closing waits for it, so the CLI never leaves one half written. */
let saving: Promise<void> = Promise.resolve()

const send = (m: FromWorker) => port.post(m)
const yieldToMessages = () => new Promise<void>((r) => setImmediate(r))

async function build(root: string, key: SearchWorkerKey | null): Promise<void> {
  const started = performance.now()
  // Queries answered before the notebook is even open must say the index is still coming, or the window would stop asking.
  progress = { done: 0, total: 0 }
  // From here until the cache is read back, updates from main are kept to apply again to the index it holds.
  restoring = true
  // A protected notebook is read, and its cache written, sealed under its data key, like every file of it.
  const fs: FsOps = key ? encryptedFs(new FileCipher(key.generation, key.key), root) : realFs
  const store = await NotebookStore.open(root, { holder: 'the search index', readOnly: true, fs }).catch((err: unknown) => {
    restoring = false
    pending.length = 0
    throw err
  })
  const skipped: string[] = []
  let changed = 0
  let cache: CachedIndex | null = null
  try {
    const notebookId = store.index.notebook.id
    cache = await loadSearchCache(root, notebookId, fs)
    restoring = false
    if (!cache) pending.length = 0
    else {
      // Whatever main sent meanwhile is newer than the cache: it goes on top of the restored index.
      const restored = SearchIndex.restore(cache.snapshot)
      restored.setRegistry(registry)
      for (const [id, fp] of cache.fingerprints) if (!fresh.has(id) && !removed.has(id)) fingerprints.set(id, fp)
      replay(restored)
      index = restored
    }
    const metas = [...store.index.articles]
    const listed = new Set(metas.map((m) => m.id))
    progress.total = metas.length
    for (const meta of metas) {
      if (!fresh.has(meta.id) && !removed.has(meta.id)) {
        try {
          // The fingerprint is taken before the read: a change in between makes it stale, never the cache wrong.
          const fp = await articleFingerprint(meta, store.layout.article(meta.id), fs)
          if (!cache || fingerprints.get(meta.id) !== fp || !index.has(meta.id)) {
            const file = await store.readArticle(meta.id)
            if (!fresh.has(meta.id) && !removed.has(meta.id)) {
              index.upsert(searchArticle(meta, file))
              fingerprints.set(meta.id, fp)
              changed++
            }
          }
        } catch {
          // A damaged or vanished file is the store's to report; search carries on without it.
          skipped.push(meta.id)
          index.remove(meta.id)
          fingerprints.delete(meta.id)
        }
      }
      progress.done++
      if (progress.done % 25 === 0) {
        send({ type: 'progress', ...progress })
        await yieldToMessages()
      }
    }
    // Articles in the cache that the notebook no longer lists.
    for (const id of [...fingerprints.keys()]) {
      if (!listed.has(id) && !fresh.has(id)) {
        index.remove(id)
        fingerprints.delete(id)
        changed++
      }
    }
    progress = null
    send({ type: 'built', articles: index.size, ms: performance.now() - started, skipped, fromCache: !!cache, reindexed: changed })
    if (!cache || changed > 0) {
      const snapshot = index.snapshot()
      saving = saveSearchCache(root, notebookId, snapshot, fingerprints, fs).catch(() => {
        // The cache only saves time; a notebook on a full or read-only disk still searches.
      })
      await saving
    }
  } finally {
    progress = null
    restoring = false
    pending.length = 0
    await store.close()
  }
}

/** Updates that arrived while the cache was read, in the order they came, to apply again to the index read back. */
const pending: ToWorker[] = []
let restoring = false

function replay(target: SearchIndex): void {
  for (const m of pending.splice(0)) apply(target, m)
}

function apply(target: SearchIndex, m: ToWorker): void {
  if (m.type === 'upsert') target.upsert(searchArticle(m.meta, m.file))
  else if (m.type === 'remove') target.remove(m.id)
}

port.listen((m) => {
  try {
    switch (m.type) {
      case 'build':
        build(m.root, m.key).catch((err: unknown) => send({ type: 'error', id: null, message: (err as Error).message }))
        break
      case 'upsert':
        fresh.add(m.meta.id)
        removed.delete(m.meta.id)
        fingerprints.set(m.meta.id, '')
        if (restoring) pending.push(m)
        apply(index, m)
        break
      case 'remove':
        removed.add(m.id)
        fingerprints.delete(m.id)
        if (restoring) pending.push(m)
        apply(index, m)
        break
      case 'close':
        void saving.then(() => send({ type: 'closed' }))
        break
      case 'registry':
        registry = m.entries
        index.setRegistry(m.entries)
        break
      case 'query':
        send({ type: 'result', id: m.id, response: { ...index.search(m.query), indexing: progress && { ...progress } } })
        break
    }
  } catch (err) {
    send({ type: 'error', id: m.type === 'query' ? m.id : null, message: (err as Error).message })
  }
})
