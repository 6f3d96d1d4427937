import { describe, expect, it } from 'vitest'
import { readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSnapshot } from '../../../../src-main/core/backup/snapshot'
import { describeWhen } from '../../../../src-main/core/backup/backup-list'
import { INDEX_FILE } from '../../../../src-main/core/store/layout'
import { newId } from '../../../../src-main/shared/model/ids'
import { useTempDirs } from '../../../helpers/temp-dir'
import { addArticles, articleFile, DAMAGE, openStore } from './store-fixtures'

const tempDir = useTempDirs()

/** Two articles, a backup, then work the backup never saw: an edit to the first and a third article. */
async function notebookWithLaterWork() {
  const dir = await tempDir()
  const store = await openStore(dir)
  const [a, b] = await addArticles(store, ['Alpha', 'Bravo'])
  await store.updateIndex((ix) => void ix.tags.push('before-backup'))
  const backup = (await createSnapshot(dir, { reason: 'manual' }))!
  await store.updateArticle(a!, (f) => void (f.notes = '<p>after the backup</p>'))
  const [c] = await addArticles(store, ['Charlie'])
  await store.close()
  return { dir, layout: store.layout, a: a!, b: b!, c: c!, backup }
}

describe('a damaged index', () => {
  it.each(DAMAGE)('that is %s is moved aside and rebuilt from the newest backup and the article files', async (_name, bytes) => {
    const { dir, layout, a, b, c, backup } = await notebookWithLaterWork()
    await writeFile(layout.index, bytes)
    const notices: string[] = []
    const store = await openStore(dir, { onNotice: (n) => notices.push(n) })
    expect(await readFile(`${layout.index}.damaged`, 'utf8')).toBe(bytes)
    expect(store.index.articles.map((x) => x.id)).toEqual([a, b, c])
    expect(store.index.articles.map((x) => x.title)).toEqual(['Alpha', 'Bravo', 'Charlie first line'])
    expect(store.index.tags).toEqual(['before-backup'])
    expect((await store.readArticle(a)).notes).toBe('<p>after the backup</p>')
    expect(notices).toEqual(store.notices)
    expect(notices[0]).toMatch(/^The notebook index was damaged \(.+\); it was moved aside as notebook\.json\.damaged and rebuilt from the backup of /)
    expect(notices[0]).toContain(describeWhen(backup.createdAt))
    expect(notices.join(' ')).toContain('1 article was added after that backup; its title was taken from its first line')
    await store.close()
    const reopened = await openStore(dir)
    expect(reopened.notices).toEqual([])
    expect(reopened.index.articles).toHaveLength(3)
    await reopened.close()
  })

  it('skips a newer backup whose own copy of the index is damaged', async () => {
    const { dir, layout, backup } = await notebookWithLaterWork()
    const store = await openStore(dir)
    await store.updateIndex((ix) => void ix.tags.push('in-second-backup'))
    const second = (await createSnapshot(dir, { reason: 'manual', now: () => new Date(backup.createdAt.getTime() + 60_000) }))!
    await store.close()
    // Unlink first: the copy may be a hard link shared with the older backup.
    await unlink(join(second.dir, INDEX_FILE))
    await writeFile(join(second.dir, INDEX_FILE), '\u0000\u0000')
    await writeFile(layout.index, '')
    const again = await openStore(dir)
    expect(again.index.tags).toEqual(['before-backup'])
    expect(again.notices[0]).toContain(describeWhen(backup.createdAt))
    await again.close()
  })

  it('treats a missing index beside article files as a recovery, not a first run', async () => {
    const { dir, layout, a, b, c } = await notebookWithLaterWork()
    await unlink(layout.index)
    const store = await openStore(dir)
    expect(store.index.articles.map((x) => x.id)).toEqual([a, b, c])
    expect(store.notices[0]).toMatch(/^The notebook index was missing, so it was rebuilt from the backup of .+ and the 3 article files on disk\./)
    await store.close()
  })

  it('rebuilds from the article files alone when there is no backup, and says what could not come back', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const [a] = await addArticles(store, ['Alpha'])
    await store.close()
    await unlink(store.layout.index)
    const again = await openStore(dir)
    expect(again.index.articles.map((x) => [x.id, x.title])).toEqual([[a, 'Alpha first line']])
    expect(again.notices[0]).toMatch(/No backup was available, so titles were taken from each article's first line, and the source registry, links and briefs could not be recovered\./)
    // The recovered text is kept as the article's original, so its provenance hash is true.
    const sha = again.index.articles[0]!.provenance.sha256
    expect((await again.readOriginal(sha)).toString('utf8')).toBe('Alpha first line')
    await again.close()
  })

  it('leaves out articles the backup lists but whose files are gone, and says how to get them back', async () => {
    const { dir, layout, b, backup } = await notebookWithLaterWork()
    await unlink(layout.article(b))
    await writeFile(layout.index, 'garbage')
    const store = await openStore(dir)
    expect(store.index.articles.map((x) => x.id)).not.toContain(b)
    expect(store.notices.join(' ')).toContain(`1 article listed in that backup no longer had a file (probably deleted since) and was left out; restore backup ${backup.id}`)
    await store.close()
  })

  it('starts fresh in an empty folder, with nothing to tell', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    expect(store.isEmpty).toBe(true)
    expect(store.notices).toEqual([])
    await store.close()
  })

  it('is reported, not repaired, when the notebook is opened read-only', async () => {
    const { dir, layout } = await notebookWithLaterWork()
    await writeFile(layout.index, '{"trunc')
    await expect(openStore(dir, { readOnly: true })).rejects.toThrow(/damaged \(it is not complete JSON\)\. Run "doctor --repair"/)
    expect(await readFile(layout.index, 'utf8')).toBe('{"trunc')
    expect(await readdir(dir)).not.toContain('notebook.json.damaged')
  })
})

describe('a damaged article file', () => {
  async function articleWithBackup() {
    const dir = await tempDir()
    const store = await openStore(dir)
    const [a, b] = await addArticles(store, ['Alpha', 'Bravo'])
    await store.updateArticle(a!, (f) => void (f.notes = '<p>v1</p>'))
    const backup = (await createSnapshot(dir, { reason: 'manual' }))!
    await store.updateArticle(a!, (f) => void (f.notes = '<p>v2, after the backup</p>'))
    await store.close()
    return { dir, layout: store.layout, a: a!, b: b!, backup }
  }

  it.each(DAMAGE)('that is %s is moved aside and restored from the newest backup, with a notice saying from when', async (_name, bytes) => {
    const { dir, layout, a, backup } = await articleWithBackup()
    await writeFile(layout.article(a), bytes)
    const store = await openStore(dir)
    expect((await store.readArticle(a)).notes).toBe('<p>v1</p>')
    expect(await readFile(`${layout.article(a)}.damaged`, 'utf8')).toBe(bytes)
    expect(store.notices).toHaveLength(1)
    expect(store.notices[0]).toMatch(/^The article "Alpha" was damaged \(.+\); it was restored from the backup of /)
    expect(store.notices[0]).toContain(describeWhen(backup.createdAt))
    expect(store.notices[0]).toContain(`The damaged file is kept as articles/${a}.json.damaged`)
    // The restored copy is the notebook's file now: it is edited and saved like any other.
    await store.updateArticle(a, (f) => void (f.notes = '<p>v3</p>'))
    await store.close()
    const again = await openStore(dir)
    expect((await again.readArticle(a)).notes).toBe('<p>v3</p>')
    await again.close()
  })

  it('restores a missing article file from the backup', async () => {
    const { dir, layout, a } = await articleWithBackup()
    await unlink(layout.article(a))
    const store = await openStore(dir)
    expect((await store.readArticle(a)).notes).toBe('<p>v1</p>')
    expect(store.notices[0]).toMatch(/^The article "Alpha" was missing; it was restored from the backup of/)
    await store.close()
  })

  it('falls back to an older backup when the newest copy is damaged too', async () => {
    const { dir, layout, a, backup } = await articleWithBackup()
    const store = await openStore(dir)
    const newer = (await createSnapshot(dir, { reason: 'manual', now: () => new Date(backup.createdAt.getTime() + 60_000) }))!
    await store.close()
    await writeFile(join(newer.dir, layout.articleRel(a)), '')
    await writeFile(layout.article(a), '')
    const again = await openStore(dir)
    expect((await again.readArticle(a)).notes).toBe('<p>v1</p>')
    expect(again.notices[0]).toContain(describeWhen(backup.createdAt))
    await again.close()
  })

  it('without any backup stays unreadable, kept aside, while the rest of the notebook works', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const [a, b] = await addArticles(store, ['Alpha', 'Bravo'])
    await store.close()
    await writeFile(store.layout.article(a!), '{"half')
    const again = await openStore(dir)
    await expect(again.readArticle(a!)).rejects.toThrow(/^The article "Alpha" was damaged \(it is not complete JSON\), and no backup holds a readable copy of it\. The damaged file is kept as/)
    expect(await readFile(`${again.layout.article(a!)}.damaged`, 'utf8')).toBe('{"half')
    expect((await again.readArticle(b!)).id).toBe(b)
    await again.close()
  })

  it('is damaged when it holds another article', async () => {
    const { dir, layout, a, b } = await articleWithBackup()
    await writeFile(layout.article(a), JSON.stringify(articleFile(b)))
    const store = await openStore(dir)
    expect((await store.readArticle(a)).id).toBe(a)
    expect(store.notices[0]).toContain(`was damaged (it holds article ${b})`)
    await store.close()
  })

  it('is recovered once when several callers read it at the same time', async () => {
    const { dir, layout, a } = await articleWithBackup()
    await writeFile(layout.article(a), '')
    const store = await openStore(dir)
    const files = await Promise.all(Array.from({ length: 10 }, () => store.readArticle(a)))
    expect(new Set(files).size).toBe(1)
    expect(store.notices).toHaveLength(1)
    expect((await readdir(layout.articlesDir)).filter((n) => n.endsWith('.damaged'))).toEqual([`${a}.json.damaged`])
    await store.close()
  })

  it('a second damage of the same file keeps both damaged copies', async () => {
    const { dir, layout, a } = await articleWithBackup()
    for (const bytes of ['first', 'second']) {
      await writeFile(layout.article(a), bytes)
      const store = await openStore(dir)
      await store.readArticle(a)
      await store.close()
    }
    const kept = (await readdir(layout.articlesDir)).filter((n) => n.endsWith('.damaged'))
    expect(kept).toHaveLength(2)
    const contents = await Promise.all(kept.map((n) => readFile(join(layout.articlesDir, n), 'utf8')))
    expect(contents.sort()).toEqual(['first', 'second'])
  })

  it('reports an unreadable article in a read-only store without touching it', async () => {
    const { dir, layout, a } = await articleWithBackup()
    await writeFile(layout.article(a), '')
    const store = await openStore(dir, { readOnly: true })
    await expect(store.readArticle(a)).rejects.toThrow(/damaged \(it is empty\)\. Run "doctor --repair"/)
    expect(await readFile(layout.article(a), 'utf8')).toBe('')
    await store.close()
    await rm(layout.article(a))
  })
})

describe('a new article id is never a counter', () => {
  it('so ids from two copies of a notebook do not clash', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('article')))
    expect(ids.size).toBe(1000)
  })
})
