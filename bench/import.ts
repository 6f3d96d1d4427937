/**
 * The "import" section of the benchmarks (issue: importing 100 saved news pages in a batch, with the window staying
 * responsive). The same 100 distinct pages are imported twice, each time into a fresh notebook through the services
 * main uses: once with the import pool (parsing in worker threads, as the app does) and once with the pipeline run
 * on the calling thread, as it ran before the pool. Printed per run: the time each page took to land (from one
 * file's result to the next, the first from the start), the batch total, and the longest stall of this thread's event loop during the batch,
 * which is what the window would feel.
 *
 * Pages: the ten real pages of ../shared/fixtures/news-pages beside the repository (or the folder given with
 * --pages DIR), each made distinct by a paragraph of its own; without them, pages made from the project's news-page
 * fixture.
 *
 *   npm run bench -- import [--pages DIR] [--count N]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { join, resolve } from 'node:path'
import { NotebookStore } from '../src-main/core/store/notebook-store'
import { createServices } from '../src-main/core/services/notebook-services'
import { ImportPool, type Importer } from '../src-main/core/import/import-pool'
import { distinctPages, generatedNewsPages, savedPages, type PageFile } from '../test/fixtures/import/news-batch'
import type { BenchContext } from './lib/section'
import { timeAndBlocking } from './lib/loop-block'
import { ms, percentile } from './lib/stats'
import { table } from './lib/table'

const ROOT = resolve(import.meta.dirname, '..')
const DEFAULT_PAGES = resolve(ROOT, '../shared/fixtures/news-pages')
const BUILT_WORKER = resolve(ROOT, 'out/main/import-worker.js')

/**
 * The pipeline on the calling thread, one file at a time, as importFiles ran it before the pool: the baseline. Each
 * page is parsed in one synchronous stretch, and the event loop turns between pages (as it did while each article
 * was written), so its longest stall is one page's parse, its best case.
 */
function inThreadImporter(): Importer {
  let chain: Promise<unknown> = Promise.resolve()
  const turn = () => new Promise<void>((r) => setImmediate(r))
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(turn).then(work)
    chain = next.catch(() => undefined)
    return next
  }
  const pipeline = () => import('../src-main/core/import/import-file')
  return {
    importFile: (file) => serial(async () => (await pipeline()).importFile(file)),
    importPasted: (input) => serial(async () => (await pipeline()).importPasted(input)),
  }
}

interface Run {
  label: string
  perPage: number[]
  totalMs: number
  blockedMs: number
  statuses: Record<string, number>
}

async function runBatch(label: string, importer: Importer, pages: PageFile[]): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-bench-import-'))
  const store = await NotebookStore.open(dir, { holder: 'import benchmark' })
  try {
    const services = createServices(store, undefined, { importer })
    const landed: number[] = []
    const { ms: totalMs, blockedMs, result } = await timeAndBlocking(() => {
      landed.push(performance.now())
      return services.importFiles(pages, () => landed.push(performance.now()))
    })
    const perPage = landed.slice(1).map((t, i) => t - landed[i]!)
    const statuses: Record<string, number> = {}
    for (const r of result) statuses[r.status] = (statuses[r.status] ?? 0) + 1
    return { label, perPage, totalMs, blockedMs, statuses }
  } finally {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

export async function importBench(ctx: BenchContext): Promise<void> {
  const count = Number(option(ctx.args, '--count') ?? 100)
  const dir = option(ctx.args, '--pages') ?? DEFAULT_PAGES
  const real = savedPages(dir)
  const pages = real ? distinctPages(real, count) : generatedNewsPages(count)
  const bytes = pages.reduce((n, p) => n + p.bytes.byteLength, 0)
  ctx.out(
    real
      ? `   ${count} pages from the ${real.length} saved news pages in ${dir}, each with a paragraph of its own (${(bytes / 1024 / 1024).toFixed(1)} MB)`
      : `   ${count} pages made from test/fixtures/import/hostile-news-page.html (${dir} is absent; ${(bytes / 1024 / 1024).toFixed(1)} MB)`,
  )

  // The worker as the app ships it when it has been built; from source through tsx otherwise.
  const built = existsSync(BUILT_WORKER)
  const pool = new ImportPool(built ? { workerUrl: pathToFileURL(BUILT_WORKER) } : {})
  // Both runs start warm: the parsers are loaded once (in the worker, and on this thread) before the clock starts.
  const warmUp = generatedNewsPages(1)[0]!
  const inThread = inThreadImporter()
  await pool.importFile(warmUp)
  await inThread.importFile(warmUp)

  const runs = [await runBatch('worker pool (the app)', pool, pages), await runBatch('on main, one by one (baseline)', inThread, pages)]
  await pool.close()

  const workers = Math.max(1, Math.min(2, availableParallelism() - 1))
  ctx.out(`   pool: ${workers} worker(s) on ${availableParallelism()} cores, running ${built ? 'out/main/import-worker.js' : 'the worker from source (run `npm run build` for the shipped bundle)'}`)
  const rows = [['batch', 'p50/page', 'p95/page', 'mean/page', 'total', 'longest main stall', 'results']]
  for (const r of runs) {
    const mean = r.perPage.reduce((a, b) => a + b, 0) / r.perPage.length
    const results = Object.entries(r.statuses)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')
    rows.push([r.label, ms(percentile(r.perPage, 0.5)), ms(percentile(r.perPage, 0.95)), ms(mean), ms(r.totalMs), ms(r.blockedMs), results])
  }
  for (const line of table(rows)) ctx.out(`   ${line}`)
  const [pooled, baseline] = runs as [Run, Run]
  ctx.out(`   longest stall of main's event loop: ${ms(pooled.blockedMs)} with the pool, ${ms(baseline.blockedMs)} on main`)
}
