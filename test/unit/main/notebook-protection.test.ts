/**
 * Protecting the open notebook from the window, changing its passphrase and removing it, and the idle-lock setting:
 * main's channels as the window calls them (sender check and zod included), with the real store and core's
 * transitions. Electron is the stub; the window's answer to a flush request is played by answerFlushes.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { createServices } from '../../../src-main/core/services/notebook-services'
import { isProtected, protectNotebook } from '../../../src-main/core/crypto/protection'
import { keyFilePath, MIN_KDF_N } from '../../../src-main/core/crypto/key-file'
import { notebookDir } from '../../../src-main/main/paths'
import { events } from '../../../src-main/shared/ipc-contract'
import { useTempDirs } from '../../helpers/temp-dir'
import { app, powerMonitor, resetElectron } from './stub-electron'
import { answeringFlushes, call, closeApp, theWindow } from './window-calls'

vi.mock('electron', () => import('./stub-electron'))
const { runApp } = await import('../../../src-main/main/lifecycle')

const PASS = 'saltmarsh ferry timetable'
const NEW_PASS = 'granite orchard compass'
const PHRASE = 'convoy of grain barges'
const tempDir = useTempDirs()
let running: Awaited<ReturnType<typeof runApp>> = null
let logged: string[] = []

beforeEach(() => {
  resetElectron()
  logged = []
  for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' ')))
  }
})
afterEach(async () => {
  vi.useRealTimers()
  await closeApp(running).catch(() => {})
  running = null
  vi.restoreAllMocks()
})



/** Starts the app on a notebook in userData holding one article, protected with PASS when asked. */
async function start(protectWith: string | null = null): Promise<{ dir: string; id: string; userData: string }> {
  const userData = await tempDir()
  const dir = notebookDir(userData)
  await mkdir(dir, { recursive: true })
  const store = await NotebookStore.open(dir, { holder: 'protection test setup' })
  const article = await createServices(store).createArticle({ title: 'Grain corridor', text: `Harbour pilots reported a ${PHRASE} leaving at dawn.` })
  await store.close()
  if (protectWith) await protectNotebook(dir, protectWith, { kdf: { N: MIN_KDF_N, r: 8, p: 1 } })
  app.paths.set('userData', userData)
  running = await runApp({ mainDir: '/app/out/main', env: {} })
  if (protectWith) await call('notebook:unlock', { passphrase: protectWith })
  return { dir, id: article.id, userData }
}

/** Every regular file below dir, as text, once the snapshot taken when the notebook was last opened is written. */
async function everyFile(dir: string): Promise<Array<{ path: string; text: string }>> {
  await running?.notebook.durability?.launchSnapshot
  const out: Array<{ path: string; text: string }> = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push({ path: join(e.parentPath, e.name), text: await readFile(join(e.parentPath, e.name), 'latin1') })
  }
  return out
}

const lockState = () => call('notebook:lock-state') as Promise<{ protected: boolean; locked: boolean; idleLockMinutes: number }>
const titles = async () => ((await call('articles:list')) as Array<{ title: string }>).map((a) => a.title)
/** Everything that left main other than the reply: events to the window and log lines. */
const sideChannels = () => [...theWindow().webContents.send.mock.calls.map((c) => JSON.stringify(c)), ...logged].join('\n')

describe('protecting the open notebook from the window', () => {
  it('encrypts every file, keeps the notebook open and unlocked, and reports progress', async () => {
    const { dir, id, userData } = await start()
    expect(await lockState()).toMatchObject({ protected: false, locked: false })
    const state = await answeringFlushes(call('notebook:protection', { action: 'protect', passphrase: PASS }))
    expect(state).toEqual({ protected: true, locked: false, name: 'Notebook', idleLockMinutes: 10 })
    expect(await isProtected(dir)).toBe(true)
    expect(await titles()).toEqual(['Grain corridor'])
    expect(((await call('articles:get', { id })) as { meta: { title: string } }).meta.title).toBe('Grain corridor')

    const files = await everyFile(dir)
    expect(files.length).toBeGreaterThan(2)
    expect(files.filter((f) => f.text.includes(PHRASE) || f.text.includes('Grain corridor')).map((f) => f.path)).toEqual([])

    const progress = theWindow()
      .webContents.send.mock.calls.filter(([channel]) => channel === events.onProtectionProgress)
      .map(([, p]) => p as { done: number; total: number })
    expect(progress[0]).toEqual({ done: 0, total: progress[0]!.total })
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total)
    expect(progress.at(-1)!.total).toBeGreaterThan(0)

    // The passphrase is nowhere but in the request: not in events, logs, settings or the notebook's folder.
    await running!.settings.flush()
    expect(sideChannels()).not.toContain(PASS)
    expect(await readFile(join(userData, 'settings.json'), 'utf8')).not.toContain(PASS)
    expect(files.some((f) => f.text.includes(PASS))).toBe(false)
  })

  it('refuses a passphrase that is too short, or a notebook already protected, with a sentence that does not repeat it', async () => {
    await start()
    const short = 'abc1'
    const refused = answeringFlushes(call('notebook:protection', { action: 'protect', passphrase: short }))
    await expect(refused).rejects.toThrow(/at least \d+ characters/)
    await refused.catch((err: Error) => expect(err.message).not.toContain(short))
    expect(await lockState()).toMatchObject({ protected: false })
    await expect(call('notebook:protection', { action: 'protect' })).rejects.toThrow(/Invalid request to notebook:protection/)
    await expect(call('notebook:protection', { action: 'erase', current: PASS })).rejects.toThrow(/Invalid request/)
    await expect(call('notebook:protection', { action: 'protect', passphrase: PASS, extra: 1 })).rejects.toThrow(/Invalid request/)

    await answeringFlushes(call('notebook:protection', { action: 'protect', passphrase: PASS }))
    await expect(call('notebook:protection', { action: 'protect', passphrase: NEW_PASS })).rejects.toThrow(/already protected/)
    expect(sideChannels()).not.toContain(short)
  })
})

describe('changing or removing the passphrase from the window', () => {
  it('a wrong current passphrase is refused with a clear sentence and changes nothing', async () => {
    const { dir } = await start(PASS)
    const keyBefore = await readFile(keyFilePath(dir))
    const filesBefore = await everyFile(dir)
    for (const change of [
      { action: 'change', current: 'not the passphrase', passphrase: NEW_PASS },
      { action: 'remove', current: 'not the passphrase' },
    ]) {
      await expect(call('notebook:protection', change)).rejects.toThrow(/does not open this notebook; nothing was changed/)
    }
    expect(await readFile(keyFilePath(dir))).toEqual(keyBefore)
    expect(await everyFile(dir)).toEqual(filesBefore)
    expect(await lockState()).toMatchObject({ protected: true, locked: false })
    expect(await titles()).toEqual(['Grain corridor'])
    await expect(call('notebook:protection', { action: 'change', current: PASS, passphrase: PASS })).rejects.toThrow(/same as the current one/)
  })

  it('changes the passphrase: the notebook stays open, then only the new passphrase opens it', async () => {
    const { dir } = await start(PASS)
    const state = await answeringFlushes(call('notebook:protection', { action: 'change', current: PASS, passphrase: NEW_PASS }))
    expect(state).toMatchObject({ protected: true, locked: false })
    expect(await titles()).toEqual(['Grain corridor'])
    expect((await everyFile(dir)).some((f) => f.text.includes(PHRASE))).toBe(false)

    await answeringFlushes(call('notebook:lock'))
    expect(await lockState()).toMatchObject({ locked: true })
    await expect(call('notebook:unlock', { passphrase: PASS })).rejects.toThrow(/does not open this notebook/)
    await call('notebook:unlock', { passphrase: NEW_PASS })
    expect(await titles()).toEqual(['Grain corridor'])
    expect(sideChannels()).not.toContain(NEW_PASS)
  })

  it('removes the protection: the files are in the clear again and nothing asks for a passphrase', async () => {
    const { dir } = await start(PASS)
    const state = await answeringFlushes(call('notebook:protection', { action: 'remove', current: PASS }))
    expect(state).toMatchObject({ protected: false, locked: false })
    expect(await isProtected(dir)).toBe(false)
    expect((await everyFile(dir)).some((f) => f.text.includes(PHRASE))).toBe(true)
    expect(await titles()).toEqual(['Grain corridor'])
    await expect(call('notebook:unlock', { passphrase: PASS })).rejects.toThrow(/not protected/)
  })
})

describe('the idle-lock setting', () => {
  it('keeps the minutes chosen in the settings file and refuses others', async () => {
    await start()
    expect(await call('notebook:set-idle-lock', { minutes: 5 })).toMatchObject({ idleLockMinutes: 5 })
    expect(running!.settings.value.idleLockMinutes).toBe(5)
    await expect(call('notebook:set-idle-lock', { minutes: 7 })).rejects.toThrow(/Choose one of/)
    await expect(call('notebook:set-idle-lock', { minutes: 0 })).rejects.toThrow(/Invalid request/)
    expect((await lockState()).idleLockMinutes).toBe(5)
  })

  it('locks the notebook after the chosen time without use, not before', async () => {
    await start(PASS)
    await call('notebook:set-idle-lock', { minutes: 1 })
    // The idle clock polls with setInterval; only that is faked, so the store's own timers run as they do.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    await answeringFlushes(call('notebook:lock'))
    await call('notebook:unlock', { passphrase: PASS })
    const reloads = theWindow().webContents.reload.mock.calls.length
    powerMonitor.idleSeconds = 50
    await vi.advanceTimersByTimeAsync(30_000)
    expect(await lockState()).toMatchObject({ locked: false })
    powerMonitor.idleSeconds = 61
    await answeringFlushes(
      (async () => {
        await vi.advanceTimersByTimeAsync(15_000)
        // Locked the moment the key is dropped; the window reloads once the store has closed.
        await vi.waitFor(
          async () => {
            expect(await lockState()).toMatchObject({ locked: true })
            expect(theWindow().webContents.reload.mock.calls.length).toBe(reloads + 1)
          },
          { timeout: 5000 },
        )
      })(),
    )
    await expect(titles()).rejects.toThrow(/notebook is locked/)
  })
})
