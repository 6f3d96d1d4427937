import { describe, expect, it } from 'vitest'
import { readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSnapshot } from '../../../../src-main/core/backup/snapshot'
import { listBackups } from '../../../../src-main/core/backup/backup-list'
import { restoreBackup } from '../../../../src-main/core/backup/restore'
import { useTempDirs } from '../../../helpers/temp-dir'
import { addArticles, openStore } from '../store/store-fixtures'

const tempDir = useTempDirs()
const later = (ms: number) => () => new Date(Date.now() + ms)

/** A notebook snapshotted with two articles, then changed: one edited, one deleted, one added. */
async function changedSinceBackup() {
  const dir = await tempDir()
  const store = await openStore(dir)
  const [a, b] = await addArticles(store, ['Alpha', 'Bravo'])
  await store.updateArticle(a!, (f) => void (f.notes = 'as backed up'))
  const backup = (await createSnapshot(dir, { reason: 'manual' }))!
  await store.updateArticle(a!, (f) => void (f.notes = 'after the backup'))
  await store.updateIndex((ix) => void (ix.articles = ix.articles.filter((x) => x.id !== b)))
  await store.deleteArticleFile(b!)
  const [c] = await addArticles(store, ['Charlie'])
  await store.close()
  return { dir, a: a!, b: b!, c: c!, backup }
}

describe('restoreBackup', () => {
  it('puts the notebook back as it was, and keeps the state it replaced as a backup that undoes it', async () => {
    const { dir, a, b, c, backup } = await changedSinceBackup()
    const result = await restoreBackup(dir, backup.id, { holder: 'test', now: later(1000) })
    expect(result.notice).toMatch(/^Restored the backup of .+ \(2 articles\)\. The notebook as it was just before is kept as backup .+; restore that one to undo this\.$/)
    expect(result.safety?.manifest.reason).toBe('before-restore')
    const store = await openStore(dir)
    expect(store.index.articles.map((x) => x.id)).toEqual([a, b])
    expect((await store.readArticle(a)).notes).toBe('as backed up')
    await store.close()
    expect((await readdir(join(dir, 'articles'))).sort()).toEqual([`${a}.json`, `${b}.json`].sort())

    await restoreBackup(dir, result.safety!.id, { holder: 'test', now: later(2000) })
    const undone = await openStore(dir)
    expect(undone.index.articles.map((x) => x.id)).toEqual([a, c])
    expect((await undone.readArticle(a)).notes).toBe('after the backup')
    await undone.close()
  })

  it('rewrites only the files that differ from the backup', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const ids = await addArticles(store, ['A', 'B', 'C', 'D'])
    const backup = (await createSnapshot(dir, { reason: 'manual' }))!
    await store.updateArticle(ids[0]!, (f) => void (f.notes = 'changed'))
    await store.close()
    const result = await restoreBackup(dir, backup.id, { holder: 'test', now: later(1000) })
    expect(result.replaced).toBe(1)
    expect(result.removed).toBe(0)
  })

  it('refuses while the notebook is open elsewhere, and changes nothing', async () => {
    const { dir, backup } = await changedSinceBackup()
    const store = await openStore(dir)
    await expect(restoreBackup(dir, backup.id, { holder: 'test' })).rejects.toThrow(/open in another process/)
    expect(await listBackups(dir)).toHaveLength(1)
    await store.close()
  })

  it('refuses an unknown id with the way to find the right one', async () => {
    const { dir } = await changedSinceBackup()
    await expect(restoreBackup(dir, 'yesterday', { holder: 'test' })).rejects.toThrow('There is no backup "yesterday" in this notebook; run "backups" to see the 1 there are.')
  })

  it('refuses a backup whose own index is damaged', async () => {
    const { dir, backup } = await changedSinceBackup()
    await unlink(join(backup.dir, 'notebook.json'))
    await writeFile(join(backup.dir, 'notebook.json'), '')
    await expect(restoreBackup(dir, backup.id, { holder: 'test' })).rejects.toThrow(`The backup ${backup.id} is itself damaged (it is empty); choose an older one.`)
  })

  it('never prunes the backup it is restoring to make room for the safety snapshot', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const [a] = await addArticles(store, ['A'])
    const oldest = (await createSnapshot(dir, { reason: 'manual', now: () => new Date(2020, 0, 1) }))!
    await store.updateArticle(a!, (f) => void (f.notes = 'newer'))
    await store.close()
    // With the default policy a five-year-old snapshot survives only as one of the last ten.
    for (let i = 1; i <= 9; i++) await createSnapshot(dir, { reason: 'manual', now: () => new Date(2020, 0, 1, 0, i) })
    const result = await restoreBackup(dir, oldest.id, { holder: 'test' })
    expect(result.backup.id).toBe(oldest.id)
    const again = await openStore(dir)
    expect((await again.readArticle(a!)).notes).toBe('')
    await again.close()
  })
})
