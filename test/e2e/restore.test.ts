import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'

/** File > Restore…, as an analyst uses it: put the notebook back as it was at launch, then undo that. */
describe('restoring a backup in Chromium', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    page = await h.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  const notes = () => page.getByRole('textbox', { name: 'Notes on this article' })
  const dialog = () => page.getByRole('dialog', { name: 'Restore from a backup' })

  it('restores the snapshot taken at launch, saying what and from when', async () => {
    await page.locator('.article-body mark').first().waitFor()
    await h.durability!.launchSnapshot
    const articleId = h.listArticles()[0]!.id
    await notes().click()
    await page.keyboard.type('An afternoon of work on the convoy.')
    await page.keyboard.press('Tab')
    await expect.poll(async () => (await h.services.getArticle(articleId)).notes, { timeout: 5000 }).toContain('An afternoon of work on the convoy.')

    await page.keyboard.press('Control+Shift+B')
    const options = dialog().getByRole('radio')
    await expect.poll(() => options.count()).toBe(1)
    await expect.poll(() => dialog().textContent()).toMatch(/When the notebook opened\s*1 article/)
    expect(await options.first().isChecked()).toBe(true)
    expect(await options.first().evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog().textContent()).toContain('A backup of the notebook as it is now is taken first, so you can undo this')
    await page.keyboard.press('Enter')

    await expect.poll(() => page.getByRole('alert').allTextContents(), { timeout: 10000 }).toContainEqual(expect.stringMatching(/Restored the backup of .+ \(1 article\)\. The notebook as it was just before is kept as backup/))
    await page.locator('.article-body mark').first().waitFor()
    expect(await notes().textContent()).not.toContain('An afternoon of work')
    expect((await h.services.getArticle(articleId)).notes).not.toContain('An afternoon of work')
  })

  it('restoring the backup taken just before undoes the restore', async () => {
    await page.keyboard.press('Control+Shift+B')
    const options = dialog().getByRole('radio')
    await expect.poll(() => options.count()).toBe(2)
    await expect.poll(() => options.first().evaluate((el) => el.closest('label')!.textContent)).toContain('Just before a restore')
    await dialog().getByRole('button', { name: 'Restore…' }).click()
    await dialog().getByRole('button', { name: 'Take a backup and restore' }).click()
    await expect.poll(() => notes().textContent(), { timeout: 10000 }).toContain('An afternoon of work on the convoy.')
  })
})
