/**
 * A notebook protected with a passphrase, in Chromium: the window shows only the passphrase prompt until main has
 * the right passphrase, then the notebook; locking reloads the window, and nothing of the notebook is left in it.
 * Main's part is played by the same lockable notebook main uses, over the real handler table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { protectNotebook } from '../../src-main/core/crypto/protection'
import { MIN_KDF_N } from '../../src-main/core/crypto/key-file'
import { lockedNotebook, type LockableNotebook } from '../../src-main/main/notebook-lock'
import { watchEffects } from '../security/browser-effects'

const PASS = 'estuary pilot logbook'
const SECRET = 'Tanker KESTREL diverted'

let dir = ''
let h: Harness
let notebook: LockableNotebook
let page: Page

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-locked-'))
  const store = await NotebookStore.open(dir, { holder: 'lock e2e setup' })
  await createServices(store).createArticle({ title: SECRET, text: `Port officials said the ${SECRET} overnight.` })
  await store.close()
  await protectNotebook(dir, PASS, { kdf: { N: MIN_KDF_N, r: 8, p: 1 } })
  notebook = lockedNotebook(dir, (fs) => NotebookStore.open(dir, { holder: 'lock e2e', fs }))
  h = await Harness.start({
    lock: (harness) => ({
      lockState: () => ({ protected: true, locked: notebook.protection.locked, name: 'Case notebook', idleLockMinutes: 10 }),
      unlock: (passphrase) => notebook.protection.unlock(passphrase),
      lockNow: async () => {
        await notebook.protection.lock()
        for (const p of harness.pages) void p.reload().catch(() => {})
        return true
      },
    }),
  })
  // Every content channel of the table reads the lockable notebook, as main's does.
  Object.defineProperty(h, 'services', { get: () => notebook.services, configurable: true })
  page = await h.newPage()
})
afterAll(async () => {
  await h?.close()
  await notebook?.protection.lock().catch(() => {})
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('a locked notebook in the window', () => {
  it('shows only the passphrase prompt, and nothing of the notebook', async () => {
    await page.getByRole('heading', { name: 'Case notebook is locked' }).waitFor()
    expect(await page.locator('.article-list, .article-body').count()).toBe(0)
    expect(await page.locator('body').innerText()).not.toContain(SECRET)
  })

  it('refuses a wrong passphrase with a sentence, and stays locked', async () => {
    const effects = watchEffects(page)
    await page.getByLabel('Passphrase').fill('not the passphrase')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/does not open this notebook/)
    expect(notebook.protection.locked).toBe(true)
    expect(await page.locator('body').innerText()).not.toContain(SECRET)
    expect(await effects.list()).toEqual([])
  })

  it('opens the notebook with the right passphrase', async () => {
    await page.getByLabel('Passphrase').fill(PASS)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect.poll(() => page.locator('.article-list').textContent(), { timeout: 10_000 }).toContain(SECRET)
    expect(notebook.protection.locked).toBe(false)
    expect(await page.getByLabel('Passphrase').count()).toBe(0)
  })

  it('locking clears the window: after the reload only the prompt is there, and no content call succeeds', async () => {
    await page.evaluate(() => (window as unknown as { api: { lockNow(): Promise<unknown> } }).api.lockNow().catch(() => {}))
    await page.getByRole('heading', { name: 'Case notebook is locked' }).waitFor({ timeout: 10_000 })
    expect(await page.locator('body').innerText()).not.toContain(SECRET)
    const listed = await page.evaluate(() =>
      (window as unknown as { api: { listArticles(): Promise<unknown> } }).api.listArticles().then(
        () => 'listed',
        (e: Error) => e.message,
      ),
    )
    expect(listed).toMatch(/notebook is locked/)
  })
})
