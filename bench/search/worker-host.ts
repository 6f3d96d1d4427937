/**
 * The product's search worker, fed from the generated notebook instead of disk: the same SearchIndex and the
 * same query message, so timing a query from the main thread measures it end to end, postMessage both ways.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { SearchIndex } from '../../src-main/core/search/search-index'
import { generateCorpus, REGISTRY, type CorpusOptions } from './corpus'
import type { ToWorker } from '../../src-main/core/search/protocol'
import { loadSearchCache, saveSearchCache, searchCachePath } from '../../src-main/core/search/index-cache'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const port = parentPort!
const index = new SearchIndex()
index.setRegistry(REGISTRY)
const started = performance.now()
for (const article of generateCorpus(workerData as CorpusOptions)) index.upsert(article)
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
port.postMessage({ type: 'built', ms: performance.now() - started, heapMB: process.memoryUsage().heapUsed / 1e6 })
port.on('message', (m: ToWorker | { type: 'cache' }) => {
  if (m.type === 'query') port.postMessage({ type: 'result', id: m.id, response: index.search(m.query) })
  if (m.type === 'cache') void timeCache().then((r) => port.postMessage({ type: 'cached', ...r }))
})

/** The index cache the CLI and the next start read: written and read back in a temporary folder. */
async function timeCache() {
  const dir = await mkdtemp(join(tmpdir(), 'search-bench-'))
  try {
    const fingerprints = new Map<string, string>()
    let t = performance.now()
    await saveSearchCache(dir, 'bench', index.snapshot(), fingerprints)
    const saveMs = performance.now() - t
    const bytes = (await stat(searchCachePath(dir))).size
    t = performance.now()
    const cached = await loadSearchCache(dir, 'bench')
    const restored = SearchIndex.restore(cached!.snapshot)
    const loadMs = performance.now() - t
    return { saveMs, loadMs, bytes, articles: restored.size }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
