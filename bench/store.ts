/**
 * The "store" section of the benchmarks (DESIGN.md's performance targets for the notebook store), on generated
 * notebooks S (1,000 articles) and M (10,000 articles × 800 words × 20 annotations):
 * open until the library list is ready; save after one edit, until on disk and how long it blocks the event loop;
 * the same save on a naive single-file lowdb holding the same data, and the floor (writing and fsyncing the same
 * bytes once, alone), both measured in this same run; how many disk writes twenty edits in one second cost;
 * a list-level change (the index rewritten); and the memory of main holding notebook M, with the store alone and as
 * the app runs it (catalogue built, search index built in a process of its own, whose memory is shown apart).
 *
 *   npm run bench -- store            (both sizes)
 *   npm run bench -- store --size S   (one size)
 */
import { link, mkdir, open as openFile, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { PerformanceObserver } from 'node:perf_hooks'
import { NotebookStore } from '../src-main/core/store/notebook-store'
import { notebookLayout } from '../src-main/core/store/layout'
import { atomicWrite } from '../src-main/core/store/atomic-write'
import { OpenFolders } from '../src-main/core/store/folder-handles'
import { createServices } from '../src-main/core/services/notebook-services'
import type { BenchContext } from './lib/section'
import { mb, ms, percentile, ratio, sleep } from './lib/stats'
import { table, verdict } from './lib/table'
import { timeAndBlocking } from './lib/loop-block'
import { runProbe } from './lib/child'
import { generatedNotebook, SIZES, type GeneratedNotebook, type Size } from './store/generate'
import { editBody } from './store/edit'
import { WARM_UP, warmUpSaves } from '../src-main/core/store/save-warm-up'

const TARGET = { openMs: 400, saveP95Ms: 50, blockMs: 5, vsLowdb: 50, vsFloor: 2, memoryMB: 400 }
const OPEN_RUNS = 12
const OPEN_WARMUP = 2
/**
 * Timed saves per pass. A p95 of 100 rests on its five slowest, and the ratio to the floor divides two such tails:
 * with 300 it rests on fifteen. Eight runs with 100 printed a ratio at p95 of 1.34×-2.03×, eight with 300 printed
 * 1.25×-1.98×: what is left of the spread between runs is the host's. The first pass stays at 100: before the save
 * warm-up, the burst of compiling it shows was over within 25-50 saves.
 */
const SAVES = 300
const FIRST_SAVES = 100
const LOWDB_SAVES: Record<Size, number> = { S: 10, M: 5 }
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * Collects what earlier phases of this run left behind (two dozen parses of the index, the articles read), so a
 * major collection owed to them does not land inside a save and get counted as the save's.
 */
async function settleHeap(): Promise<void> {
  gc()
  await sleep(200)
}

interface MemoryFigures {
  rss: number
  heapUsed: number
  /** The store alone, before the catalogue and search start. */
  storeOnly: { rss: number; heapUsed: number }
  /** The search process (a Node child process standing in for the app's utility process). */
  searchRss: number
}

interface Figures {
  open: number[]
  openChecked: number[]
  /** The first saves after opening, timed the same way, with their floors: shown apart, not judged. */
  first: { save: number[]; floor: number[]; warmUp: { serialised: number; ms: number } }
  save: number[]
  saveBlocked: number[]
  saveBusy: number[]
  /** For each save of the timed pass that had a garbage collection inside it, how long the collections took. */
  saveGc: number[]
  floor: number[]
  /** The saved bytes written again through the store's write protocol alone: no edit, no serialising. */
  protocol: number[]
  burstWrites: number
  indexSave: number[]
  indexBlocked: number[]
  memory: MemoryFigures | null
  lowdb: { openMs: number; saves: number[]; blocked: number[]; rss: number; error: string | null }
}

export async function storeBench(ctx: BenchContext): Promise<boolean> {
  const { out } = ctx
  const sizeArg = ctx.args[ctx.args.indexOf('--size') + 1]
  const sizes: Size[] = ctx.args.includes('--size') && sizeArg && sizeArg in SIZES ? [sizeArg as Size] : ['S', 'M']
  let ok = true
  for (const size of sizes) {
    const nb = await generatedNotebook(size, out)
    const scratch = join(tmpdir(), 'intel-notebook-bench', `run-${process.pid}-${size}`)
    try {
      await linkTree(nb.dir, join(scratch, 'notebook'))
      await link(nb.singleFile, join(scratch, 'single.json'))
      const figures = await measure(nb, join(scratch, 'notebook'), join(scratch, 'single.json'), size)
      ok = report(nb, figures, out) && ok
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }
  return ok
}

async function measure(nb: GeneratedNotebook, dir: string, singleFile: string, size: Size): Promise<Figures> {
  const timeOpens = async (): Promise<number[]> => {
    const times: number[] = []
    for (let run = 0; run < OPEN_RUNS; run++) {
      const t = performance.now()
      const store = await NotebookStore.open(dir, { holder: 'bench' })
      const list = createServices(store).listArticles()
      const elapsed = performance.now() - t
      if (list.length !== nb.articles) throw new Error(`the library lists ${list.length} articles, not ${nb.articles}`)
      if (run >= OPEN_WARMUP) times.push(elapsed)
      await store.close()
    }
    return times
  }
  const open = await timeOpens()
  // Without the record of the last write, as after a restore or a change made outside the app: the schema is checked.
  const checksum = notebookLayout(dir).indexChecksum
  const record = await readFile(checksum)
  await rm(checksum)
  const openChecked = await timeOpens()
  await writeFile(checksum, record)

  // One walk over the articles in a stride prime to their count, cut into the three passes, so no article is saved
  // in two of them, even at 1,000 articles, where the 700 saves take most of the notebook.
  const walk = (from: number, length: number) => Array.from({ length }, (_, k) => nb.ids[((from + k) * 7919 + 13) % nb.ids.length]!)
  const ids = walk(0, SAVES)
  const firstIds = walk(SAVES, FIRST_SAVES)
  const blockedIds = walk(SAVES + FIRST_SAVES, SAVES)
  const burstId = nb.ids[nb.ids.length >> 1]!
  const layout = notebookLayout(dir)
  await ownCopies([...new Set([...firstIds, ...ids, ...blockedIds, burstId])].map((id) => layout.article(id)))

  const store = await NotebookStore.open(dir, { holder: 'bench' })
  const saveBlocked: number[] = []
  const saveBusy: number[] = []
  const floorFile = join(dir, 'floor.bin')
  const folders = new OpenFolders()
  /**
   * Each save is followed by its floor: the same bytes written once into an existing file and fsynced, nothing
   * more. Taken in turns, the two see the same disk and the same load, and both are timed by the clock alone:
   * the blocking probe's 1 ms timer wakes the loop while it waits on the disk, and wrapped around the floor it
   * added about a quarter of a millisecond (p50 1.12 ms against 0.89 ms). Both start from an idle loop after the
   * same 5 ms pause, as a save starts when the editor's message arrives: a floor timed the moment the read of its
   * bytes returned ran on a loop still awake and took p50 0.93-0.96 ms against 1.09-1.14 ms after the pause.
   */
  const timeSaves = async (articles: string[], edit: number) => {
    const save: number[] = []
    const floor: number[] = []
    const protocol: number[] = []
    const spans: Array<{ start: number; end: number }> = []
    for (const [k, id] of articles.entries()) {
      // The article being edited is open, so the store has it in memory, as the editor's save finds it.
      await store.readArticle(id)
      await sleep(5)
      const started = performance.now()
      await store.updateArticle(id, (f) => editBody(f, edit + k))
      const ended = performance.now()
      save.push(ended - started)
      spans.push({ start: started, end: ended })
      await sleep(20)
      const bytes = await readFile(store.layout.article(id))
      await sleep(5)
      const t = performance.now()
      const handle = await openFile(floorFile, 'w')
      await handle.writeFile(bytes)
      await handle.sync()
      await handle.close()
      floor.push(performance.now() - t)
      await sleep(20)
      // What the save costs beyond its editing and serialising: the same bytes, written as the store writes them.
      const w = performance.now()
      await atomicWrite(store.layout.article(id), bytes, undefined, folders)
      protocol.push(performance.now() - w)
      await sleep(20)
    }
    return { save, floor, protocol, spans }
  }
  try {
    // As the app does once its window is up, before the analyst can type.
    const warmUpStart = performance.now()
    const serialised = await warmUpSaves(store)
    const warmUp = { serialised, ms: performance.now() - warmUpStart }
    await settleHeap()
    // The first saves after opening run while V8 still compiles some of the save's code on its helper threads, and
    // on two cores a compile takes the core the save's file-system calls would run on. Traced with --trace-opt
    // (before the warm-up), the first 25 saves finished 21 optimised compiles (the serializer's functions and the
    // schema check's) and threw 11 away, each 1-13 ms of a helper thread; after that, 6-11 per 50 saves, which it
    // kept up over 400. So a first pass of 100 saves is timed and shown apart, and the targets judge the pass after it.
    const first = await timeSaves(firstIds, 0)
    await settleHeap()
    // Collections are noted, so a slow save can be told from one that paid for the heap.
    const collections: Array<{ start: number; end: number }> = []
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) collections.push({ start: e.startTime, end: e.startTime + e.duration })
    })
    observer.observe({ entryTypes: ['gc'] })
    const { save, floor, protocol, spans } = await timeSaves(ids, FIRST_SAVES)
    // Entries reach the observer a turn after the collection ends.
    await sleep(20)
    observer.disconnect()
    const saveGc = spans
      .map((span) => collections.filter((c) => c.start < span.end && c.end > span.start).reduce((n, c) => n + (c.end - c.start), 0))
      .filter((t) => t > 0)
    // How much of the loop the same kind of save holds, on as many other articles, with the probe running.
    for (const [k, id] of blockedIds.entries()) {
      await store.readArticle(id)
      await sleep(5)
      const r = await timeAndBlocking(() => store.updateArticle(id, (f) => editBody(f, k)))
      saveBlocked.push(r.blockedMs)
      saveBusy.push(r.busyMs)
      await sleep(20)
    }

    await store.readArticle(burstId)
    let burstWrites = 0
    const stop = store.onWrite((file) => {
      if (file === `article:${burstId}`) burstWrites++
    })
    const edits: Array<Promise<void>> = []
    for (let k = 0; k < 20; k++) {
      edits.push(store.updateArticle(burstId, (f) => editBody(f, 1000 + k)))
      await sleep(50)
    }
    await Promise.all(edits)
    stop()

    const indexSave: number[] = []
    const indexBlocked: number[] = []
    for (let k = 0; k < 10; k++) {
      const r = await timeAndBlocking(() => store.updateIndex((ix) => void ix.tags.push(`bench-${k}`)))
      indexSave.push(r.ms)
      indexBlocked.push(r.blockedMs)
      await sleep(50)
    }
    // The probe opens the notebook itself, so this process lets go of it first.
    await store.close()
    const memory = size === 'M' ? await runProbe<MemoryFigures>(here('./store/memory-probe.ts'), [dir]) : null
    const lowdb = await runProbe<Figures['lowdb']>(here('./store/lowdb-probe.ts'), [singleFile, String(LOWDB_SAVES[size])], ['--max-old-space-size=8192'])
    return { open, openChecked, first: { save: first.save, floor: first.floor, warmUp }, save, saveBlocked, saveBusy, saveGc, floor, protocol, burstWrites, indexSave, indexBlocked, memory, lowdb }
  } finally {
    await folders.close()
    await store.close()
  }
}

function report(nb: GeneratedNotebook, f: Figures, out: (s: string) => void): boolean {
  const p50 = (xs: number[]) => percentile(xs, 0.5)
  const p95 = (xs: number[]) => percentile(xs, 0.95)
  const atM = nb.size === 'M'
  let ok = true
  const check = (met: boolean, target: string) => {
    if (!atM) return `(${target} at M)`
    ok &&= met
    return verdict(met, target)
  }
  const lowdbFailed = f.lowdb.error !== null || f.lowdb.saves.length === 0
  const vsLowdb = [p50(f.lowdb.saves) / p50(f.save), p95(f.lowdb.saves) / p95(f.save)]
  const vsFloor = [p50(f.save) / p50(f.floor), p95(f.save) / p95(f.floor)]
  out('')
  out(
    `store — notebook ${nb.size}: ${nb.articles.toLocaleString('en-GB')} articles × 800 words × 20 annotations; index ${mb(nb.bytes.index)}, ` +
      `article files ${mb(nb.bytes.articles)}, same data as one lowdb file ${mb(nb.bytes.singleFile)}; load average ${loadavg()[0]!.toFixed(1)}`,
  )
  const rows: string[][] = [
    ['measure', 'p50', 'p95', 'target'],
    ['open, until the library list is ready', ms(p50(f.open)), ms(p95(f.open)), check(p95(f.open) <= TARGET.openMs, `≤ ${TARGET.openMs} ms`)],
    ['  same, index schema-checked in full (after a restore)', ms(p50(f.openChecked)), ms(p95(f.openChecked)), ''],
    ['save after one edit, until on disk', ms(p50(f.save)), ms(p95(f.save)), check(p95(f.save) <= TARGET.saveP95Ms, `p95 ≤ ${TARGET.saveP95Ms} ms`)],
    ['  event loop blocked during that save (longest stall)', ms(p50(f.saveBlocked)), ms(p95(f.saveBlocked)), check(p95(f.saveBlocked) <= TARGET.blockMs, `≤ ${TARGET.blockMs} ms`)],
    ['  event loop busy during that save (all its work summed)', ms(p50(f.saveBusy)), ms(p95(f.saveBusy)), ''],
    [
      `  saves with a garbage collection inside (of ${f.save.length})`,
      `${f.saveGc.length}`,
      '',
      f.saveGc.length > 0 ? `collections ${ms(Math.min(...f.saveGc))} to ${ms(Math.max(...f.saveGc))}` : '',
    ],
    lowdbFailed
      ? ['same save, single-file lowdb (JSONFilePreset)', 'failed', '', f.lowdb.error ?? 'no save completed']
      : ['same save, single-file lowdb (JSONFilePreset)', ms(p50(f.lowdb.saves)), ms(p95(f.lowdb.saves)), `${f.lowdb.saves.length} saves; opened in ${ms(f.lowdb.openMs)}`],
    ['  event loop blocked during that save (longest stall)', lowdbFailed ? '' : ms(p50(f.lowdb.blocked)), lowdbFailed ? '' : ms(p95(f.lowdb.blocked)), ''],
    ['  store faster than single-file lowdb by', lowdbFailed ? '—' : ratio(vsLowdb[0]!), lowdbFailed ? '—' : ratio(vsLowdb[1]!), check(!lowdbFailed && vsLowdb[0]! >= TARGET.vsLowdb && vsLowdb[1]! >= TARGET.vsLowdb, `≥ ${TARGET.vsLowdb}× at p50 and p95`)],
    ['floor: write + fsync the same bytes once', ms(p50(f.floor)), ms(p95(f.floor)), ''],
    ['  store save ÷ floor', ratio(vsFloor[0]!), ratio(vsFloor[1]!), check(vsFloor[0]! <= TARGET.vsFloor && vsFloor[1]! <= TARGET.vsFloor, `≤ ${TARGET.vsFloor}× at p50 and p95`)],
    [
      `  the first ${f.first.save.length} saves after opening and the save warm-up, and ÷ their floor`,
      ms(p50(f.first.save)),
      ms(p95(f.first.save)),
      `${ratio(p50(f.first.save) / p50(f.first.floor))} / ${ratio(p95(f.first.save) / p95(f.first.floor))} the floor`,
    ],
    ['    the save warm-up before them, as the app runs it once its window is up', ms(f.first.warmUp.ms), '', `${f.first.warmUp.serialised} serialisations of ${WARM_UP.articles} articles`],
    ['  the saved bytes again, write protocol alone (no edit, no serialising)', ms(p50(f.protocol)), ms(p95(f.protocol)), `${ratio(p50(f.protocol) / p50(f.floor))} / ${ratio(p95(f.protocol) / p95(f.floor))} the floor`],
    ['20 edits in one second (one every 50 ms)', `${f.burstWrites} disk writes`, '', ''],
    ['list-level change (index rewritten), until on disk', ms(p50(f.indexSave)), ms(p95(f.indexSave)), ''],
    ['  event loop blocked during that change (longest stall)', ms(p50(f.indexBlocked)), ms(p95(f.indexBlocked)), ''],
  ]
  if (f.memory) {
    rows.push(['memory of a process holding the store alone: RSS / heap', mb(f.memory.storeOnly.rss), mb(f.memory.storeOnly.heapUsed), ''])
    rows.push(['main as the app runs it (store, catalogue, search started): RSS / heap', mb(f.memory.rss), mb(f.memory.heapUsed), check(f.memory.rss / 1024 / 1024 <= TARGET.memoryMB, `RSS ≤ ${TARGET.memoryMB} MB`)])
    rows.push(['  search in its own process (a Node child process standing in for the utility process): RSS', mb(f.memory.searchRss), '', ''])
  }
  rows.push(['  single-file lowdb holding the same: RSS', mb(f.lowdb.rss), '', ''])
  for (const line of table(rows)) out(`  ${line}`)
  out(`  (open: ${f.open.length} runs after ${OPEN_WARMUP} warm-up; saves: ${f.save.length} articles after the first ${f.first.save.length}, each edited once after a pause and`)
  out(`   followed by its floor and by its bytes written again, each from an idle loop and timed by the clock alone;`)
  out(`   blocking: ${f.saveBlocked.length} saves of other articles under the probe,`)
  out('   the worst lateness of a 1 ms timer, so it includes GC and the machine\'s load)')
  return ok
}

/**
 * Gives the articles the saves edit files of their own, written and fsynced before any timing starts. In the linked
 * copy a save's rename only drops one of an article's two links; in a real notebook it replaces the file's only link,
 * and the old file is freed.
 */
async function ownCopies(paths: string[]): Promise<void> {
  for (const path of paths) {
    const bytes = await readFile(path)
    await rm(path)
    const handle = await openFile(path, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}

/** A copy of the generated notebook made of hard links: the store replaces files by rename, so the cache stays as generated. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name)
    const dst = join(to, entry.name)
    if (entry.isDirectory()) await linkTree(src, dst)
    else await link(src, dst)
  }
}
