import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { seriousViolations } from '../helpers/axe'

/** axe-core on the main screens, in light and dark: no serious or critical violation. */
describe.each(['light', 'dark'] as const)('axe in the %s theme', (scheme) => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    page = await h.newPage(undefined, scheme)
    await page.locator('.article-body mark').first().waitFor()
  })
  afterAll(async () => {
    await h?.services.closeSearch()
    await h?.close()
  })

  const closeView = async () => {
    if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape')
    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: /^Sample:/ }).click()
    await page.locator('.article-body mark').first().waitFor()
  }

  it('library, article and annotation panel, with an annotation open', async () => {
    await page.locator('.annotation-row.row-claim').first().click()
    await page.locator('.annotation-detail').waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('the new-article form', async () => {
    await page.keyboard.press('Control+n')
    await page.getByRole('form', { name: 'New article' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: /Cancel/ }).click()
  })

  it('the command palette', async () => {
    await closeView()
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Command' }).fill('t')
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('the shortcuts sheet', async () => {
    await page.keyboard.press('Control+/')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('File > Restore…: the list of backups and the confirm', async () => {
    await h.durability!.launchSnapshot
    await page.keyboard.press('Control+Shift+B')
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' })
    await dialog.getByRole('radio').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Restore…' }).click()
    await dialog.getByRole('button', { name: 'Take a backup and restore' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('the passphrase protection dialog', async () => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByRole('dialog', { name: 'Protect notebook with a passphrase' }).waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill('a')
    await page.getByLabel('Passphrase again').fill('b')
    await page.keyboard.press('Enter')
    await page.getByRole('alert').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  })

  it('search results, and a search with none', async () => {
    await page.getByRole('searchbox', { name: 'Search the whole notebook' }).fill('troops')
    await page.getByRole('main', { name: 'Search results' }).waitFor()
    // The index builds in a worker on first use.
    await expect.poll(() => page.getByRole('main', { name: 'Search results' }).getByRole('status').textContent(), { timeout: 15000 }).toMatch(/match/)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('searchbox', { name: 'Search the whole notebook' }).fill('zanzibar')
    await expect.poll(() => page.getByRole('main', { name: 'Search results' }).textContent(), { timeout: 15000 }).toContain('Nothing matches')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('searchbox', { name: 'Search the whole notebook' }).fill('')
  })

  it('the export view', async () => {
    await closeView()
    await page.keyboard.press('Control+e')
    await page.getByRole('main', { name: 'Export' }).waitFor()
    // axe runs asynchronously, so the preview main renders must be in place before it starts, not land mid-run.
    await page.waitForFunction(() => (document.querySelector('[data-testid="export-preview"]')?.shadowRoot?.childElementCount ?? 0) > 0)
    expect(await seriousViolations(page)).toEqual([])
  })

  it.each(['Claims', 'Sources', 'Questions', 'Briefs'])('the %s view', async (name) => {
    await closeView()
    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name, exact: true }).click()
    await page.waitForTimeout(300)
    expect(await page.locator('main').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
  })
})
