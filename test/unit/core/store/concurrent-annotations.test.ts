import { afterEach, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../../src-main/shared/model/annotation'
import { createServices, type Services } from '../../../../src-main/core/services/notebook-services'
import type { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { useTempDirs } from '../../../helpers/temp-dir'
import { openStore } from './store-fixtures'
import { realFs, type FsOps } from '../../../../src-main/core/store/fs-ops'

const tempDir = useTempDirs()
const open: NotebookStore[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})
const sentence = (n: number) => `Claim number ${n} is stated by the ministry.`

/** An article of `count` sentences, through the services, in a store that writes at disk speed. */
async function article(count: number) {
  const dir = await tempDir()
  const store = await openStore(dir)
  open.push(store)
  const services = createServices(store)
  const meta = await services.createArticle({ title: 'Many claims', text: Array.from({ length: count }, (_, n) => sentence(n)).join(' ') })
  const reopen = async (): Promise<Services> => {
    await store.close()
    const again = await openStore(dir)
    open.push(again)
    return createServices(again)
  }
  return { dir, store, services, reopen, articleId: meta.id }
}

async function articleWithClaims(count: number) {
  const nb = await article(count)
  const ids: string[] = []
  for (let n = 0; n < count; n++) ids.push((await nb.services.annotateQuote({ articleId: nb.articleId, kind: 'claim', quote: `Claim number ${n} is stated` })).id)
  return { ...nb, ids }
}

describe('concurrent annotation writes', () => {
  it('1,000 updates issued at once all persist, each applied on top of the one before, in order', async () => {
    const { services, store, reopen, articleId, ids } = await articleWithClaims(50)
    let writes = 0
    store.onWrite((file) => {
      if (file === `article:${articleId}`) writes++
    })
    // Each annotation gets twenty updates that alternate between fields: an update computed from a stale copy of
    // the record would put an older value of the other field back.
    const calls = Array.from({ length: 1000 }, (_, i) => {
      const id = ids[i % 50]!
      const round = Math.floor(i / 50)
      const patch = round % 2 === 0 ? { note: `<p>note ${round}</p>` } : { tags: [`round-${round}`] }
      return services.updateAnnotation({ articleId, id, patch })
    })
    const results = await Promise.all(calls)
    expect(results).toHaveLength(1000)
    const expectFinal = (annotations: readonly Annotation[]) => {
      for (const id of ids) expect(annotations.find((a) => a.id === id)).toMatchObject({ note: '<p>note 18</p>', tags: ['round-19'] })
    }
    expectFinal((await services.getArticle(articleId)).annotations)
    // What each call returned is the record as it stood after that call: a running history, not a lost update.
    expect(results[50 * 19 + 7]).toMatchObject({ note: '<p>note 18</p>', tags: ['round-19'] })
    expect(results[50 * 2 + 7]).toMatchObject({ note: '<p>note 2</p>', tags: ['round-1'] })
    expect(writes).toBeLessThan(1000)
    const again = await reopen()
    expectFinal((await again.getArticle(articleId)).annotations)
    expect(again.listTags()).toEqual(Array.from({ length: 10 }, (_, k) => `round-${2 * k + 1}`).sort())
  })

  it('an autosave of the body racing grades from the panel loses none of them', async () => {
    const { dir, services, articleId, ids } = await articleWithClaims(10)
    const { doc } = await services.getArticle(articleId)
    await services.store.close()
    // Reopened with a slow disk, so the article is still being read when the grades arrive.
    const slow: FsOps = {
      ...realFs,
      readFile: (async (path: string, options?: unknown) => {
        if (String(path).endsWith(`${articleId}.json`)) await new Promise((r) => setTimeout(r, 50))
        return realFs.readFile(path, options as never)
      }) as FsOps['readFile'],
    }
    const store = await openStore(dir, { fs: slow })
    open.push(store)
    const again = createServices(store)
    const save = again.saveArticleBody(articleId, doc)
    await new Promise((r) => setTimeout(r, 10))
    await Promise.all([save, ...ids.map((id) => again.updateAnnotation({ articleId, id, patch: { credibility: '2' } }))])
    for (const a of (await again.getArticle(articleId)).annotations) expect(a).toMatchObject({ credibility: '2' })
  })

  it('100 quotes tagged at once in one article all keep their record and their mark', async () => {
    const { services, reopen, articleId } = await article(100)
    const created = await Promise.all(Array.from({ length: 100 }, (_, n) => services.annotateQuote({ articleId, kind: 'question', quote: `Claim number ${n} is stated` })))
    const check = async (s: typeof services) => {
      const view = await s.getArticle(articleId)
      expect(new Set(view.annotations.map((a) => a.id))).toEqual(new Set(created.map((c) => c.id)))
      const marked = JSON.stringify(view.doc)
      for (const c of created) expect(marked).toContain(c.id)
      expect(s.listArticles().find((a) => a.id === articleId)!.counts.question).toBe(100)
    }
    await check(services)
    await check(await reopen())
  })
})
