/**
 * The naive alternative, measured in its own process: the whole notebook in one lowdb file (JSONFilePreset from
 * 'lowdb/node'), saved after the same one edit. Prints one JSON line for the store section.
 *   node --import tsx bench/store/lowdb-probe.ts FILE SAMPLES ARTICLES
 */
import { JSONFilePreset } from 'lowdb/node'
import type { ArticleFile } from '../../src-main/shared/model/notebook'
import { timeAndBlocking } from '../lib/loop-block'
import { editBody } from './edit'

const [file, samplesArg] = process.argv.slice(2)
const samples = Number(samplesArg)
type Single = { articles: Array<{ id: string; file: ArticleFile }> }

const t = performance.now()
const db = await JSONFilePreset<Single>(file!, { articles: [] })
const openMs = performance.now() - t
const n = db.data.articles.length
const saves: number[] = []
const blocked: number[] = []
let error: string | null = null
try {
  for (let k = 0; k < samples; k++) {
    editBody(db.data.articles[(k * 997) % n]!.file, k)
    const r = await timeAndBlocking(() => db.write())
    saves.push(r.ms)
    blocked.push(r.blockedMs)
  }
} catch (err) {
  error = (err as Error).message
}
const m = process.memoryUsage()
console.log(JSON.stringify({ openMs, saves, blocked, articles: n, rss: m.rss, heapUsed: m.heapUsed, error }))
