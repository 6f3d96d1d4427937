/**
 * The attack corpus in Chromium. First a control per fixture: served raw as a page, each one does act (runs its
 * canary, navigates, opens a dialog or reaches the network), so its silence in the app means something. Then each
 * fixture is pasted into the article body, into a note and into "New article" in the real renderer: nothing acts,
 * the rendered DOM holds nothing dangerous, and what autosave stores is clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { pasteInto } from '../helpers/paste'
import { ARTICLE_SENTENCE, FIXTURES, HOSTILE_TITLES, articleFileProblems, docText, type Fixture } from '../security/corpus'
import { clickLinks, renderedProblems, settle, watchEffects, type Effects } from '../security/browser-effects'

let h: Harness

beforeAll(async () => {
  h = await Harness.start({ seed: true })
})
afterAll(async () => {
  await h?.close()
})

/** The page a fixture is as HTML, raw. The title fixture attacks wherever its title is written as markup, so its control is the title itself. */
function rawPage(f: Fixture): string {
  if (f.id !== 'title-breakout') return f.html
  const title = /<title>([\s\S]*?)<\/title>/.exec(f.html)![1]!
  return `<!doctype html><body>${title.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')}</body>`
}

/** Whether the page has done anything a hostile page could, checked every 100 ms until `ms` have passed. */
async function actsWithin(effects: Effects, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  for (;;) {
    if ((await effects.list()).length > 0) return true
    if (Date.now() >= until) return false
    await settle(100)
  }
}

describe('controls: every fixture acts when a browser renders it raw', () => {
  it.each(FIXTURES.map((f) => [f.id, f] as const))('%s', async (_id, f) => {
    const context = await h.browser.newContext()
    try {
      const page = await context.newPage()
      const url = new URL(`/__control/${f.id}.html`, h.url).href
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: rawPage(f) }))
      const effects = watchEffects(page, url)
      await page.goto(url)
      // Most fixtures act as they load; the rest once their links, buttons and summaries are clicked.
      if (!(await actsWithin(effects, 500))) {
        await page
          .evaluate(() => {
            for (const el of Array.from(document.querySelectorAll<HTMLElement>('a, area, button, input[type=submit], summary'))) el.click()
          })
          .catch(() => {})
        await actsWithin(effects, 1200)
      }
      expect(await effects.list()).not.toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('pasted in the app', () => {
  let page: Page
  let effects: ReturnType<typeof watchEffects>
  const sampleId = () => h.services.listArticles().find((a) => a.title.startsWith('Sample'))!.id

  beforeAll(async () => {
    page = await h.newPage()
    await page.locator('.article-body', { hasText: 'About 10,000 foreign soldiers' }).waitFor()
    effects = watchEffects(page)
  })

  it('runs the notebook\'s sanitizing policy on paste, not the schema alone: interface text goes with its form', async () => {
    const body = page.locator('.article-body')
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await pasteInto(page, body, { 'text/html': '<p>Harbour pilots confirmed the closure.</p><form><button>Subscribe to the newsletter</button></form>' })
    await expect.poll(() => body.textContent()).toContain('Harbour pilots confirmed the closure.')
    expect(await body.textContent()).not.toContain('Subscribe to the newsletter')
  })

  it.each(FIXTURES.map((f) => [f.id, f] as const))('%s into the article body: nothing acts, and body and store stay clean', async (_id, f) => {
    const body = page.locator('.article-body')
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await pasteInto(page, body, { 'text/html': f.html, 'text/plain': 'plain fallback' })
    await expect.poll(() => body.textContent()).toContain('unusual for the season')
    await settle()
    expect(await clickLinks(body)).toBeGreaterThanOrEqual(0)
    await settle()
    expect(await renderedProblems(body)).toEqual([])
    expect(await effects.list()).toEqual([])

    await expect.poll(async () => docText((await h.services.getArticle(sampleId())).doc), { timeout: 8000 }).toContain(ARTICLE_SENTENCE)
    await h.store.flush()
    const stored = JSON.parse(await readFile(h.store.layout.article(sampleId()), 'utf8'))
    expect(articleFileProblems(stored)).toEqual([])
  })

  it.each(FIXTURES.map((f) => [f.id, f] as const))('%s into the article notes: nothing acts, and the stored note is clean', async (_id, f) => {
    const notes = page.getByRole('textbox', { name: 'Notes on this article' })
    await pasteInto(page, notes, { 'text/html': f.html })
    await expect.poll(() => notes.textContent()).toContain(ARTICLE_SENTENCE)
    await settle()
    await clickLinks(notes)
    expect(await renderedProblems(notes)).toEqual([])
    expect(await effects.list()).toEqual([])
    await notes.blur()
    await expect.poll(async () => (await h.services.getArticle(sampleId())).notes, { timeout: 8000 }).toContain(ARTICLE_SENTENCE)
    await h.store.flush()
    const stored = JSON.parse(await readFile(h.store.layout.article(sampleId()), 'utf8'))
    expect(articleFileProblems(stored)).toEqual([])
    await notes.click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
  })

  it.each(FIXTURES.map((f, i) => [f.id, f, HOSTILE_TITLES[i % HOSTILE_TITLES.length]!] as const))(
    '%s as a new article with a hostile title: the title shows as text, the article opens clean',
    async (_id, f, title) => {
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: /New article/ }).click()
      await page.locator('#new-article-title').fill(title)
      // Several fixtures clean down to the same text, which New article would offer to open instead of adding again.
      await pasteInto(page, page.locator('.paste-area'), { 'text/html': `${f.html}<p>Pasted from the ${f.id} fixture.</p>` })
      await expect.poll(() => page.locator('.paste-area').textContent()).toContain(ARTICLE_SENTENCE)
      expect(await renderedProblems(page.locator('.paste-area'))).toEqual([])
      await page.getByRole('button', { name: /Add article/ }).click()
      const body = page.locator('.article-body')
      await expect.poll(() => body.textContent()).toContain(ARTICLE_SENTENCE)
      const library = page.getByRole('complementary', { name: 'Library' })
      // Titles are trimmed and whitespace-folded on the way in; what is left must read as the same characters.
      await expect.poll(() => library.textContent()).toContain(title.replace(/\s+/g, ' ').trim())
      await settle()
      await clickLinks(body)
      expect(await renderedProblems(body)).toEqual([])
      expect(await renderedProblems(library.locator('.article-list'))).toEqual([])
      await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe(title.trim())
      expect(await renderedProblems(page.locator('.article-header .provenance'))).toEqual([])
      expect(await effects.list()).toEqual([])
      const created = h.services.listArticles().find((a) => a.title === title.trim())
      expect(created).toBeDefined()
      await h.store.flush()
      expect(articleFileProblems(JSON.parse(await readFile(h.store.layout.article(created!.id), 'utf8')))).toEqual([])
    },
  )
})
