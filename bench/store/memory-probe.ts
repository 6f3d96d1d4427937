/**
 * The memory of a process that holds one open notebook the way main does: the store and the services, the library
 * listed, the article cache filled by reading articles, and a few saves made. Nothing else shares its heap.
 *   node --import tsx bench/store/memory-probe.ts DIR
 */
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { editBody } from './edit'

const [dir] = process.argv.slice(2)
const store = await NotebookStore.open(dir!, { holder: 'bench memory probe' })
const services = createServices(store)
const list = services.listArticles()
for (const meta of list.slice(0, 100)) await services.getArticle(meta.id)
for (let k = 0; k < 20; k++) await store.updateArticle(list[k]!.id, (f) => editBody(f, k))
await store.flush()
const m = process.memoryUsage()
await store.close()
console.log(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, articles: list.length }))
