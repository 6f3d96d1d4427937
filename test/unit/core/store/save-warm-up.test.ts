import { describe, expect, it, vi } from 'vitest'
import { stat, writeFile } from 'node:fs/promises'
import { warmUpSaves } from '../../../../src-main/core/store/save-warm-up'
import { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { useTempDirs } from '../../../helpers/temp-dir'
import { addArticles, openStore } from './store-fixtures'

const tempDir = useTempDirs()

/** A notebook of `count` articles whose index entries were changed one day apart, the last one most recently. */
async function notebook(count: number) {
  const dir = await tempDir()
  const store = await openStore(dir)
  const ids = await addArticles(store, Array.from({ length: count }, (_, k) => `Article ${k}`))
  await store.updateIndex((ix) => ix.articles.forEach((a, k) => (a.updatedAt = new Date(Date.UTC(2026, 0, 1 + k)).toISOString())))
  await store.flush()
  return { dir, store, ids }
}

describe('warmUpSaves', () => {
  it('serialises the most recently changed articles the asked number of times and writes nothing', async () => {
    const { store, ids } = await notebook(5)
    const mtimes = async () => Promise.all([store.layout.index, ...ids.map((id) => store.layout.article(id))].map(async (p) => (await stat(p, { bigint: true })).mtimeNs))
    const before = await mtimes()
    const read = vi.spyOn(store, 'readArticle')
    const writes: string[] = []
    store.onWrite((file) => writes.push(file))

    expect(await warmUpSaves(store, { articles: 3, rounds: 4 })).toBe(12)
    expect(read.mock.calls.map(([id]) => id)).toEqual([ids[4], ids[3], ids[2]])
    await store.flush()
    expect(writes).toEqual([])
    expect(store.pendingWrites).toBe(0)
    expect(await mtimes()).toEqual(before)
    await store.close()
  })

  it('does nothing on a notebook open read-only, which never saves', async () => {
    const { dir, store } = await notebook(2)
    await store.close()
    const readOnly = await NotebookStore.open(dir, { holder: 'test', readOnly: true })
    const read = vi.spyOn(readOnly, 'readArticle')
    expect(await warmUpSaves(readOnly, { articles: 2, rounds: 3 })).toBe(0)
    expect(read).not.toHaveBeenCalled()
    await readOnly.close()
  })

  it('leaves out an article it cannot read and warms up on the others', async () => {
    const { store, ids } = await notebook(3)
    await store.close()
    // The newest article's file emptied, as a crash of another program writing it would leave it.
    await writeFile(store.layout.article(ids[2]!), '')
    const reopened = await openStore(store.layout.root)
    expect(await warmUpSaves(reopened, { articles: 3, rounds: 2 })).toBe(4)
    await reopened.close()
  })

  it('gives the event loop turns while it serialises, and stops once the notebook is closed', async () => {
    const { store } = await notebook(3)
    const asked = { articles: 3, rounds: 1_000_000 }
    const warming = warmUpSaves(store, asked)
    await new Promise((r) => setTimeout(r, 30))
    await store.close()
    const serialised = await warming
    expect(serialised).toBeGreaterThan(0)
    expect(serialised).toBeLessThan(asked.articles * asked.rounds)
  })
})
