import { describe, expect, it } from 'vitest'
import { useNotebook, paragraphs } from '../../../helpers/notebook'
import { createServices } from '../../../../src-main/core/services/notebook-services'
import { childProcessWorker, threadWorker, type SearchWorkerHost, type SearchWorkerLauncher } from '../../../../src-main/core/search/worker-host'
import type { SearchResponse } from '../../../../src-main/shared/model/search'

/** Starts workers through `launch` and keeps each one's handle, so a test can end one the way a crash would. */
function recording(launch: SearchWorkerLauncher) {
  const hosts: SearchWorkerHost[] = []
  const mute = { queries: false }
  const dying = { atStart: false }
  return {
    hosts,
    mute,
    dying,
    launcher: ((events) => {
      const host = launch(events)
      if (dying.atStart) void host.kill()
      // A muted worker takes queries and never answers them, as one stuck in a long collection would.
      const held: SearchWorkerHost = { post: (m) => (mute.queries && m.type === 'query' ? undefined : host.post(m)), kill: () => host.kill() }
      hosts.push(held)
      return held
    }) satisfies SearchWorkerLauncher,
  }
}

const names = (r: SearchResponse) => r.groups.map((g) => g.articleId).sort()

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

describe('search service when its worker dies', () => {
  it('fails the searches waiting on it with a sentence, and starts a new worker on the next search with every edit sent', async () => {
    const { store } = await notebook()
    const worker = recording(threadWorker())
    const services = createServices(store, undefined, { searchHost: worker.launcher })
    const a = await services.createArticle({ title: 'Troops near Kursk', text: 'About 10,000 soldiers have moved.' })
    try {
      await services.searchIndexReady()
      // Sent to the first worker, which then dies before writing its cache: the next one must still know it.
      await services.saveArticleNotes(a.id, '<p>Confirmed by the zeppelin desk.</p>')
      await services.flushSearchUpdates()
      worker.mute.queries = true
      const waiting = services.search({ text: 'zeppelin' })
      await worker.hosts[0]!.kill()
      await expect(waiting).rejects.toThrow(/^The search index stopped \(exit \d+\); it starts again with your next search or edit\.$/)

      worker.mute.queries = false
      await services.search({ text: 'zeppelin' })
      expect(worker.hosts).toHaveLength(2)
      await services.searchIndexReady()
      expect(names(await services.search({ text: 'zeppelin' }))).toEqual([a.id])
    } finally {
      await services.closeSearch()
    }
  })

  it('starts a new worker on the next edit, and gives up with a clear sentence when it keeps dying before a build', async () => {
    const { store } = await notebook()
    const worker = recording(threadWorker())
    const services = createServices(store, undefined, { searchHost: worker.launcher })
    const a = await services.createArticle({ title: 'Port closed', text: 'The harbour at Odesa was closed to shipping.' })
    try {
      await services.searchIndexReady()
      await worker.hosts[0]!.kill()
      await services.saveArticleBody(a.id, paragraphs('The harbour at Odesa reopened after the mines were cleared.'))
      expect(worker.hosts).toHaveLength(2)
      await services.searchIndexReady()
      expect(names(await services.search({ text: 'reopened' }))).toEqual([a.id])

      // A worker that dies as it starts, again and again (a notebook that fills its memory): no endless restarts.
      worker.dying.atStart = true
      await worker.hosts.at(-1)!.kill()
      for (let i = 0; i < 2; i++) await expect(services.search({ text: 'odesa' })).rejects.toThrow(/^The search index stopped \(exit \d+\); it starts again with your next search or edit\.$/)
      // The third restart dies too: that one is the last.
      await expect(services.search({ text: 'odesa' })).rejects.toThrow(/^The search index stopped again \(exit \d+\); restart the app to rebuild it\.$/)
      await services.saveArticleBody(a.id, paragraphs('The harbour at Odesa closed again.'))
      await expect(services.search({ text: 'odesa' })).rejects.toThrow(/restart the app/)
      expect(worker.hosts).toHaveLength(5)
    } finally {
      await services.closeSearch()
    }
  })
})

describe('search service with its worker in a child process', () => {
  it('runs the same worker and protocol over a process channel, and ends the process on close', async () => {
    const { store } = await notebook()
    const worker = recording(childProcessWorker())
    const services = createServices(store, undefined, { searchHost: worker.launcher })
    const a = await services.createArticle({ title: 'Troops near Kursk', text: 'About 10,000 soldiers have moved.' })
    try {
      expect(await services.searchIndexReady()).toMatchObject({ articles: 1, fromCache: false })
      await services.saveArticleNotes(a.id, '<p>Seen from the zeppelin.</p>')
      await services.flushSearchUpdates()
      expect(names(await services.search({ text: 'zeppelin' }))).toEqual([a.id])
    } finally {
      await services.closeSearch()
    }
    await expect(services.search({ text: 'kursk' })).rejects.toThrow(/closed/)
  })
})
