/**
 * The attack corpus imported as files (through main's import dialog, under hostile file names) and then opened
 * in the real renderer; and a notebook whose article file was written by someone else, opened after a restart.
 * Nothing acts, the window stays on the app, and everything shown from content is text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { ARTICLE_SENTENCE, FIXTURES, HOSTILE_FILE_NAMES, fixture } from '../security/corpus'
import { clickLinks, renderedProblems, settle, watchEffects } from '../security/browser-effects'

let h: Harness
let page: Page
let effects: ReturnType<typeof watchEffects>

beforeAll(async () => {
  h = await Harness.start()
  page = await h.newPage()
  await page.getByRole('button', { name: /Import/ }).waitFor()
  effects = watchEffects(page)
})
afterAll(async () => {
  await h?.close()
})

const asHtmlName = (name: string) => (name.endsWith('.html') ? name : `${name}.html`)
const files = FIXTURES.map((f, i) => ({ fixture: f, name: asHtmlName(HOSTILE_FILE_NAMES[i % HOSTILE_FILE_NAMES.length]!) }))

describe('imported files', () => {
  it('all import, and the report shows each hostile file name as text', async () => {
    h.pendingImportFiles = files.map(({ fixture: f, name }) => ({ name, bytes: new TextEncoder().encode(f.html) }))
    await page.getByRole('button', { name: /Import/ }).click()
    const report = page.getByRole('status', { name: 'Import result' })
    await expect.poll(() => report.textContent(), { timeout: 60_000 }).toContain(`Imported ${files.length} of ${files.length}`)
    const names = await report.locator('.import-name').allTextContents()
    expect(names).toEqual(files.map((f) => f.name))
    expect(await renderedProblems(report)).toEqual([])
    expect(await effects.list()).toEqual([])
  })

  it.each(files.map((f) => [f.fixture.id, f] as const))('%s opens with nothing acting and nothing dangerous rendered', async (_id, { fixture: f, name }) => {
    const meta = h.services.listArticles().find((a) => a.provenance.name === name)
    expect(meta, name).toBeDefined()
    const rows = page.locator('.article-list button.article-row').filter({ has: page.locator('.article-row-title').getByText(meta!.title, { exact: true }) })
    expect(await rows.count()).toBe(1)
    await rows.click()
    const body = page.locator('.article-body')
    await expect.poll(() => body.textContent()).toContain(ARTICLE_SENTENCE)
    await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe(meta!.title)
    await expect.poll(() => page.locator('.article-header .provenance').textContent()).toContain(name)
    await settle()
    await clickLinks(body)
    await settle()
    expect(await renderedProblems(body)).toEqual([])
    expect(await renderedProblems(page.locator('.article-list'))).toEqual([])
    expect(await renderedProblems(page.locator('.article-header .provenance'))).toEqual([])
    expect(await effects.list()).toEqual([])
    expect(f.id).toBeTruthy()
  })

  it('a page whose title closes its element shows that title as the characters it is', async () => {
    const meta = h.services.listArticles().find((a) => a.title.includes('</title>'))!
    expect(meta.title).toContain(`<img src=x onerror="window.__pwned='title'">`)
    await expect.poll(() => page.locator('.article-list').textContent()).toContain(meta.title)
    expect(await page.locator('.article-list img, .article-list script').count()).toBe(0)
    expect(await effects.list()).toEqual([])
  })
})

describe('search results', () => {
  it('show titles and snippets of hostile articles as text', async () => {
    await page.getByLabel('Search the whole notebook').fill('onerror')
    const results = page.locator('.search-results')
    // The title fixture's heading is text that reads `</title><img src=x onerror=…>`: it must come back as that text.
    await expect.poll(() => results.textContent(), { timeout: 15_000 }).toMatch(/<img src=x onerror=/)
    expect(await renderedProblems(results)).toEqual([])
    expect(await results.locator('img, script, svg, iframe').count()).toBe(0)
    expect(await effects.list()).toEqual([])
    await page.getByLabel('Search the whole notebook').fill('')
  })
})

describe('the export preview', () => {
  it.each(['links-obfuscated', 'title-breakout', 'svg-style-use'])('of the article imported from %s shows nothing that acts', async (id) => {
    const name = files.find((f) => f.fixture.id === id)!.name
    const meta = h.services.listArticles().find((a) => a.provenance.name === name)!
    await h.services.saveArticleNotes(meta.id, fixture('img-onerror').html + fixture(id as 'svg-style-use').html)
    await page.reload()
    effects = watchEffects(page)
    await page.locator('.article-list button.article-row').filter({ has: page.locator('.article-row-title').getByText(meta.title, { exact: true }) }).click()
    await expect.poll(() => page.locator('.article-body').textContent()).toContain(ARTICLE_SENTENCE)
    await page.keyboard.press('Control+e')
    const preview = page.getByTestId('export-preview')
    await expect.poll(() => preview.locator('main').textContent()).toContain(ARTICLE_SENTENCE)
    await settle()
    const links = preview.locator('a')
    for (let i = 0; i < (await links.count()); i++) await links.nth(i).click({ timeout: 2000 }).catch(() => {})
    await settle()
    expect(await renderedProblems(preview, { fragmentLinks: true })).toEqual([])
    expect(await effects.list()).toEqual([])
    await page.keyboard.press('Escape')
  })
})

describe('an article file written by someone else', () => {
  it('opens after a restart with its body, notes and annotation notes cleaned, and nothing acting', async () => {
    const article = await h.services.createArticle({ title: 'Synced from a colleague', text: `The port authority said ${ARTICLE_SENTENCE}. Agents disagreed.` })
    const claim = await h.services.annotateQuote({ articleId: article.id, kind: 'claim', quote: ARTICLE_SENTENCE })
    await h.store.flush()
    const path = h.store.layout.article(article.id)
    const file = JSON.parse(await readFile(path, 'utf8'))
    const link = (href: string) => ({ type: 'link', attrs: { href, target: '_top', onclick: 'window.__pwned=1' } })
    file.doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { onmouseover: 'window.__pwned=1' },
          content: [
            { type: 'text', text: ARTICLE_SENTENCE, marks: [{ type: 'claim', attrs: { id: claim.id } }] },
            { type: 'text', text: ' first link', marks: [link('javascript:window.__pwned="stored-link"')] },
            { type: 'text', text: ' second link', marks: [link('  JaVa\nScRiPt:window.__pwned="stored-case"')] },
            { type: 'text', text: ' third link', marks: [link('data:text/html,<script>alert(1)</script>')] },
            { type: 'text', text: ' forged', marks: [{ type: 'source', attrs: { id: '"><img src=x onerror=window.__pwned=1>' } }] },
          ],
        },
      ],
    }
    file.notes = fixture('img-onerror').html
    file.annotations[0].note = fixture('svg-style-use').html
    await writeFile(path, JSON.stringify(file))
    await h.restartStore()
    await page.reload()
    effects = watchEffects(page)

    await page.locator('.article-list button.article-row').filter({ hasText: 'Synced from a colleague' }).first().click()
    const body = page.locator('.article-body')
    await expect.poll(() => body.textContent()).toContain('third link')
    const notes = page.getByRole('textbox', { name: 'Notes on this article' })
    await expect.poll(() => notes.textContent()).toContain(ARTICLE_SENTENCE)
    await body.locator('mark[data-kind="claim"]').first().click()
    await settle(500)
    await clickLinks(body)
    await settle()
    expect(await renderedProblems(body)).toEqual([])
    expect(await renderedProblems(notes)).toEqual([])
    const annotationNote = page.getByRole('complementary', { name: 'Annotations' }).locator('.rich-text')
    await expect.poll(() => annotationNote.first().textContent()).toContain(ARTICLE_SENTENCE)
    expect(await renderedProblems(annotationNote)).toEqual([])
    expect(await body.locator('a').count()).toBe(0)
    expect(await effects.list()).toEqual([])
  })
})
