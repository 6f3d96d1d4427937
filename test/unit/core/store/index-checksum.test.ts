import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFile, unlink, writeFile } from 'node:fs/promises'
import { checkNotebook, hasDamage } from '../../../../src-main/core/recovery/doctor'
import { useTempDirs } from '../../../helpers/temp-dir'
import { addArticles, openStore } from './store-fixtures'

const tempDir = useTempDirs()
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

async function notebook() {
  const dir = await tempDir()
  const store = await openStore(dir)
  await addArticles(store, ['Alpha', 'Bravo'])
  await store.close()
  return { dir, layout: store.layout }
}

/** An index that parses but breaks the schema: an article without a title. */
async function untitled(path: string): Promise<string> {
  const index = JSON.parse(await readFile(path, 'utf8'))
  delete index.articles[0].title
  return `${JSON.stringify(index)}\n`
}

describe('the index checksum', () => {
  it('records the SHA-256 and size of every index the store writes', async () => {
    const { layout } = await notebook()
    const bytes = await readFile(layout.index)
    expect(JSON.parse(await readFile(layout.indexChecksum, 'utf8'))).toEqual({ sha256: sha256(bytes), size: bytes.byteLength })
  })

  it('lets an index that is byte for byte the one the store wrote open without the schema check', async () => {
    const { dir, layout } = await notebook()
    // Stands in for an index this store wrote itself: its bytes match the record, so the schema is not consulted.
    const text = await untitled(layout.index)
    await writeFile(layout.index, text)
    await writeFile(layout.indexChecksum, JSON.stringify({ sha256: sha256(text), size: Buffer.byteLength(text) }))
    const store = await openStore(dir, { readOnly: true })
    expect(store.index.articles).toHaveLength(2)
    await store.close()
    // Doctor never trusts the record: it checks the schema and finds the missing title.
    expect(hasDamage(await checkNotebook(dir))).toBe(true)
  })

  it('checks in full an index changed behind the store\'s back, and recovers from it', async () => {
    const { dir, layout } = await notebook()
    await writeFile(layout.index, await untitled(layout.index))
    const store = await openStore(dir)
    expect(store.notices[0]).toMatch(/^The notebook index was damaged \(unexpected content at articles\.0\.title/)
    expect(store.index.articles.map((a) => a.title).sort()).toEqual(['Alpha first line', 'Bravo first line'])
    await store.close()
  })

  it('checks in full when the record is missing or unreadable', async () => {
    const { dir, layout } = await notebook()
    await unlink(layout.indexChecksum)
    const first = await openStore(dir, { readOnly: true })
    expect(first.index.articles).toHaveLength(2)
    await first.close()
    await writeFile(layout.indexChecksum, '{"sha')
    await writeFile(layout.index, await untitled(layout.index))
    await expect(openStore(dir, { readOnly: true })).rejects.toThrow(/damaged \(unexpected content at articles\.0\.title/)
  })
})
