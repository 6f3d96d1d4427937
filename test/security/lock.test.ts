/**
 * A protected notebook in the app: it opens locked, refuses every channel that reads content until the passphrase
 * is given (through the contract, with a sender check, exactly as the window calls it), and locks again on idle, on
 * the screen locking or on request: edits saved, store closed, key forgotten, window reloaded.
 * Electron is the stub of test/unit/main; the notebook, its encryption and the handler table are the real ones.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { protectNotebook } from '../../src-main/core/crypto/protection'
import { IdleLock } from '../../src-main/core/crypto/idle-lock'
import { MIN_KDF_N } from '../../src-main/core/crypto/key-file'
import { notebookDir } from '../../src-main/main/paths'
import { lockedNotebook, NotebookLockedError } from '../../src-main/main/notebook-lock'
import { useTempDirs } from '../helpers/temp-dir'
import { app, powerMonitor, resetElectron } from '../unit/main/stub-electron'
import { answeringFlushes, call, closeApp, theWindow } from '../unit/main/window-calls'

vi.mock('electron', () => import('../unit/main/stub-electron'))
const { runApp } = await import('../../src-main/main/lifecycle')

const PASS = 'lighthouse keeper ledger'
const KDF = { N: MIN_KDF_N, r: 8, p: 1 }
const tempDir = useTempDirs()
let running: Awaited<ReturnType<typeof runApp>> = null

beforeEach(() => {
  resetElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(async () => {
  await closeApp(running).catch(() => {})
  running = null
})

/** A notebook folder with one article in it, protected with PASS. */
async function protectedNotebook(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const store = await NotebookStore.open(dir, { holder: 'lock test setup' })
  const article = await createServices(store).createArticle({ title: 'Harbour closure', text: 'Pilots say the harbour is closed to tankers.' })
  await store.close()
  await protectNotebook(dir, PASS, { kdf: KDF })
  return article.id
}



describe('a protected notebook in the app', () => {
  it('opens locked, reads nothing until the passphrase is given, and refuses a wrong one', async () => {
    const userData = await tempDir()
    const id = await protectedNotebook(notebookDir(userData))
    app.paths.set('userData', userData)
    running = await runApp({ mainDir: '/app/out/main', env: {} })
    expect(running).not.toBeNull()

    await expect(call('notebook:lock-state')).resolves.toEqual({ protected: true, locked: true, name: 'Notebook', idleLockMinutes: 10 })
    for (const [channel, payload] of [['articles:list'], ['articles:get', { id }], ['notebook:status'], ['search:query', { text: 'harbour' }], ['export:preview', { target: { kind: 'all' } }]] as const) {
      await expect(call(channel, payload), channel).rejects.toThrow(/notebook is locked/)
    }
    await expect(call('notebook:unlock', { passphrase: 'not it at all' })).rejects.toThrow(/does not open this notebook/)
    await expect(call('notebook:unlock', { passphrase: '' })).rejects.toThrow(/Type the passphrase/)
    expect(((await call('notebook:lock-state')) as { locked: boolean }).locked).toBe(true)

    await expect(call('notebook:unlock', { passphrase: PASS })).resolves.toEqual({ unlocked: true })
    expect(((await call('notebook:lock-state')) as { locked: boolean }).locked).toBe(false)
    expect(((await call('articles:list')) as Array<{ title: string }>).map((a) => a.title)).toEqual(['Harbour closure'])
  })

  it('takes its snapshots and keeps its journal sealed once unlocked, and restores a backup without asking again', async () => {
    const userData = await tempDir()
    const dir = notebookDir(userData)
    const id = await protectedNotebook(dir)
    app.paths.set('userData', userData)
    running = await runApp({ mainDir: '/app/out/main', env: {} })
    await expect(call('backups:list')).rejects.toThrow(/notebook is locked/)
    await expect(call('journal:record', { articleId: id, field: 'notes', rev: 1, notes: '<p>x</p>' })).resolves.toEqual({ recorded: false })
    await call('notebook:unlock', { passphrase: PASS })
    await running!.notebook.durability!.launchSnapshot
    const [snapshot] = (await call('backups:list')) as Array<{ id: string; reason: string }>
    expect(snapshot!.reason).toBe('launch')
    const copy = await readFile(join(dir, 'backups', snapshot!.id, 'notebook.json'))
    expect(copy.includes(Buffer.from('Harbour closure'))).toBe(false)

    await call('journal:record', { articleId: id, field: 'notes', rev: 1, notes: '<p>Tankers turned back at noon.</p>' })
    await running!.notebook.durability!.journal.flush()
    expect((await readFile(join(dir, 'hot-exit.json'))).includes(Buffer.from('Tankers'))).toBe(false)

    await call('articles:save-notes', { id, notes: '<p>Tankers turned back at noon.</p>', rev: 1 })
    const restoring = call('backups:restore', { id: snapshot!.id })
    await answeringFlushes(restoring)
    await expect(restoring).resolves.toMatchObject({ outcome: 'restored' })
    expect(((await call('notebook:lock-state')) as { locked: boolean }).locked).toBe(false)
    expect(((await call('articles:get', { id })) as { notes: string }).notes).toBe('')
  })

  it('locks when the screen locks or on request: edits saved, content refused, the window reloaded', async () => {
    const userData = await tempDir()
    const id = await protectedNotebook(notebookDir(userData))
    app.paths.set('userData', userData)
    running = await runApp({ mainDir: '/app/out/main', env: {} })
    await call('notebook:unlock', { passphrase: PASS })
    await call('articles:save-notes', { id, notes: '<p>Written just before the lock.</p>' })

    const reloads = theWindow().webContents.reload.mock.calls.length
    powerMonitor.emit('lock-screen')
    // Locked the moment the key is dropped; the window reloads once the store has closed.
    await answeringFlushes(
      vi.waitFor(
        async () => {
          expect(((await call('notebook:lock-state')) as { locked: boolean }).locked).toBe(true)
          expect(theWindow().webContents.reload.mock.calls.length).toBe(reloads + 1)
        },
        { timeout: 5000 },
      ),
    )
    await expect(call('articles:get', { id })).rejects.toThrow(/notebook is locked/)

    await call('notebook:unlock', { passphrase: PASS })
    expect(((await call('articles:get', { id })) as { notes: string }).notes).toBe('<p>Written just before the lock.</p>')

    const locking = call('notebook:lock')
    await answeringFlushes(locking)
    await expect(locking).resolves.toEqual({ locked: true })
    await expect(call('articles:list')).rejects.toThrow(/notebook is locked/)
    await expect(call('notebook:lock')).resolves.toEqual({ locked: false })
  })

  it('a plain notebook says it is not protected, and unlock has nothing to do', async () => {
    const userData = await tempDir()
    app.paths.set('userData', userData)
    running = await runApp({ mainDir: '/app/out/main', env: {} })
    await expect(call('notebook:lock-state')).resolves.toEqual({ protected: false, locked: false, name: 'Notebook', idleLockMinutes: 10 })
    await expect(call('notebook:unlock', { passphrase: PASS })).rejects.toThrow(/not protected/)
    await expect(call('notebook:lock')).resolves.toEqual({ locked: false })
  })
})

describe('the lockable notebook', () => {
  it('forgets its key on lock: a reference kept to the old store decrypts nothing more', async () => {
    const dir = await tempDir()
    const id = await protectedNotebook(dir)
    const notebook = lockedNotebook(dir, (fs) => NotebookStore.open(dir, { holder: 'lock test', fs }))
    expect(() => notebook.services.listArticles()).toThrow(NotebookLockedError)
    await notebook.protection.unlock(PASS)
    const kept = notebook.store
    expect((await notebook.services.getArticle(id)).meta.title).toBe('Harbour closure')
    await notebook.protection.lock()
    expect(notebook.protection.locked).toBe(true)
    expect(() => notebook.services.getArticle(id)).toThrow(NotebookLockedError)
    // Whatever still holds the old store cannot decrypt anything more from the disk: the key is zeroed.
    const sha = kept.index.articles[0]!.provenance.sha256
    await expect(kept.readOriginal(sha)).rejects.toThrow(/locked; its key is gone/)
  })
})

describe('the idle lock', () => {
  it('locks once the system has been idle for the timeout, not before, then stops until started again', async () => {
    vi.useFakeTimers()
    try {
      let idle = 0
      const lock = vi.fn(async () => {})
      const idleLock = new IdleLock({ timeoutMs: 60_000, idleMs: () => idle, lock, pollMs: 1000 })
      idleLock.start()
      idle = 59_000
      await vi.advanceTimersByTimeAsync(5000)
      expect(lock).not.toHaveBeenCalled()
      idle = 60_000
      await vi.advanceTimersByTimeAsync(1000)
      expect(lock).toHaveBeenCalledOnce()
      expect(idleLock.running).toBe(false)
      await vi.advanceTimersByTimeAsync(10_000)
      expect(lock).toHaveBeenCalledOnce()
      idleLock.start()
      await vi.advanceTimersByTimeAsync(1000)
      expect(lock).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
