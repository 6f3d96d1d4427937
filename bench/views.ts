/**
 * The "views" section: the claims ledger, the source registry and the question tracker over a generated notebook
 * (M: 10,000 articles × 20 annotations; `--size S` for 1,000), computed the old way (reading every article file per
 * request) and from the notebook's catalogue, side by side in this run; the catalogue's one-off build, and the heap
 * it keeps.
 *
 *   npm run bench -- views            (notebook M)
 *   npm run bench -- views --size S
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { NotebookStore } from '../src-main/core/store/notebook-store'
import { catalogueOf } from '../src-main/core/catalogue/notebook-catalogue'
import { catalogueData, scannedData, type NotebookData } from '../src-main/core/catalogue/notebook-data'
import { claimsLedger } from '../src-main/core/ledger/claims-ledger'
import { registryRows } from '../src-main/core/ledger/registry-view'
import { questionRows } from '../src-main/core/ledger/question-tracker'
import type { BenchContext } from './lib/section'
import { mb, ms, percentile, ratio, sleep } from './lib/stats'
import { table } from './lib/table'
import { generatedNotebook, SIZES, type Size } from './store/generate'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const VIEWS: Array<{ name: string; run: (data: NotebookData) => unknown[] }> = [
  { name: 'claims ledger', run: (d) => claimsLedger(d) },
  { name: 'source registry', run: (d) => registryRows(d) },
  { name: 'question tracker', run: (d) => questionRows(d) },
]
const SCAN_RUNS: Record<Size, number> = { S: 5, M: 3 }
const CATALOGUE_RUNS = 30

async function heapAfterGc(): Promise<number> {
  gc()
  await sleep(100)
  gc()
  return process.memoryUsage().heapUsed
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now()
  const result = await fn()
  return { ms: performance.now() - t, result }
}

export async function viewsBench(ctx: BenchContext): Promise<void> {
  const { out } = ctx
  const sizeArg = ctx.args[ctx.args.indexOf('--size') + 1]
  const size: Size = ctx.args.includes('--size') && sizeArg && sizeArg in SIZES ? (sizeArg as Size) : 'M'
  const nb = await generatedNotebook(size, out)
  // Read-only: the views only read, and the generated notebook stays as generated for the next run.
  const store = await NotebookStore.open(nb.dir, { holder: 'bench views', readOnly: true })
  try {
    const before: Record<string, number[]> = {}
    let rows: Record<string, number> = {}
    for (const v of VIEWS) {
      before[v.name] = []
      for (let i = 0; i < SCAN_RUNS[size]; i++) {
        const t = await timed(async () => v.run(await scannedData(store)))
        before[v.name]!.push(t.ms)
        rows = { ...rows, [v.name]: t.result.length }
      }
    }

    const heapBefore = await heapAfterGc()
    const build = await timed(() => catalogueOf(store).ready())
    const heapAfter = await heapAfterGc()
    const size_ = catalogueOf(store).size

    const after: Record<string, number[]> = {}
    for (const v of VIEWS) {
      after[v.name] = []
      for (let i = 0; i < CATALOGUE_RUNS; i++) {
        const t = await timed(async () => v.run(await catalogueData(store)))
        after[v.name]!.push(t.ms)
        if (t.result.length !== rows[v.name]) throw new Error(`${v.name}: ${t.result.length} rows from the catalogue, ${rows[v.name]} from the full scan`)
      }
    }

    out(`   notebook ${size}: ${nb.articles.toLocaleString('en')} articles, ${size_.annotations.toLocaleString('en')} annotations`)
    const lines: string[][] = [['request', 'rows', `full scan p50 (${SCAN_RUNS[size]} runs)`, `catalogue p50 (${CATALOGUE_RUNS} runs)`, 'catalogue p95', 'faster']]
    for (const v of VIEWS) {
      const b = percentile(before[v.name]!, 0.5)
      const a = percentile(after[v.name]!, 0.5)
      lines.push([v.name, rows[v.name]!.toLocaleString('en'), ms(b), ms(a), ms(percentile(after[v.name]!, 0.95)), ratio(b / a)])
    }
    for (const l of table(lines)) out(`   ${l}`)
    out(`   catalogue build, once (first use, or after the first screen): ${ms(build.ms)}`)
    out(`   catalogue memory (heap after GC, built minus not built): ${mb(heapAfter - heapBefore)}`)
  } finally {
    await store.close()
  }
}
