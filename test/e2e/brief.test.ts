import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'

/** Issue 6 in Chromium: composing a brief, its live evidence, and File > Export… with preview, save and Show in folder. */

describe('briefs and export in Chromium', () => {
  let h: Harness
  let page: Page
  let sampleId: string

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    sampleId = h.services.listArticles()[0]!.id
    page = await h.newPage()
    await page.waitForSelector('.article-body mark')
  })
  afterAll(async () => {
    await h?.close()
  })

  const composer = () => page.locator('.brief-composer')
  const evidence = () => page.getByRole('list', { name: 'Evidence in this brief' }).locator('.evidence-item')

  it('composes a brief: header fields, bottom line, evidence picked one by one and by tag', async () => {
    await page.getByRole('button', { name: 'Briefs' }).click()
    await page.getByRole('button', { name: 'New brief' }).click()
    const title = page.getByRole('textbox', { name: 'Brief title' })
    await title.fill('Foreign troops near the border')
    await title.press('Tab')
    await composer().getByLabel('Author').fill('J. Analyst')
    await composer().getByLabel('Handling caveat or classification').fill('OFFICIAL-SENSITIVE')
    await composer().getByRole('textbox', { name: 'Bottom line up front' }).fill('Foreign troops have likely massed near the border.')
    await composer().getByRole('textbox', { name: 'Bottom line up front' }).blur()

    await page.getByText('Pick one by one').click()
    await page.getByRole('button', { name: /^Add question “whether the troops will be deployed/ }).click()
    await expect.poll(() => evidence().count()).toBe(1)
    await page.getByText('Select by filter').click()
    await page.getByRole('checkbox', { name: 'troop movements' }).check()
    await expect.poll(() => evidence().count()).toBe(3)
    await expect.poll(() => evidence().allTextContents()).toEqual([
      expect.stringMatching(/^C1About 10,000 foreign soldiers.*B2.*unverified.*likely.*moderate confidence.*by filter/),
      expect.stringMatching(/^C2the government had seen no evidence.*C3.*unverified/),
      expect.stringMatching(/^Q1whether the troops will be deployed to the front line.*open/),
    ])

    const [brief] = h.services.listBriefs()
    expect(brief).toMatchObject({ title: 'Foreign troops near the border', author: 'J. Analyst', caveat: 'OFFICIAL-SENSITIVE', bluf: 'Foreign troops have likely massed near the border.' })
    expect(brief!.filter?.tags).toEqual(['troop movements'])
    expect(brief!.items).toHaveLength(1)
  })

  it('shows a claim\'s new grade as soon as it changes in its article', async () => {
    const view = await h.services.getArticle(sampleId)
    const troops = view.annotations.find((a) => a.anchor.exact.startsWith('About 10,000'))!
    await h.services.updateAnnotation({ articleId: sampleId, id: troops.id, patch: { status: 'corroborated', credibility: '1' } })
    await page.getByRole('button', { name: 'Back to the article' }).click()
    await page.getByRole('button', { name: 'Briefs' }).click()
    await expect.poll(() => evidence().first().textContent()).toMatch(/B1.*corroborated/)
  })

  it('exports from a preview in the chosen format through the save dialog, then shows the file in its folder', async () => {
    await composer().getByRole('button', { name: 'Export…' }).click()
    const exportView = page.getByRole('main', { name: 'Export' })
    await expect.poll(() => exportView.getByRole('combobox').locator('option:checked').textContent()).toBe('Brief: Foreign troops near the border')
    const preview = page.getByTestId('export-preview')
    await expect.poll(() => preview.locator('table.evidence-table tbody tr').count()).toBe(3)
    await expect.poll(() => preview.locator('.caveat').first().textContent()).toBe('OFFICIAL-SENSITIVE')

    await exportView.getByRole('radio', { name: /Web page \(HTML\)/ }).check()
    await exportView.getByRole('button', { name: 'Export…' }).click()
    await expect.poll(() => exportView.getByRole('status').textContent()).toMatch(/Saved Foreign troops near the border\.html/)
    const saved = h.savedExports.at(-1)!
    expect(saved.name).toBe('Foreign troops near the border.html')
    const html = await readFile(saved.path, 'utf8')
    expect(html).toContain('About 10,000 foreign soldiers')
    expect(html).not.toMatch(/<script/i)
    expect(h.exportProgress.map((p) => p.stage)).toEqual(expect.arrayContaining(['collecting', 'rendering', 'saving', 'done']))

    await exportView.getByRole('button', { name: 'Show in folder' }).click()
    await expect.poll(() => h.shownInFolder).toEqual([saved.path])

    await exportView.getByRole('radio', { name: /PDF/ }).check()
    await exportView.getByRole('button', { name: 'Export…' }).click()
    await expect.poll(() => h.savedExports.length, { timeout: 30000 }).toBe(2)
    expect(new TextDecoder().decode(h.savedExports[1]!.bytes.subarray(0, 5))).toBe('%PDF-')

    h.cancelSave = true
    await exportView.getByRole('radio', { name: /Markdown/ }).check()
    await exportView.getByRole('button', { name: 'Export…' }).click()
    await expect.poll(() => exportView.getByRole('status').textContent()).toMatch(/Export cancelled; nothing was saved/)
    h.cancelSave = false
    expect(h.savedExports).toHaveLength(2)
  })

  it('File > Export… (Ctrl+E) offers the open article, annotated, and the preview runs no script from content', async () => {
    const hostile = await h.services.createArticle({ title: '</title><script>window.__pwned=1</script>', html: '<p>Officials <img src=x onerror="window.__pwned=2"> said so.</p>' })
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Briefs' }).click()
    await page.getByRole('button', { name: 'Back to the article' }).click()
    await page.reload()
    await page.getByRole('option', { name: /window\.__pwned/ }).or(page.getByText('</title><script>window.__pwned=1</script>').first()).first().click()
    await page.waitForSelector('.article-body p')
    await page.keyboard.press('Control+e')
    const exportView = page.getByRole('main', { name: 'Export' })
    await expect.poll(() => exportView.getByRole('combobox').locator('option:checked').textContent()).toBe(`This article, annotated: ${hostile.title}`)
    await expect.poll(() => page.getByTestId('export-preview').locator('h1').textContent()).toBe(hostile.title)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(await page.getByTestId('export-preview').locator('script, img').count()).toBe(0)
  })
})
