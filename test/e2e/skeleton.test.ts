import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { pasteInto } from '../helpers/paste'

/** The walking skeleton, as an analyst meets it: sample article, a pasted article, notes, and a reload. */
describe('walking skeleton in Chromium', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    page = await h.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('opens on the sample article with its tagged claims, sources and questions', async () => {
    await expect.poll(() => page.locator('.article-body').textContent()).toContain('About 10,000 foreign soldiers')
    expect(await page.locator('.article-body mark[data-kind="claim"]').count()).toBeGreaterThanOrEqual(3)
    expect(await page.locator('.article-body mark[data-kind="source"]').count()).toBeGreaterThanOrEqual(3)
    expect(await page.locator('.article-body mark[data-kind="question"]').count()).toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.getByRole('complementary', { name: 'Annotations' }).textContent()).toContain('B2')
  })

  it('writes nothing when an article is only opened and read', async () => {
    const saves: string[] = []
    const reader = await h.newPage(undefined, undefined, async (p) => {
      p.on('request', (r) => {
        if (/\/__api\/save(ArticleBody|ArticleNotes)$/.test(r.url())) saves.push(r.url())
      })
    })
    const id = h.services.listArticles()[0]!.id
    const before = (await h.services.getArticle(id)).meta.updatedAt
    await expect.poll(() => reader.locator('.article-body').textContent()).toContain('About 10,000 foreign soldiers')
    // Longer than the autosave's pause and its wait for an idle moment.
    await reader.waitForTimeout(2000)
    expect(saves).toEqual([])
    expect((await h.services.getArticle(id)).meta.updatedAt).toBe(before)
    await reader.close()
  })

  it('creates an article from pasted text', async () => {
    await page.keyboard.press('Control+n')
    await page.locator('#new-article-title').fill('Seoul weighs monitoring team')
    await pasteInto(page, page.locator('.paste-area'), {
      'text/plain': 'Officials said the government was considering sending a team.\n\nNo decision has been made, Yoon said.',
    })
    await page.getByRole('button', { name: /Add article/ }).click()
    await expect.poll(() => page.locator('.article-body').textContent()).toContain('No decision has been made, Yoon said.')
    const library = page.getByRole('complementary', { name: 'Library' })
    await expect.poll(() => library.textContent()).toContain('Seoul weighs monitoring team')
  })

  it('edits the article notes, and the status line says when it was saved', async () => {
    const notes = page.getByRole('textbox', { name: 'Notes on this article' })
    await notes.click()
    await page.keyboard.type('Ask the ministry whether a team is being formed.')
    await expect.poll(async () => (await h.services.getArticle(currentId(h, 'Seoul weighs monitoring team'))).notes, { timeout: 5000 }).toContain(
      'Ask the ministry whether a team is being formed.',
    )
    await expect.poll(() => page.locator('.status-line, [role="status"]').first().textContent()).toMatch(/Saved/)
  })

  it('edits the body, reloads after a restart and finds everything still there', async () => {
    const body = page.locator('.article-body')
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Seoul is also weighing arms.')
    await expect
      .poll(async () => JSON.stringify((await h.services.getArticle(currentId(h, 'Seoul weighs monitoring team'))).doc), { timeout: 5000 })
      .toContain('Seoul is also weighing arms.')
    await h.restartStore()
    await page.reload()
    const library = page.getByRole('complementary', { name: 'Library' })
    await library.getByText('Seoul weighs monitoring team').click()
    await expect.poll(() => page.locator('.article-body').textContent()).toContain('Seoul is also weighing arms.')
    await expect.poll(() => page.getByRole('textbox', { name: 'Notes on this article' }).textContent()).toContain('Ask the ministry')
    await library.getByText('Sample: Officials weigh reports').click()
    await expect.poll(() => page.locator('.article-body mark[data-kind="claim"]').count()).toBeGreaterThanOrEqual(3)
  })
})

function currentId(h: Harness, title: string): string {
  const found = h.services.listArticles().find((a) => a.title === title)
  if (!found) throw new Error(`no article titled ${title}`)
  return found.id
}
