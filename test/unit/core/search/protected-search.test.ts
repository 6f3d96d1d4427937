import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../helpers/temp-dir'
import { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { createServices } from '../../../../src-main/core/services/notebook-services'
import { openProtection, protectNotebook } from '../../../../src-main/core/crypto/protection'
import { MIN_KDF_N } from '../../../../src-main/core/crypto/key-file'
import { isSealed } from '../../../../src-main/core/crypto/envelope'
import { searchCachePath } from '../../../../src-main/core/search/index-cache'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'

async function openProtected(dir: string) {
  const store = await NotebookStore.open(dir, { holder: 'test', fs: (await openProtection(dir, PASS)).fs })
  return { store, services: createServices(store) }
}

describe('search in a protected notebook', () => {
  it('reads the articles through the notebook key, and keeps its index cache sealed like every other file', async () => {
    const dir = await tempDir()
    const plain = await NotebookStore.open(dir, { holder: 'test' })
    const article = await createServices(plain).createArticle({ title: 'Harbour', text: 'The harbour at Odesa reopened after the mines were cleared.' })
    await plain.close()
    await protectNotebook(dir, PASS, { kdf: { N: MIN_KDF_N, r: 8, p: 1 } })

    const first = await openProtected(dir)
    try {
      expect(await first.services.searchIndexReady()).toMatchObject({ fromCache: false, articles: 1 })
      expect((await first.services.search({ text: 'odes' })).groups.map((g) => g.articleId)).toEqual([article.id])
    } finally {
      await first.services.closeSearch()
      await first.store.close()
    }
    const cache = await readFile(searchCachePath(dir))
    expect(isSealed(cache)).toBe(true)
    expect(cache.includes('Odesa')).toBe(false)

    const second = await openProtected(dir)
    try {
      expect(await second.services.searchIndexReady()).toMatchObject({ fromCache: true, reindexed: 0 })
      expect((await second.services.search({ text: 'mines' })).groups.map((g) => g.articleId)).toEqual([article.id])
    } finally {
      await second.services.closeSearch()
      await second.store.close()
    }
  })
})
