/**
 * The "search" section of the benchmarks: MiniSearch and FlexSearch on notebook M (DESIGN.md: 10k articles ×
 * 800 words × 20 annotations), then the product's search end to end, and writing and reading back its index cache.
 * Every figure is measured in this one run.
 *
 *   npx tsx bench/search.ts                 (BENCH_ARTICLES=1000 for a quick run on notebook S)
 *
 * bench/sections.ts runs it as the "search" section; a missed target makes the run exit non-zero.
 *
 * FlexSearch is the dependency the app ships. MiniSearch is a development dependency for this comparison only;
 * where it is missing the section says so and measures the rest.
 */
import { loadavg } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { pathToFileURL } from 'node:url'
import type { SearchQuery, SearchResponse } from '../src-main/shared/model/search'
import { spawnWorker } from '../src-main/core/workers/spawn-worker'
import { generateCorpus, type CorpusOptions } from './search/corpus'
import { asYouType } from './search/queries'
import { documents, flexSearch, type Engine } from './search/engines'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapMB(): number {
  gc()
  return process.memoryUsage().heapUsed / 1e6
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`

/** Queries run three times in the as-you-type order; the first pass warms the JIT and is not counted. */
function timeQueries(run: (q: { text: string }) => void, queries: Array<{ text: string }>): number[] {
  for (const q of queries) run(q)
  const times: number[] = []
  for (let rep = 0; rep < 2; rep++) {
    for (const q of queries) {
      const t = performance.now()
      run(q)
      times.push(performance.now() - t)
    }
  }
  return times
}

async function engineRow(make: () => Engine | null | Promise<Engine | null>, corpus: CorpusOptions, out: (s: string) => void) {
  const before = heapMB()
  const engine = await make()
  if (!engine) return null
  let id = 0
  const t = performance.now()
  for (const article of generateCorpus(corpus)) for (const text of documents(article)) engine.add(id++, text)
  const buildMs = performance.now() - t
  const mem = heapMB() - before
  const queries = asYouType().filter((q) => !q.facets)
  const times = timeQueries((q) => engine.query(q.text), queries)
  const row = { name: engine.name, buildMs, mem, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times) }
  out(`  ${row.name.padEnd(20)} build ${(buildMs / 1000).toFixed(1)} s · heap ${mem.toFixed(0)} MB · per query p50 ${fmt(row.p50)} · p95 ${fmt(row.p95)} · max ${fmt(row.max)} (${times.length} queries)`)
  return row
}

async function endToEnd(corpus: CorpusOptions, out: (s: string) => void) {
  const worker = spawnWorker(new URL('./search/worker-host.ts', import.meta.url), corpus)
  const built = await new Promise<{ ms: number; heapMB: number }>((resolve, reject) => {
    worker.once('error', reject)
    worker.on('message', (m: { type: string; ms: number; heapMB: number }) => m.type === 'built' && resolve(m))
  })
  let next = 1
  const waiting = new Map<number, (r: SearchResponse) => void>()
  worker.on('message', (m: { type: string; id: number; response: SearchResponse }) => {
    if (m.type === 'result') waiting.get(m.id)?.(m.response)
  })
  const ask = (query: SearchQuery) =>
    new Promise<SearchResponse>((resolve) => {
      const id = next++
      waiting.set(id, resolve)
      worker.postMessage({ type: 'query', id, query })
    })
  const queries = asYouType()
  for (const q of queries) await ask(q)
  const times: number[] = []
  let groups = 0
  for (let rep = 0; rep < 2; rep++) {
    for (const q of queries) {
      const t = performance.now()
      const r = await ask(q)
      times.push(performance.now() - t)
      groups += r.groups.length
    }
  }
  const cache = await new Promise<{ saveMs: number; loadMs: number; bytes: number; articles: number }>((resolve) => {
    worker.on('message', (m: { type: string; saveMs: number; loadMs: number; bytes: number; articles: number }) => m.type === 'cached' && resolve(m))
    worker.postMessage({ type: 'cache' })
  })
  await worker.terminate()
  const p95 = percentile(times, 0.95)
  out(`  product, end to end   index built in the worker in ${(built.ms / 1000).toFixed(1)} s · worker heap ${built.heapMB.toFixed(0)} MB`)
  out(`                        per query (facets, grouping, snippets, postMessage both ways) p50 ${fmt(percentile(times, 0.5))} · p95 ${fmt(p95)} · max ${fmt(Math.max(...times))} (${times.length} queries, ${(groups / times.length).toFixed(1)} articles shown on average)`)
  out(`                        target p95 ≤ 15 ms: ${p95 <= 15 ? 'met' : 'NOT met'}`)
  out(`  index cache            written in ${(cache.saveMs / 1000).toFixed(1)} s (${(cache.bytes / 1e6).toFixed(0)} MB) · read back with ${cache.articles} articles in ${(cache.loadMs / 1000).toFixed(1)} s, against ${(built.ms / 1000).toFixed(1)} s to build`)
  return { p95 }
}

export async function searchBench(out: (s: string) => void = console.log): Promise<{ p95: number }> {
  const articles = Number(process.env.BENCH_ARTICLES ?? 10000)
  const corpus: CorpusOptions = { articles, words: 800, annotations: 20 }
  out(`search — ${articles} articles × 800 words × 20 annotations (${articles * 21} documents), as-you-type prefixes of ${asYouType().length} queries; load average ${loadavg()[0]!.toFixed(1)} on this machine`)
  const mini = await engineRow(async () => {
    try {
      const { miniSearch } = await import('./search/engines-minisearch')
      return miniSearch()
    } catch {
      out('  MiniSearch           not installed: npm i --no-save minisearch@7.2.0 to compare')
      return null
    }
  }, corpus, out)
  const flex = await engineRow(flexSearch, corpus, out)
  if (mini && flex) out(`  FlexSearch vs MiniSearch: p95 ${(mini.p95 / flex.p95).toFixed(1)}× faster, heap ${(flex.mem / mini.mem).toFixed(2)}× , build ${(flex.buildMs / mini.buildMs).toFixed(2)}×`)
  gc()
  return endToEnd(corpus, out)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await searchBench()
