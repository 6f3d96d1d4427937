import { describe, expect, it } from 'vitest'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { realFs } from '../../../../src-main/core/store/fs-ops'
import { SCHEMA_VERSION } from '../../../../src-main/shared/model/notebook'
import { newId } from '../../../../src-main/shared/model/ids'
import { useTempDirs } from '../../../helpers/temp-dir'
import { fakeMeta } from './store-fixtures'

const tempDir = useTempDirs()
const open = (dir: string, readOnly = false) => NotebookStore.open(dir, { holder: 'test', readOnly })

describe('NotebookStore', () => {
  it('creates a notebook folder with an index that carries schemaVersion', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.flush()
    const index = JSON.parse(await readFile(store.layout.index, 'utf8'))
    expect(index.schemaVersion).toBe(SCHEMA_VERSION)
    expect(index.articles).toEqual([])
    await store.close()
  })

  it('writes only the article file after a body edit', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    const id = newId('article')
    await store.updateIndex((ix) => void ix.articles.push(fakeMeta(id)))
    await store.createArticleFile({ schemaVersion: SCHEMA_VERSION, id, doc: { type: 'doc', content: [] }, notes: '', annotations: [], trash: [], dismissedSuggestions: [] })
    await store.flush()
    const mtime = async (p: string) => (await stat(p, { bigint: true })).mtimeNs
    const indexBefore = await mtime(store.layout.index)
    const articleBefore = await mtime(store.layout.article(id))
    await new Promise((r) => setTimeout(r, 20))
    await store.updateArticle(id, (f) => void (f.notes = '<p>edited</p>'))
    expect(await mtime(store.layout.index)).toBe(indexBefore)
    expect(await mtime(store.layout.article(id))).not.toBe(articleBefore)
    await store.close()
  })

  it('still keeps edited articles in memory after more articles than it caches have been edited and saved', async () => {
    const dir = await tempDir()
    const reads: string[] = []
    const fs = { ...realFs, readFile: ((path: string, ...rest: []) => (reads.push(String(path)), realFs.readFile(path, ...rest))) as typeof realFs.readFile }
    let store = await open(dir)
    const ids = Array.from({ length: 80 }, () => newId('article'))
    await store.updateIndex((ix) => void ix.articles.push(...ids.map((id) => fakeMeta(id))))
    for (const id of ids) await store.createArticleFile({ schemaVersion: SCHEMA_VERSION, id, doc: { type: 'doc', content: [] }, notes: '', annotations: [], trash: [], dismissedSuggestions: [] })
    await store.close()
    store = await NotebookStore.open(dir, { holder: 'test', fs })
    for (const [k, id] of ids.entries()) {
      await store.readArticle(id)
      await store.updateArticle(id, (f) => void (f.notes = `edit ${k}`))
    }
    // Each article was read from disk once, when it was first opened; its edit found it still in memory.
    for (const id of ids) expect(reads.filter((p) => p === store.layout.article(id))).toHaveLength(1)
    await store.close()
  })

  it('keeps its data across close and reopen', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    const id = newId('article')
    await store.updateIndex((ix) => void ix.articles.push(fakeMeta(id)))
    await store.createArticleFile({ schemaVersion: SCHEMA_VERSION, id, doc: { type: 'doc', content: [] }, notes: '<p>kept</p>', annotations: [], trash: [], dismissedSuggestions: [] })
    await store.close()
    const again = await open(dir)
    expect(again.index.articles.map((a) => a.id)).toEqual([id])
    expect((await again.readArticle(id)).notes).toBe('<p>kept</p>')
    await again.close()
  })

  it('refuses a second writer while the first holds the notebook, and takes over a stale lock', async () => {
    const dir = await tempDir()
    const first = await open(dir)
    await expect(open(dir)).rejects.toThrow(/open in another process/)
    await first.close()
    await writeFile(first.layout.lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: 'x', holder: 'crashed' }))
    const second = await open(dir)
    await second.close()
  })

  it('never starts fresh over a damaged index: it is moved aside, not written over', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.close()
    await writeFile(store.layout.index, '{"schemaVersion": 1, "notebook": ')
    const again = await open(dir)
    expect(await readFile(`${store.layout.index}.damaged`, 'utf8')).toBe('{"schemaVersion": 1, "notebook": ')
    expect(again.notices.join(' ')).toMatch(/index was damaged \(it is not complete JSON\)/)
    await again.close()
  })

  it('opens a notebook from a newer app read-only, and says so', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.close()
    const index = JSON.parse(await readFile(store.layout.index, 'utf8'))
    await writeFile(store.layout.index, JSON.stringify({ ...index, schemaVersion: SCHEMA_VERSION + 1 }))
    const newer = await open(dir)
    expect(newer.readOnly).toBe(true)
    expect(newer.notices.join(' ')).toMatch(/newer version/)
    expect(() => newer.updateIndex(() => {})).toThrow(/read-only/)
    await newer.close()
  })
})
