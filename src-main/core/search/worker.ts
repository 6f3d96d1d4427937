/**
 * The search worker: builds the index off the main thread at startup, reading the notebook's files itself,
 * then keeps it current from the updates main sends and answers queries. Messages are handled in order; the
 * build yields between small batches so queries and updates are answered while it runs.
 */
import { parentPort } from 'node:worker_threads'
import { NotebookStore } from '../store/notebook-store'
import { SearchIndex } from './search-index'
import { searchArticle } from './documents'
import type { FromWorker, ToWorker } from './protocol'

const port = parentPort
if (!port) throw new Error('search worker started outside a worker thread')

const index = new SearchIndex()
/** Articles main has sent since the build began: the build's snapshot of them is older, so it skips them. */
const fresh = new Set<string>()
/** Articles deleted since the build began. */
const removed = new Set<string>()
let progress: { done: number; total: number } | null = null

const send = (m: FromWorker) => port.postMessage(m)
const yieldToMessages = () => new Promise<void>((r) => setImmediate(r))

async function build(root: string): Promise<void> {
  const started = performance.now()
  // Queries answered before the notebook is even open must say the index is still coming, or the window would stop asking.
  progress = { done: 0, total: 0 }
  const store = await NotebookStore.open(root, { holder: 'the search index', readOnly: true })
  const skipped: string[] = []
  try {
    const metas = [...store.index.articles]
    progress.total = metas.length
    for (const meta of metas) {
      if (!fresh.has(meta.id) && !removed.has(meta.id)) {
        try {
          index.upsert(searchArticle(meta, await store.readArticle(meta.id)))
        } catch {
          // A damaged or vanished file is the store's to report; search carries on without it.
          skipped.push(meta.id)
        }
      }
      progress.done++
      if (progress.done % 25 === 0) {
        send({ type: 'progress', ...progress })
        await yieldToMessages()
      }
    }
  } finally {
    await store.close()
  }
  progress = null
  send({ type: 'built', articles: index.size, ms: performance.now() - started, skipped })
}

port.on('message', (m: ToWorker) => {
  try {
    switch (m.type) {
      case 'build':
        build(m.root).catch((err: unknown) => send({ type: 'error', id: null, message: (err as Error).message }))
        break
      case 'upsert':
        fresh.add(m.meta.id)
        removed.delete(m.meta.id)
        index.upsert(searchArticle(m.meta, m.file))
        break
      case 'remove':
        removed.add(m.id)
        index.remove(m.id)
        break
      case 'registry':
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
