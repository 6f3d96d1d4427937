/**
 * The idle lock with the real renderer: a protected notebook left without keyboard or mouse for the idle-lock time
 * locks itself; the window then shows only the passphrase prompt, and nothing of the article is left in the page,
 * its storage or behind window.api. Unlocking brings back the article that was open. The harness runs main's own
 * protection code with a short idle-lock time (a harness option read where main reads the setting); its idle clock
 * is the page's keyboard and mouse, where main's is the system's.
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

const PASS = 'willow anchor tunnel'
const PHRASE = 'Dredger OSPREY anchored off Rijeka'

let root = ''
let h: Harness
let page: Page
let articleId = ''

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-idle-'))
  const dir = join(root, 'Idle notebook')
  const store = await NotebookStore.open(dir, { holder: 'idle lock e2e setup' })
  const services = createServices(store)
  articleId = (await services.createArticle({ title: 'Port movements', text: `Pilots reported the ${PHRASE} since Tuesday.` })).id
  // Newer, so it heads the library: the article restored after the unlock is the one the analyst had open, not the first.
  await services.createArticle({ title: 'Weather summary', text: 'Calm seas along the coast.' })
  await store.close()
  await protectNotebook(dir, PASS, { kdf: { N: MIN_KDF_N, r: 8, p: 1 } })
  h = await Harness.start({ storeDir: dir, idleLockMs: 1500 })
  page = await h.newPage()
})
afterAll(async () => {
  await h?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

/** Everything of the notebook the page could still hold: its DOM, its storage, and what window.api answers. */
async function whatThePageHolds(): Promise<{ html: string; storage: string; caches: number; api: string[] }> {
  return page.evaluate(async (id) => {
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<unknown>> }).api
    const calls: Array<[string, unknown]> = [
      ['listArticles', undefined],
      ['getArticle', { id }],
      ['search', { text: 'Dredger' }],
      ['exportPreview', { target: { kind: 'all' } }],
    ]
    const answers = await Promise.all(calls.map(([m, input]) => api[m]!(input).then((v) => JSON.stringify(v), (e: Error) => `refused: ${e.message}`)))
    const storage = JSON.stringify([{ ...localStorage }, { ...sessionStorage }])
    return { html: document.documentElement.outerHTML, storage, caches: 'caches' in window ? (await caches.keys()).length : 0, api: answers }
  }, articleId)
}

describe('the idle lock in the window', () => {
  it('unlocks, and shows the article', async () => {
    await page.getByLabel('Passphrase').fill(PASS)
    await page.keyboard.press('Enter')
    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: /Port movements/ }).click()
    await page.locator('.article-body', { hasText: PHRASE }).waitFor()
    expect(h.notebook.protection?.locked).toBe(false)
  })

  it('after the idle-lock time without keyboard or mouse, locks: only the prompt, nothing of the article anywhere in the page', async () => {
    // No input from here on: the harness's idle clock runs from the click above.
    await page.getByRole('heading', { name: 'Idle notebook is locked' }).waitFor({ timeout: 30_000 })
    expect(h.notebook.protection?.locked).toBe(true)
    const held = await whatThePageHolds()
    expect(held.html).not.toContain(PHRASE)
    expect(held.html).not.toContain('Port movements')
    expect(held.storage).not.toContain(PHRASE)
    expect(held.caches).toBe(0)
    for (const answer of held.api) expect(answer).toMatch(/^refused: .*notebook is locked/)
  })

  it('unlocking brings back the article that was open', async () => {
    await page.getByLabel('Passphrase').fill(PASS)
    await page.keyboard.press('Enter')
    await page.locator('.article-body', { hasText: PHRASE }).waitFor({ timeout: 20_000 })
    expect(await page.locator('.article-header, .article-workspace').first().textContent()).toContain('Port movements')
  })
})
