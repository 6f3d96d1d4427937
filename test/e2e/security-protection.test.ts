/**
 * Passphrase protection from the app, as an analyst does it: the dialog (File › Passphrase Protection…, Ctrl+Shift+P)
 * protects the open notebook; after a relaunch the window asks for the passphrase, refuses a wrong one and opens with
 * the right one; the dialog then changes the passphrase and removes the protection. Main's part is main's own code
 * (openAppNotebook, notebook-protection.ts, core's transitions) over the real handler table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { seriousViolations } from '../helpers/axe'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { isProtected } from '../../src-main/core/crypto/protection'
import { keyFilePath, MIN_KDF_N } from '../../src-main/core/crypto/key-file'

const PASS = 'heron quarry lantern'
const NEW_PASS = 'basalt meadow signal'
const PHRASE = 'Ferry MARLIN rerouted to Split'

let root = ''
let dir = ''
let h: Harness
let page: Page

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-protect-'))
  dir = join(root, 'Field notebook')
  const store = await NotebookStore.open(dir, { holder: 'protection e2e setup' })
  const services = createServices(store)
  for (let i = 1; i <= 30; i++) await services.createArticle({ title: `Shipping log ${i}`, text: `Entry ${i}: routine traffic in the strait.` })
  await services.createArticle({ title: 'Harbour watch', text: `Port officials said the ${PHRASE} overnight.` })
  await store.close()
  h = await Harness.start({ storeDir: dir, kdf: { N: MIN_KDF_N, r: 8, p: 1 } })
  page = await h.newPage()
  await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: /Harbour watch/ }).click()
  await page.locator('.article-body', { hasText: PHRASE }).waitFor()
})
afterAll(async () => {
  await h?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

/** Every file of the notebook's folder as bytes read as text: what someone with the disk would see. */
/** The folder's files as text, once the snapshot taken when the notebook was last opened is written. */
async function folderText(): Promise<string> {
  await h.durability?.launchSnapshot
  const parts: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) parts.push(await readFile(join(e.parentPath, e.name), 'latin1'))
  return parts.join('\n')
}

const dialog = () => page.getByRole('dialog')
const notice = (text: RegExp) => expect.poll(() => page.locator('.toast').allTextContents(), { timeout: 20_000 }).toContainEqual(expect.stringMatching(text))

describe('protecting a notebook from the app', () => {
  it('the dialog opens from the keyboard, says a forgotten passphrase cannot be recovered, and checks the two match', async () => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByRole('dialog', { name: 'Protect notebook with a passphrase' }).waitFor()
    expect(await dialog().textContent()).toContain('A forgotten passphrase cannot be recovered.')
    // Focus starts in the passphrase field; Tab reaches the second one.
    await page.keyboard.type(PASS)
    await page.keyboard.press('Tab')
    await page.keyboard.type(`${PASS}x`)
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog().getByRole('alert').textContent()).toMatch(/two new passphrases differ/)
    expect(await isProtected(dir)).toBe(false)
  })

  it('shows its progress file by file while it encrypts, and cannot be closed halfway', async () => {
    // The transition waits at its third file until the test has looked at the window.
    let release!: () => void
    const released = new Promise<void>((r) => (release = r))
    h.protectionGate = async ({ done }) => {
      if (done === 3) await released
    }
    try {
      await dialog().getByLabel('Passphrase again').fill(PASS)
      await dialog().getByLabel('Passphrase again').press('Enter')
      const bar = dialog().getByRole('progressbar', { name: 'Encrypting the notebook…' })
      await bar.waitFor({ timeout: 20_000 })
      await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/^Encrypting the notebook…3 of \d+ files$/)
      expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(60)
      expect(await dialog().getByLabel('Passphrase again').isDisabled()).toBe(true)
      await page.keyboard.press('Escape')
      expect(await dialog().isVisible()).toBe(true)
    } finally {
      h.protectionGate = null
      release()
    }
  })

  it('protects it: every file encrypted, the article still open, and the passphrase nowhere on disk', async () => {
    await dialog().waitFor({ state: 'detached', timeout: 30_000 })
    await notice(/notebook is protected/)
    expect(await isProtected(dir)).toBe(true)
    const onDisk = await folderText()
    expect(onDisk).not.toContain(PHRASE)
    expect(onDisk).not.toContain(PASS)
    expect(h.protectionProgress.at(-1)).toEqual({ done: h.protectionProgress.at(-1)!.total, total: expect.any(Number) })
    expect(await page.locator('.article-body').textContent()).toContain(PHRASE)
  })

  it('after a relaunch the window asks for the passphrase, refuses a wrong one with a sentence, and opens with the right one', async () => {
    await h.restartStore()
    await page.reload()
    await page.getByRole('heading', { name: 'Field notebook is locked' }).waitFor()
    expect(await page.content()).not.toContain(PHRASE)
    await page.getByLabel('Passphrase').fill('not the passphrase')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/does not open this notebook/)
    await page.getByLabel('Passphrase').fill(PASS)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.article-body').textContent(), { timeout: 20_000 }).toContain(PHRASE)
  })
})

describe('changing and removing the passphrase from the app', () => {
  it('the dialog of a protected notebook passes axe', async () => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByRole('dialog', { name: 'Notebook passphrase' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('a wrong current passphrase is refused with a clear error, and nothing changes', async () => {
    await expect.poll(() => page.getByRole('radio', { name: 'Change the passphrase' }).isChecked()).toBe(true)
    const keyBefore = await readFile(keyFilePath(dir))
    await dialog().getByLabel('Current passphrase').fill('still not it')
    await dialog().getByLabel('New passphrase', { exact: true }).fill(NEW_PASS)
    await dialog().getByLabel('New passphrase again').fill(NEW_PASS)
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog().getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/does not open this notebook; nothing was changed/)
    // The caret goes back to the field that was wrong.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('protection-current')
    expect(await readFile(keyFilePath(dir))).toEqual(keyBefore)
    expect(await h.services.listArticles()).toHaveLength(31)
  })

  it('changes the passphrase; after locking only the new one opens the notebook', async () => {
    await dialog().getByLabel('Current passphrase').fill(PASS)
    await page.keyboard.press('Enter')
    await dialog().waitFor({ state: 'detached', timeout: 30_000 })
    await notice(/passphrase is changed/)
    expect(await page.locator('.article-body').textContent()).toContain(PHRASE)

    await page.keyboard.press('Control+Shift+P')
    await dialog().getByRole('button', { name: 'Lock Now' }).click()
    await page.getByRole('heading', { name: 'Field notebook is locked' }).waitFor({ timeout: 20_000 })
    await page.getByLabel('Passphrase').fill(PASS)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/does not open this notebook/)
    await page.getByLabel('Passphrase').fill(NEW_PASS)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.article-body').textContent(), { timeout: 20_000 }).toContain(PHRASE)
  })

  it('removes the protection, chosen with the keyboard: the files are in the clear and nothing asks for a passphrase', async () => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByRole('dialog', { name: 'Notebook passphrase' }).waitFor()
    await page.getByRole('radio', { name: 'Change the passphrase' }).focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.getByRole('radio', { name: 'Remove the protection' }).isChecked()).toBe(true)
    await dialog().getByLabel('Current passphrase').fill(NEW_PASS)
    await page.keyboard.press('Enter')
    await dialog().waitFor({ state: 'detached', timeout: 30_000 })
    await notice(/protection is removed/)
    expect(await isProtected(dir)).toBe(false)
    expect(await folderText()).toContain(PHRASE)
    await h.restartStore()
    await page.reload()
    await expect.poll(() => page.locator('.article-body').textContent(), { timeout: 20_000 }).toContain(PHRASE)
    expect(await page.getByLabel('Passphrase').count()).toBe(0)
  })
})
