/**
 * A notebook protected with a passphrase, in Chromium: the window shows only the passphrase prompt until main has
 * the right passphrase, then the notebook; locking reloads the window, and nothing of the notebook is left in it.
 * Main's part is played by main's own code (openAppNotebook, notebook-protection.ts) over the real handler table.
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
import { watchEffects } from '../security/browser-effects'

const PASS = 'estuary pilot logbook'
const SECRET = 'Tanker KESTREL diverted'

let root = ''
let dir = ''
let h: Harness
let page: Page

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-locked-'))
  dir = join(root, 'Case notebook')
  const store = await NotebookStore.open(dir, { holder: 'lock e2e setup' })
  await createServices(store).createArticle({ title: SECRET, text: `Port officials said the ${SECRET} overnight.` })
  await store.close()
  await protectNotebook(dir, PASS, { kdf: { N: MIN_KDF_N, r: 8, p: 1 } })
  // The harness opens the folder with main's own code, so it opens locked, and runs main's protection code.
  h = await Harness.start({ storeDir: dir })
  page = await h.newPage()
})
afterAll(async () => {
  await h?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

const locked = () => h.notebook.protection?.locked

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
    expect(locked()).toBe(true)
    expect(await page.locator('body').innerText()).not.toContain(SECRET)
    expect(await effects.list()).toEqual([])
  })

  it('opens the notebook with the right passphrase', async () => {
    await page.getByLabel('Passphrase').fill(PASS)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect.poll(() => page.locator('.article-list').textContent(), { timeout: 10_000 }).toContain(SECRET)
    expect(locked()).toBe(false)
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
