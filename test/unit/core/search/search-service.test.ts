import { describe, expect, it } from 'vitest'
import { useNotebook, paragraphs } from '../../../helpers/notebook'

const notebook = useNotebook()

describe('search service (worker)', () => {
  it('builds the index in a worker from the notebook on disk, then follows edits, annotations and deletions', async () => {
    const { services } = await notebook()
    const a = await services.createArticle({ title: 'Troops near Kursk', text: 'About 10,000 soldiers have moved, the National Intelligence Service said.' })
    const b = await services.createArticle({ title: 'Port closed', text: 'The harbour at Odesa was closed to shipping.' })
    try {
      await services.searchIndexReady()
      expect((await services.search({ text: 'kur' })).groups.map((g) => g.articleId)).toEqual([a.id])

      await services.saveArticleBody(b.id, paragraphs('The harbour at Odesa reopened after mines near Kursk were cleared.'))
      await services.annotateQuote({ articleId: a.id, kind: 'claim', quote: 'About 10,000 soldiers have moved', patch: { status: 'corroborated' } })
      await services.flushSearchUpdates()
      const both = await services.search({ text: 'kursk' })
      expect(both.groups.map((g) => g.articleId).sort()).toEqual([a.id, b.id].sort())

      const claims = await services.search({ text: 'soldiers', facets: { kinds: ['claim'], statuses: ['corroborated'] } })
      expect(claims.totalHits).toBe(1)
      expect(claims.groups[0]!.hits[0]).toMatchObject({ kind: 'claim', status: 'corroborated', start: 0, end: 32 })

      await services.deleteArticle(b.id)
      await services.flushSearchUpdates()
      expect((await services.search({ text: 'odesa' })).groups).toEqual([])
    } finally {
      await services.closeSearch()
    }
  })
})
