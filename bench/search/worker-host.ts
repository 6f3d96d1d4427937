/**
 * The product's search worker, fed from the generated notebook instead of disk: the same SearchIndex and the
 * same query message, so timing a query from the main thread measures it end to end, postMessage both ways.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { SearchIndex } from '../../src-main/core/search/search-index'
import { generateCorpus, REGISTRY, type CorpusOptions } from './corpus'
import type { ToWorker } from '../../src-main/core/search/protocol'

const port = parentPort!
const index = new SearchIndex()
index.setRegistry(REGISTRY)
const started = performance.now()
for (const article of generateCorpus(workerData as CorpusOptions)) index.upsert(article)
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
port.postMessage({ type: 'built', ms: performance.now() - started, heapMB: process.memoryUsage().heapUsed / 1e6 })
port.on('message', (m: ToWorker) => {
  if (m.type === 'query') port.postMessage({ type: 'result', id: m.id, response: index.search(m.query) })
})
