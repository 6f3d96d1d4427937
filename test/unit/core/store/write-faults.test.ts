import { describe, expect, it } from 'vitest'
import { readdir, readFile } from 'node:fs/promises'
import { realFs, type FsOps } from '../../../../src-main/core/store/fs-ops'
import { SaveFailedError } from '../../../../src-main/core/store/write-failure'
import type { StoreStatus } from '../../../../src-main/core/store/notebook-store'
import { useTempDirs } from '../../../helpers/temp-dir'
import { fillableDisk } from '../../../helpers/fillable-disk'
import { addArticles, openStore } from './store-fixtures'

const tempDir = useTempDirs()

/** The real disk, with faults switched on and off: a full disk on write, or a rename that keeps failing. */
function faultyFs() {
  const { fs: fillable, disk } = fillableDisk()
  const faults = { renameFails: false }
  const fs: FsOps = {
    ...fillable,
    rename: async (from, to) => {
      if (faults.renameFails) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' })
      return realFs.rename(from, to)
    },
  }
  return { fs, disk, faults }
}

const RETRY = { first: 20, max: 40 }

describe('write faults', () => {
  it('keep every edit in memory while the disk is full, say so plainly, and save them all once space is back', async () => {
    const dir = await tempDir()
    const { fs, disk } = faultyFs()
    const statuses: StoreStatus[] = []
    // Retries wait for the test's word here, so the folder can be inspected between attempts.
    const store = await openStore(dir, { fs, retry: { first: 60_000, max: 60_000 }, onStatus: (s) => statuses.push(s) })
    // More articles than the store caches, so an edited one that could not be saved must not be evicted.
    const ids = await addArticles(store, Array.from({ length: 80 }, (_, i) => `Article ${i}`))
    disk.full = true
    const results = await Promise.allSettled(ids.map((id, i) => store.updateArticle(id, (f) => void (f.notes = `<p>edit ${i}</p>`))))
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    const error = (results[0] as PromiseRejectedResult).reason
    expect(error).toBeInstanceOf(SaveFailedError)
    expect(error.message).toBe('The disk is full, so the article "Article 0" could not be saved. Your edits are kept in memory and saving is retried; free some space and they will be saved.')
    expect(statuses.some((s) => s.state === 'error' && /disk is full/.test(s.message))).toBe(true)
    expect(store.pendingWrites).toBeGreaterThan(0)
    expect(store.failingFiles.length).toBeGreaterThan(0)
    expect(store.failingWrites[0]!.message).toMatch(/^The disk is full/)
    for (const [i, id] of ids.entries()) expect((await store.readArticle(id)).notes).toBe(`<p>edit ${i}</p>`)
    // The files on disk are the old, whole ones, and no temp file is left beside them.
    expect(JSON.parse(await readFile(store.layout.article(ids[0]!), 'utf8')).notes).toBe('')
    expect((await readdir(store.layout.articlesDir)).filter((n) => n.endsWith('.tmp'))).toEqual([])

    disk.full = false
    store.retryFailedWrites()
    await store.flush()
    expect(store.pendingWrites).toBe(0)
    expect(store.failingFiles).toEqual([])
    expect(statuses.at(-1)?.state).toBe('saved')
    await store.close()
    const again = await openStore(dir)
    for (const [i, id] of ids.entries()) expect((await again.readArticle(id)).notes).toBe(`<p>edit ${i}</p>`)
    await again.close()
  })

  it('keep index changes while renames fail, and retry by themselves until renames work again', async () => {
    const dir = await tempDir()
    const { fs, faults } = faultyFs()
    const store = await openStore(dir, { fs, retry: RETRY })
    await addArticles(store, ['Alpha'])
    faults.renameFails = true
    await expect(store.updateIndex((ix) => void ix.tags.push('kept'))).rejects.toThrow(/^Saving the notebook index failed \(EIO: i\/o error, rename\)\. Your edits are kept in memory and saving is retried\.$/)
    await expect(store.updateIndex((ix) => void ix.tags.push('also kept'))).rejects.toBeInstanceOf(SaveFailedError)
    expect(store.failingFiles).toEqual(['index'])
    expect(store.index.tags).toEqual(['kept', 'also kept'])
    expect(JSON.parse(await readFile(store.layout.index, 'utf8')).tags).toEqual([])
    faults.renameFails = false
    await waitFor(() => store.pendingWrites === 0)
    await store.close()
    const again = await openStore(dir)
    expect(again.index.tags).toEqual(['kept', 'also kept'])
    await again.close()
  })

  it('let the app warn before closing: a flush leaves failing writes named, and a retry after the fault clears them', async () => {
    const dir = await tempDir()
    const { fs, disk } = faultyFs()
    const store = await openStore(dir, { fs, retry: { first: 60_000, max: 60_000 } })
    const [id] = await addArticles(store, ['Alpha'])
    disk.full = true
    await store.updateArticle(id!, (f) => void (f.notes = 'unsaved')).catch(() => {})
    await store.flush()
    expect(store.failingFiles).toEqual([`article:${id}`])
    expect(store.pendingWrites).toBe(1)
    disk.full = false
    store.retryFailedWrites()
    await store.flush()
    expect(store.failingFiles).toEqual([])
    await store.close()
    const again = await openStore(dir)
    expect((await again.readArticle(id!)).notes).toBe('unsaved')
    await again.close()
  })
})

async function waitFor(done: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting for the writes to settle')
    await new Promise((r) => setTimeout(r, 10))
  }
}
