import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { cli } from '../helpers/cli'
import { pasteInto } from '../helpers/paste'
import { generatedNewsPages } from '../fixtures/import/news-batch'

const SAMPLE = 'Sample: Officials weigh reports of foreign troops near the front'
const library = (page: Page) => page.getByRole('complementary', { name: 'Library' })
const report = (page: Page) => page.getByRole('status', { name: 'Import result' })

/** A 100-file batch as an analyst runs it: the window keeps working while the files land one by one. */
describe('a 100-file import batch in Chromium', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    page = await h.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('shows progress, takes keystrokes in the open article and keeps the library working, then reports every file', async () => {
    const body = page.locator('.article-body')
    await expect.poll(() => body.textContent()).toContain('About 10,000 foreign soldiers')
    // Long pages, so the batch is still running while the analyst works; one repeats an earlier file and one is empty.
    const pages = generatedNewsPages(98, { extraParagraphs: 40 })
    h.pendingImportFiles = [...pages.slice(0, 50), { name: 'again-port-report-001.html', bytes: pages[0]!.bytes }, ...pages.slice(50), { name: 'blank.html', bytes: new Uint8Array() }]
    expect(h.pendingImportFiles).toHaveLength(100)
    await library(page).getByRole('button', { name: /Import/ }).click()

    const progress = report(page).getByRole('progressbar', { name: 'Import progress' })
    const done = async () => Number((await progress.getAttribute('value')) ?? 0)
    await expect.poll(done, { timeout: 60_000 }).toBeGreaterThan(0)
    expect(await report(page).textContent()).toMatch(/Importing \d+ of 100 files…/)

    // Typing in the open article while files land.
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Typed while the batch ran.')
    await expect.poll(() => body.textContent()).toContain('Typed while the batch ran.')
    // The library filters as the analyst types, imported articles arriving in it meanwhile.
    const filter = page.getByRole('searchbox', { name: 'Filter articles by title or outlet' })
    await filter.fill('foreign troops')
    await expect.poll(() => library(page).locator('.article-row-title').allTextContents()).toEqual([SAMPLE])
    await filter.fill('closure reports (1)')
    await expect.poll(() => library(page).locator('.article-row-title').count()).toBeGreaterThan(0)
    await filter.fill('')
    // All of that happened while the batch was still running.
    expect(await done()).toBeLessThan(100)
    expect(await report(page).getAttribute('aria-busy')).toBe('true')

    await expect.poll(() => report(page).textContent(), { timeout: 240_000 }).toContain('Imported 98 of 100 files')
    const rows = report(page).locator('li')
    expect(await rows.count()).toBe(100)
    const statuses = await rows.locator('.import-status').allTextContents()
    expect(statuses.filter((s) => s === 'imported')).toHaveLength(98)
    expect(statuses[50]).toBe('duplicate')
    expect(statuses[99]).toBe('failed')
    expect(await rows.nth(50).textContent()).toContain(`duplicate of “Port authority denies closure reports (1)”`)
    expect(await rows.nth(99).textContent()).toMatch(/blank\.html failed: "blank\.html" is empty/)
    expect(await report(page).locator('.import-name').allTextContents()).toEqual(h.importProgress.flatMap((p) => p.results.map((r) => r.name)))

    // The analyst stayed in the article they were typing in, and what they typed was saved.
    expect(await page.locator('.article-header .article-title textarea').inputValue()).toBe(SAMPLE)
    const sample = h.services.listArticles().find((a) => a.title === SAMPLE)!
    await expect.poll(async () => JSON.stringify((await h.services.getArticle(sample.id)).doc), { timeout: 5000 }).toContain('Typed while the batch ran.')
    expect(h.services.listArticles()).toHaveLength(99)
    expect(await library(page).locator('.article-row').count()).toBe(99)
  }, 360_000)
})

/** Importing what is already there: the duplicate says which article it repeats and opens it; the info panel cites it. */
describe('duplicates and the article info panel in Chromium', () => {
  let h: Harness
  let page: Page
  let dir: string

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    page = await h.newPage()
    dir = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-files-'))
  })
  afterAll(async () => {
    await h?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('offers Open existing for a file imported twice, and shows the SHA-256 the CLI prints for it', async () => {
    const [file] = generatedNewsPages(1)
    const path = join(dir, 'port-report.html')
    await writeFile(path, file!.bytes)
    const printed = await cli('--store', join(dir, 'cli-notebook'), 'import', path, '--json')
    expect(printed.code).toBe(0)
    const { sha256, title } = (JSON.parse(printed.stdout) as Array<{ sha256: string; title: string }>)[0]!
    expect(sha256).toMatch(/^[0-9a-f]{64}$/)

    h.pendingImportFiles = [{ name: 'port-report.html', bytes: file!.bytes }]
    await library(page).getByRole('button', { name: /Import/ }).click()
    await expect.poll(() => report(page).textContent(), { timeout: 60_000 }).toContain('Imported 1 of 1 file')
    await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe(title)
    const first = h.services.listArticles().find((a) => a.title === title)!

    // The analyst goes back to the sample, then imports the same file again.
    await library(page).locator('.article-row-title').getByText(SAMPLE, { exact: true }).click()
    await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe(SAMPLE)
    h.pendingImportFiles = [{ name: 'port-report copy.html', bytes: file!.bytes }]
    await library(page).getByRole('button', { name: /Import/ }).click()
    await expect.poll(() => report(page).textContent(), { timeout: 60_000 }).toContain('Imported 0 of 1 file')
    expect(await report(page).textContent()).toContain(`port-report copy.html duplicate of “${title}”`)
    await report(page).getByRole('button', { name: 'Open existing' }).click()
    await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe(title)
    expect(h.services.listArticles().filter((a) => a.title === title).map((a) => a.id)).toEqual([first.id])

    const info = page.locator('.article-header .article-info')
    await info.getByText('Article info').click()
    const panel = info.getByRole('definition')
    await expect.poll(() => info.getByLabel('SHA-256 of the original').textContent()).toBe(sha256)
    expect(await panel.allTextContents()).toEqual([
      'port-report.html',
      'Web page (HTML)',
      expect.stringMatching(/^\d+(\.\d)? KB \([\d,]+ bytes\)$/),
      `${sha256} Copy`,
      expect.stringMatching(/\d{2}:\d{2}/),
    ])
    expect(await info.locator('time').getAttribute('datetime')).toBe(first.provenance.importedAt)
    await info.getByRole('button', { name: 'Copy the SHA-256' }).click()
    await expect.poll(() => info.getByRole('button', { name: 'Copy the SHA-256' }).textContent()).toBe('Copied')
  }, 180_000)

  it('says when pasted text is already in the notebook, and opens that article instead of adding a copy', async () => {
    const text = { 'text/html': '<p>Port officials <em>denied</em> the closure on Tuesday.</p>', 'text/plain': 'Port officials denied the closure on Tuesday.' }
    const add = async (title: string) => {
      await page.keyboard.press('Control+n')
      await page.locator('#new-article-title').fill(title)
      await pasteInto(page, page.locator('.paste-area'), text)
      await page.getByRole('button', { name: /Add article/ }).click()
    }
    await add('Port denial')
    await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe('Port denial')
    const before = h.services.listArticles().length

    await library(page).locator('.article-row-title').getByText(SAMPLE, { exact: true }).click()
    await add('Port denial again')
    const notice = page.locator('.duplicate-notice')
    await expect.poll(() => notice.textContent()).toContain('This text is already in the notebook as “Port denial”.')
    await notice.getByRole('button', { name: 'Open existing' }).click()
    await expect.poll(() => page.locator('.article-header .article-title textarea').inputValue()).toBe('Port denial')
    expect(h.services.listArticles()).toHaveLength(before)
  }, 120_000)
})
