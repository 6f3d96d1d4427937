import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackupScheduler } from '../../../../src-main/core/backup/scheduler'
import { listBackups } from '../../../../src-main/core/backup/backup-list'
import { useTempDirs } from '../../../helpers/temp-dir'
import { addArticles, openStore } from '../store/store-fixtures'

const tempDir = useTempDirs()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('createBackupScheduler', () => {
  it('takes a snapshot at launch, then one per interval only while the notebook changes', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    const [id] = await addArticles(store, ['Alpha'])
    let tick = 0
    const scheduler = createBackupScheduler(store, { intervalMs: 80, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) })
    const launch = await scheduler.start()
    expect(launch?.manifest).toMatchObject({ reason: 'launch', articleCount: 1 })
    await sleep(300)
    expect(await listBackups(dir)).toHaveLength(1)
    await store.updateArticle(id!, (f) => void (f.notes = 'changed'))
    await sleep(300)
    const backups = await listBackups(dir)
    expect(backups.map((b) => b.manifest.reason)).toEqual(['interval', 'launch'])
    await scheduler.stop()
    await store.close()
  })

  it('skips the launch snapshot when nothing changed since the last one', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    await addArticles(store, ['Alpha'])
    const first = createBackupScheduler(store)
    expect(await first.start()).not.toBeNull()
    await first.stop()
    const second = createBackupScheduler(store)
    expect(await second.start()).toBeNull()
    await second.stop()
    await store.close()
  })

  it('stopped at once, waits for the launch snapshot under way and takes no other, so the folder can go', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    await addArticles(store, ['Alpha', 'Beta'])
    const scheduler = createBackupScheduler(store, { intervalMs: 10 })
    const launch = scheduler.start()
    await scheduler.stop()
    const names = await readdir(join(dir, 'backups')).catch(() => [])
    expect(names.filter((n) => n.startsWith('.partial-'))).toEqual([])
    expect(await launch).toBeNull()
    expect(await scheduler.snapshotNow()).toBeNull()
    await store.close()
    await rm(dir, { recursive: true })
  })

  it('reports a failing snapshot and keeps the app going', async () => {
    const dir = await tempDir()
    const store = await openStore(dir)
    await addArticles(store, ['Alpha'])
    const errors: unknown[] = []
    const scheduler = createBackupScheduler(store, { onError: (e) => errors.push(e), now: () => new Date(Number.NaN) })
    expect(await scheduler.start()).toBeNull()
    expect(errors).toHaveLength(1)
    await scheduler.stop()
    await store.close()
  })
})
