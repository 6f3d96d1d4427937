import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSnapshot, removePartialSnapshots } from '../../../../src-main/core/backup/snapshot'
import { listBackups } from '../../../../src-main/core/backup/backup-list'
import { restoreBackup } from '../../../../src-main/core/backup/restore'
import { realFs, type FsOps } from '../../../../src-main/core/store/fs-ops'
import { useTempDirs } from '../../../helpers/temp-dir'
import { addArticles, openStore } from '../store/store-fixtures'

const tempDir = useTempDirs()
const ino = async (p: string) => (await stat(p)).ino

async function notebook(titles = ['Alpha', 'Bravo', 'Charlie']) {
  const dir = await tempDir()
  const store = await openStore(dir)
  const ids = await addArticles(store, titles)
  await store.writeOriginal('a'.repeat(64), new TextEncoder().encode('original bytes'))
  return { dir, store, ids }
}

describe('createSnapshot', () => {
  it('copies the index and every article file, and links the originals', async () => {
    const { dir, store, ids } = await notebook()
    const snap = (await createSnapshot(dir, { reason: 'manual' }))!
    expect(snap.manifest).toMatchObject({ reason: 'manual', articleCount: 3, notebook: { name: store.index.notebook.name }, originals: 'linked' })
    expect(Object.keys(snap.manifest.files).sort()).toEqual(['notebook.json', ...ids.map((id) => `articles/${id}.json`)].sort())
    for (const rel of Object.keys(snap.manifest.files)) {
      expect(await readFile(join(snap.dir, rel), 'utf8')).toBe(await readFile(join(dir, rel), 'utf8'))
      // A copy, not a link to the live file: damage to the live file in place cannot reach it.
      expect(await ino(join(snap.dir, rel))).not.toBe(await ino(join(dir, rel)))
    }
    expect(await ino(join(snap.dir, 'originals', 'a'.repeat(64)))).toBe(await ino(store.layout.original('a'.repeat(64))))
    await store.close()
  })

  it('copies only what changed since the last snapshot and links the rest to it', async () => {
    const { dir, store, ids } = await notebook()
    const first = (await createSnapshot(dir, { reason: 'manual' }))!
    await store.updateArticle(ids[0]!, (f) => void (f.notes = 'changed'))
    const second = (await createSnapshot(dir, { reason: 'interval', now: () => new Date(first.createdAt.getTime() + 1000) }))!
    const changed = `articles/${ids[0]}.json`
    expect(await ino(join(second.dir, changed))).not.toBe(await ino(join(first.dir, changed)))
    expect(JSON.parse(await readFile(join(second.dir, changed), 'utf8')).notes).toBe('changed')
    expect(JSON.parse(await readFile(join(first.dir, changed), 'utf8')).notes).toBe('')
    for (const rel of ['notebook.json', `articles/${ids[1]}.json`, `articles/${ids[2]}.json`]) {
      expect(await ino(join(second.dir, rel))).toBe(await ino(join(first.dir, rel)))
    }
    await store.close()
  })

  it('takes nothing when asked to skip an unchanged notebook', async () => {
    const { dir, store, ids } = await notebook()
    await createSnapshot(dir, { reason: 'launch' })
    expect(await createSnapshot(dir, { reason: 'launch', skipIfUnchanged: true })).toBeNull()
    await store.updateArticle(ids[1]!, (f) => void (f.notes = 'x'))
    expect(await createSnapshot(dir, { reason: 'interval', skipIfUnchanged: true, now: () => new Date(Date.now() + 1000) })).not.toBeNull()
    expect((await readdir(store.layout.backupsDir)).filter((n) => n.startsWith('.'))).toEqual([])
    await store.close()
  })

  it('copies again a file whose copy in the last snapshot was cut short', async () => {
    const { dir, store, ids } = await notebook()
    const first = (await createSnapshot(dir, { reason: 'manual' }))!
    const rel = `articles/${ids[0]}.json`
    await truncate(join(first.dir, rel), 3)
    const second = (await createSnapshot(dir, { reason: 'manual', now: () => new Date(first.createdAt.getTime() + 1000) }))!
    expect(await readFile(join(second.dir, rel), 'utf8')).toBe(await readFile(join(dir, rel), 'utf8'))
    await store.close()
  })

  it('keeps a snapshot as it was while the notebook goes on changing', async () => {
    const { dir, store, ids } = await notebook()
    const snap = (await createSnapshot(dir, { reason: 'manual' }))!
    const before = await readFile(join(snap.dir, `articles/${ids[2]}.json`), 'utf8')
    for (let i = 0; i < 5; i++) await store.updateArticle(ids[2]!, (f) => void (f.notes = `edit ${i}`))
    expect(await readFile(join(snap.dir, `articles/${ids[2]}.json`), 'utf8')).toBe(before)
    await store.close()
  })

  it('ignores and clears a snapshot a crash left without its manifest', async () => {
    const { dir, store } = await notebook()
    const partial = join(store.layout.backupsDir, '.partial-2020-01-01T00-00-00-000Z')
    await mkdir(join(partial, 'articles'), { recursive: true })
    await writeFile(join(partial, 'notebook.json'), '{}')
    const noManifest = join(store.layout.backupsDir, '2020-01-01T00-00-00-000Z')
    await mkdir(noManifest, { recursive: true })
    expect(await listBackups(dir)).toEqual([])
    expect(await removePartialSnapshots(dir)).toBe(1)
    expect(await readdir(store.layout.backupsDir)).toEqual(['2020-01-01T00-00-00-000Z'])
    await store.close()
  })

  it('gives two snapshots taken in the same millisecond different ids', async () => {
    const { dir, store } = await notebook(['Alpha'])
    const at = new Date('2026-01-02T03:04:05.006Z')
    const a = (await createSnapshot(dir, { reason: 'manual', now: () => at }))!
    const b = (await createSnapshot(dir, { reason: 'manual', now: () => at }))!
    expect([a.id, b.id]).toEqual(['2026-01-02T03-04-05-006Z', '2026-01-02T03-04-05-006Z-2'])
    await store.close()
  })

  it('prunes by the retention policy after each snapshot', async () => {
    const { dir, store, ids } = await notebook(['Alpha'])
    const base = Date.now()
    for (let i = 0; i < 5; i++) {
      await store.updateArticle(ids[0]!, (f) => void (f.notes = `edit ${i}`))
      await createSnapshot(dir, { reason: 'interval', now: () => new Date(base + i * 1000), retention: { keepLast: 2, keepDays: 0 } })
    }
    const left = await listBackups(dir)
    expect(left).toHaveLength(2)
    expect(JSON.parse(await readFile(join(left[0]!.dir, `articles/${ids[0]}.json`), 'utf8')).notes).toBe('edit 4')
    await store.close()
  })
})

describe('snapshots on a file system that writes a file only when it is synced', () => {
  /**
   * Like a protected notebook's: what is written to a handle is held until sync or close, then written in one
   * piece. A handle opened for writing and synced without writing would leave the file empty.
   */
  function sealOnSync(): FsOps {
    return {
      ...realFs,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await realFs.open(path, flags, mode)
        if (!/[wax+]/.test(flags)) return handle
        const held: Buffer[] = []
        let done = false
        const flush = async () => {
          if (done) return
          done = true
          await handle.truncate(0)
          await handle.write(Buffer.concat(held), 0, undefined, 0)
        }
        return new Proxy(handle, {
          get(target, prop) {
            if (prop === 'writeFile') return async (d: string | Uint8Array) => void held.push(Buffer.from(d))
            if (prop === 'writev') return async (bs: Uint8Array[]) => ({ bytesWritten: bs.reduce((n, b) => (held.push(Buffer.from(b)), n + b.byteLength), 0), buffers: bs })
            if (prop === 'sync') return async () => (await flush(), target.sync())
            if (prop === 'close') return async () => (await flush(), target.close())
            const v = Reflect.get(target, prop) as unknown
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
          },
        })
      }) as FsOps['open'],
    }
  }

  it('keeps whole copies, and restores them whole', async () => {
    const dir = await tempDir()
    const fs = sealOnSync()
    const store = await openStore(dir, { fs })
    const [a] = await addArticles(store, ['Alpha'])
    await store.updateArticle(a!, (f) => void (f.notes = 'kept'))
    const snap = (await createSnapshot(dir, { reason: 'manual', fs }))!
    await store.updateArticle(a!, (f) => void (f.notes = 'later'))
    await store.close()
    for (const rel of Object.keys(snap.manifest.files)) expect((await stat(join(snap.dir, rel))).size).toBeGreaterThan(0)
    await restoreBackup(dir, snap.id, { holder: 'test', fs, now: () => new Date(Date.now() + 1000) })
    const again = await openStore(dir, { fs })
    expect((await again.readArticle(a!)).notes).toBe('kept')
    await again.close()
  })
})
