import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { events } from '../../../src-main/shared/ipc-contract'
import { notebookLayout } from '../../../src-main/core/store/layout'
import { HotExitJournal } from '../../../src-main/core/recovery/hot-exit-journal'
import { useTempDirs } from '../../helpers/temp-dir'
import { app, resetElectron } from './stub-electron'
import { answeringFlushes, call, closeApp, quitApp, settle, theWindow } from './window-calls'

vi.mock('electron', () => import('./stub-electron'))
const { runApp } = await import('../../../src-main/main/lifecycle')
type Running = NonNullable<Awaited<ReturnType<typeof runApp>>>

/** Issue 7 in main: snapshots and the hot-exit journal run for the open notebook; File > Restore… restores one. */

const tempDir = useTempDirs()
const mainDir = '/app/out/main'
let running: Running | null = null

async function launch(userData: string): Promise<Running> {
  app.paths.set('userData', userData)
  const r = await runApp({ mainDir, env: {}, argv: [] })
  if (!r) throw new Error('the app did not start')
  running = r
  return r
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return
    await settle()
  }
  throw new Error(`timed out waiting until ${what}`)
}


async function quit(): Promise<void> {
  await quitApp()
  running = null
}

const notesOf = async (id: string) => ((await call('articles:get', { id })) as { notes: string }).notes
const firstArticle = async () => ((await call('articles:list')) as Array<{ id: string; title: string }>)[0]!

beforeEach(() => {
  resetElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(async () => {
  await closeApp(running)
  running = null
})

describe('snapshots of the open notebook', () => {
  it('takes one at launch and lists it for File > Restore…', async () => {
    await launch(await tempDir())
    await running!.notebook.durability!.launchSnapshot
    const backups = (await call('backups:list')) as Array<{ id: string; reason: string; articleCount: number; createdAt: string }>
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatchObject({ reason: 'launch', articleCount: 1 })
    expect(Date.parse(backups[0]!.createdAt)).not.toBeNaN()
  })
})

describe('the hot-exit journal', () => {
  it('keeps what the window reports until the save of that revision lands, and a clean quit leaves nothing', async () => {
    const r = await launch(await tempDir())
    const journalPath = r.notebook.store.layout.hotExit
    const { id } = await firstArticle()
    await expect(call('journal:record', { articleId: id, field: 'notes', rev: 5, notes: '<p>convoy seen at dawn</p>' })).resolves.toEqual({ recorded: true })
    await until('the journal is on disk', () => existsSync(journalPath))
    expect(await readFile(journalPath, 'utf8')).toContain('convoy seen at dawn')

    await call('articles:save-notes', { id, notes: '<p>convoy seen at dawn</p>', rev: 5 })
    await until('the settled journal is removed', () => !existsSync(journalPath))
    await quit()
    expect(existsSync(journalPath)).toBe(false)
  })

  it('an older revision arriving late does not replace a newer one', async () => {
    const r = await launch(await tempDir())
    const { id } = await firstArticle()
    await call('journal:record', { articleId: id, field: 'notes', rev: 9, notes: '<p>newer</p>' })
    await call('journal:record', { articleId: id, field: 'notes', rev: 8, notes: '<p>older</p>' })
    expect(r.notebook.durability!.journal.pending).toMatchObject([{ field: 'notes', rev: 9, notes: '<p>newer</p>' }])
    // A save of an older revision than the one journaled does not settle it.
    await call('articles:save-notes', { id, notes: '<p>older</p>', rev: 8 })
    expect(r.notebook.durability!.journal.pending).toHaveLength(1)
  })

  it('replays an edit whose save never landed on the next launch, and says so', async () => {
    const userData = await tempDir()
    await launch(userData)
    const { id, title } = await firstArticle()
    await call('journal:record', { articleId: id, field: 'notes', rev: 3, notes: '<p>typed just before the crash</p>' })
    // The window died before its autosave: main quits with the entry still unsettled, so it stays on disk.
    await quit()
    expect(existsSync(notebookLayout(join(userData, 'Notebook')).hotExit)).toBe(true)

    resetElectron()
    await launch(userData)
    expect(await notesOf(id)).toBe('<p>typed just before the crash</p>')
    const status = (await call('notebook:status')) as { notices: string[] }
    expect(status.notices).toContainEqual(expect.stringContaining(`recovered and saved now ("${title}")`))
    const reasons = ((await call('backups:list')) as Array<{ reason: string }>).map((b) => b.reason)
    expect(reasons[0]).toBe('launch')
  })

  it('replays a journal a crashed main left behind', async () => {
    const userData = await tempDir()
    const r = await launch(userData)
    const { id } = await firstArticle()
    const notebookId = r.notebook.store.index.notebook.id
    await quit()
    const crashed = await HotExitJournal.open(notebookLayout(join(userData, 'Notebook')).hotExit, { notebookId })
    crashed.record({ articleId: id, field: 'notes', rev: 2, notes: '<p>from the journal</p>' })
    await crashed.flush()

    resetElectron()
    await launch(userData)
    expect(await notesOf(id)).toBe('<p>from the journal</p>')
  })

  it('refuses a record that is not an article body or notes', async () => {
    await launch(await tempDir())
    const { id } = await firstArticle()
    await expect(call('journal:record', { articleId: id, field: 'title', rev: 1, notes: 'x' })).rejects.toThrow(/Invalid request to journal:record/)
    await expect(call('journal:record', { articleId: id, field: 'notes', rev: -1, notes: 'x' })).rejects.toThrow(/Invalid request to journal:record \(rev\)/)
    await expect(call('journal:record', { articleId: 'art_nope', field: 'notes', rev: 1, notes: 'x' })).rejects.toThrow(/Invalid request/)
  })
})

describe('File > Restore…', () => {
  it('restores an earlier snapshot after snapshotting the notebook as it is, reloads the window, and can be undone', async () => {
    const r = await launch(await tempDir())
    const { id } = await firstArticle()
    const before = await notesOf(id)
    await r.notebook.durability!.launchSnapshot
    await call('articles:save-notes', { id, notes: '<p>an afternoon of work</p>' })
    const [launchSnapshot] = (await call('backups:list')) as Array<{ id: string }>

    const restored = (await answeringFlushes(call('backups:restore', { id: launchSnapshot!.id }))) as { outcome: string; notice: string }
    expect(restored.outcome).toBe('restored')
    expect(restored.notice).toMatch(/^Restored the backup of .+ \(1 article\)\. The notebook as it was just before is kept as backup /)
    expect(theWindow().webContents.reload).toHaveBeenCalledOnce()
    expect(await notesOf(id)).toBe(before)
    expect(((await call('notebook:status')) as { notices: string[] }).notices).toContain(restored.notice)

    // The notebook is now the snapshot it was restored from: reopening it takes no launch snapshot of its own.
    await expect(r.notebook.durability!.launchSnapshot).resolves.toBeNull()
    const backups = (await call('backups:list')) as Array<{ id: string; reason: string }>
    expect(backups.map((b) => b.reason)).toEqual(['before-restore', 'launch'])
    await answeringFlushes(call('backups:restore', { id: backups[0]!.id }))
    expect(await notesOf(id)).toBe('<p>an afternoon of work</p>')
  })

  it('leaves the notebook open as it was when the backup does not exist', async () => {
    await launch(await tempDir())
    const { id } = await firstArticle()
    await call('articles:save-notes', { id, notes: '<p>kept</p>' })
    await expect(answeringFlushes(call('backups:restore', { id: '2020-01-01T00-00-00-000Z' }))).rejects.toThrow(/There is no backup "2020-01-01T00-00-00-000Z"/)
    expect(await notesOf(id)).toBe('<p>kept</p>')
    await expect(call('backups:restore', { id: '../../etc' })).rejects.toThrow(/Invalid request to backups:restore/)
  })
})
