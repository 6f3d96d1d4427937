import type { NotebookStore } from './notebook-store'
import { stableBytes } from './stable-json'

/** How many of the most recently changed articles are read, and how many times each is serialised. */
export const WARM_UP = { articles: 20, rounds: 25 }
/** Longest stretch of serialising before the event loop gets a turn. */
const SLICE_MS = 4

/**
 * Serialises a few of the notebook's articles as a save does and throws the bytes away, so that V8 has compiled the
 * serializer before the analyst's first autosave rather than during it. Compiled while the first saves run, on a
 * two-core machine, the compiling takes the core a save's fsync waits for. The first 100 saves after opening notebook M
 * missed "within 2× of the fsync floor at p95" in 15 of 19 benchmark runs without it (2.2×-3.3×); after 50
 * serialisations in 2 of 2, after 150 in 1 of 2, after 300 in 1 of 6, after 500 in 1 of 10 (1.23×-1.82×, and 2.12×).
 * The 500 took 130-253 ms from the first read to the last, the event loop free between slices of at most 4 ms.
 * It saves nothing. The articles are read through the store, as the catalogue reads them, so a damaged one is
 * recovered and reported by the store, as the catalogue's scan would have it.
 * Returns how many times an article was serialised.
 */
export async function warmUpSaves(store: NotebookStore, counts = WARM_UP): Promise<number> {
  if (store.readOnly) return 0
  // ISO times order as plain strings; localeCompare took 16 ms over 10,000 on its first call, all of it blocking.
  const recent = [...store.index.articles].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)).slice(0, counts.articles)
  const files = []
  for (const meta of recent) {
    if (store.isClosed) return 0
    try {
      files.push(await store.readArticle(meta.id))
    } catch {
      // A file that cannot be read is the store's to recover and report; the warm-up needs only the others.
    }
  }
  let serialised = 0
  let deadline = performance.now() + SLICE_MS
  for (let round = 0; round < counts.rounds; round++) {
    for (const file of files) {
      if (performance.now() >= deadline) {
        await new Promise<void>((r) => setImmediate(r))
        deadline = performance.now() + SLICE_MS
      }
      if (store.isClosed) return serialised
      stableBytes(file)
      serialised++
    }
  }
  return serialised
}
