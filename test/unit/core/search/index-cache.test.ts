import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { useNotebook, paragraphs } from '../../../helpers/notebook'
import { loadSearchCache, parseCache, searchCachePath } from '../../../../src-main/core/search/index-cache'
import { FLEXSEARCH_VERSION } from '../../../../src-main/core/search/search-index'

const notebook = useNotebook()

/** A notebook of three articles whose index has been built once and cached. */
async function cachedNotebook() {
  const nb = await notebook()
  const { services } = nb
  const a = await services.createArticle({ title: 'Troops near Kursk', text: 'About 10,000 soldiers have moved, the National Intelligence Service said.' })
  const b = await services.createArticle({ title: 'Port closed', text: 'The harbour at Odesa was closed to shipping.' })
  const c = await services.createArticle({ title: 'Grain deal', text: 'Talks in Istanbul on the grain corridor stalled.' })
  await services.annotateQuote({ articleId: a.id, kind: 'claim', quote: 'About 10,000 soldiers have moved', patch: { status: 'corroborated' } })
  const first = await services.searchIndexReady()
  await services.closeSearch()
  return { ...nb, a, b, c, first }
}

const ids = (r: { groups: Array<{ articleId: string }> }) => r.groups.map((g) => g.articleId).sort()

describe('search index cache', () => {
  it('is written after a build and read back whole on the next start, answering as the built index did', async () => {
    const { reopen, a, first, dir, store } = await cachedNotebook()
    expect(first).toMatchObject({ fromCache: false, reindexed: 3 })
    expect((await loadSearchCache(dir, store.index.notebook.id))?.snapshot.articles).toHaveLength(3)
    const services = await reopen()
    try {
      expect(await services.searchIndexReady()).toMatchObject({ fromCache: true, reindexed: 0, articles: 3 })
      expect(ids(await services.search({ text: 'kursk' }))).toEqual([a.id])
      const claims = await services.search({ text: 'soldiers', facets: { kinds: ['claim'], statuses: ['corroborated'] } })
      expect(claims.groups[0]!.hits[0]).toMatchObject({ kind: 'claim', start: 0, end: 32 })
    } finally {
      await services.closeSearch()
    }
  })

  it('is stale for an article edited, added or deleted since: those are read again, the rest kept', async () => {
    const nb = await cachedNotebook()
    const { a, b, c } = nb
    const before = await nb.reopen()
    await before.saveArticleBody(b.id, paragraphs('The harbour at Mykolaiv reopened after mines were cleared.'))
    await before.deleteArticle(c.id)
    const d = await before.createArticle({ title: 'Bridge', text: 'A drone struck the Kerch bridge at dawn.' })
    await before.closeSearch()
    await nb.store.flush()
    const services = await nb.reopen()
    try {
      expect(await services.searchIndexReady()).toMatchObject({ fromCache: true, reindexed: 3, articles: 3 })
      expect(ids(await services.search({ text: 'mykolaiv' }))).toEqual([b.id])
      expect(ids(await services.search({ text: 'istanbul' }))).toEqual([])
      expect(ids(await services.search({ text: 'kerch' }))).toEqual([d.id])
      expect(ids(await services.search({ text: 'soldiers' }))).toEqual([a.id])
    } finally {
      await services.closeSearch()
    }
    // The cache written after that start holds the notebook as it is now.
    const again = await nb.reopen()
    try {
      expect(await again.searchIndexReady()).toMatchObject({ fromCache: true, reindexed: 0 })
      expect(ids(await again.search({ text: 'mykolaiv' }))).toEqual([b.id])
    } finally {
      await again.closeSearch()
    }
  })

  it('is discarded when damaged, cut short or from another notebook, and the index is built from the articles', async () => {
    const nb = await cachedNotebook()
    const path = searchCachePath(nb.dir)
    const good = await readFile(path)
    const notebookId = nb.store.index.notebook.id
    expect(parseCache(good, notebookId)).not.toBeNull()
    const flipped = Buffer.from(good)
    flipped[flipped.length - 20]! ^= 1
    expect(parseCache(flipped, notebookId)).toBeNull()
    expect(parseCache(good.subarray(0, good.length - 100), notebookId)).toBeNull()
    expect(parseCache(good, 'ntb_someothernotebook')).toBeNull()
    expect(parseCache(Buffer.from('not a cache at all'), notebookId)).toBeNull()

    await writeFile(path, flipped)
    const services = await nb.reopen()
    try {
      expect(await services.searchIndexReady()).toMatchObject({ fromCache: false, reindexed: 3 })
      expect(ids(await services.search({ text: 'odesa' }))).toEqual([nb.b.id])
    } finally {
      await services.closeSearch()
    }
    // The damaged cache was replaced by a good one.
    expect(parseCache(await readFile(path), notebookId)).not.toBeNull()
  })

  it('names the FlexSearch release installed, whose export format it holds', () => {
    const installed = (createRequire(import.meta.url)('../../../../node_modules/flexsearch/package.json') as { version: string }).version
    expect(FLEXSEARCH_VERSION).toBe(installed)
  })
})
