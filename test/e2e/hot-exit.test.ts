import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'

/**
 * Hot exit, as an analyst meets it: they type steadily, the window dies before the autosave, and the next launch
 * puts the typed words back and says so. The page's clock is held, so the journal's deadline passes while the
 * autosave, put off by each key, never comes: the same order of events as typing without a pause, made certain.
 */
describe('hot exit in Chromium', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    page = await h.newPage()
    await page.clock.install()
    await page.reload()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('recovers words typed just before the window crashed, and tells the analyst', async () => {
    await expect.poll(() => page.locator('.article-body').textContent()).toContain('About 10,000 foreign soldiers')
    const articleId = h.listArticles()[0]!.id
    // Opening an article may save it once (anchors brought up to date); let that land before the clock stops.
    await page.clock.runFor(6000)
    await page.clock.pauseAt(Date.now() + 60_000)
    await page.locator('.article-body').click()
    await page.keyboard.press('Control+End')
    for (const words of [' Convoy', ' seen at', ' the border', ' at dawn.']) {
      await page.keyboard.type(words)
      await page.clock.runFor(300)
    }
    await expect.poll(() => JSON.stringify(h.durability!.journal.pending), { timeout: 5000 }).toContain('Convoy seen at the border at dawn.')
    await expect.poll(async () => (await h.durability!.journal.flush(), JSON.stringify(await readJournal(h))), { timeout: 5000 }).toContain('at dawn.')

    await h.crashPage(page)
    // The autosave never ran: the article on disk does not have the words.
    expect(JSON.stringify((await h.services.getArticle(articleId)).doc)).not.toContain('Convoy seen')

    await h.restartStore()
    const again = await h.newPage()
    await expect.poll(() => again.locator('.article-body').textContent()).toContain('Convoy seen at the border at dawn.')
    await expect.poll(() => again.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('The last session ended before some edits were saved; they were recovered and saved now'))
    expect(JSON.stringify((await h.services.getArticle(articleId)).doc)).toContain('Convoy seen at the border at dawn.')
  })
})

async function readJournal(h: Harness): Promise<unknown> {
  const { readFile } = await import('node:fs/promises')
  return JSON.parse(await readFile(h.store.layout.hotExit, 'utf8').catch(() => 'null'))
}
