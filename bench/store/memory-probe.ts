/**
 * The memory of a process that holds one open notebook the way the app's main process does. First the store alone:
 * the store and the services, the library listed, the article cache filled by reading articles, and a few saves
 * made. Then as the app runs once its first screen is up: the views' catalogue built and the search index built,
 * with search in a process of its own. The app hosts search in an Electron utility process, which only Electron can
 * start; here a Node child process running the same worker over the same messages stands in for it. Its memory is
 * reported apart, as it is not part of main's.
 *   node --import tsx bench/store/memory-probe.ts DIR
 */
import { readFile } from 'node:fs/promises'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { childProcessWorker } from '../../src-main/core/search/worker-host'
import { editBody } from './edit'

/** The resident memory of this process's child processes (Linux's /proc), in bytes: here, the search process. */
async function childrenRss(): Promise<number> {
  const children = (await readFile(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean)
  let total = 0
  for (const pid of children) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    if (kb) total += Number(kb) * 1024
  }
  return total
}

const usage = () => {
  const m = process.memoryUsage()
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external }
}

const [dir] = process.argv.slice(2)
const store = await NotebookStore.open(dir!, { holder: 'bench memory probe' })
const services = createServices(store, undefined, { searchHost: childProcessWorker() })
const list = services.listArticles()
for (const meta of list.slice(0, 100)) await services.getArticle(meta.id)
for (let k = 0; k < 20; k++) await store.updateArticle(list[k]!.id, (f) => editBody(f, k))
await store.flush()
const storeOnly = usage()

// As the app does once the window is up: the catalogue and the search index build (search in its own process), the save warm-up runs.
services.startBackgroundWork()
const claims = await services.claimsLedger()
const built = await services.searchIndexReady()
const found = await services.search({ text: 'ministry' })
const app = usage()
const searchRss = await childrenRss()
await services.closeSearch()
await store.close()
console.log(JSON.stringify({ ...app, storeOnly, searchRss, articles: list.length, claims: claims.length, indexed: built.articles, hits: found.totalHits }))
