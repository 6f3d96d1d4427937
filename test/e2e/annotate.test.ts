import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'

/** Issue 3 in Chromium: tagging with the mouse and the shortcuts, grading, linking, overlap, undo and orphans. */

const TITLE = 'Border crossing reported'
const TEXT =
  'Ministry spokesman Ivan Petrov said 4,000 troops crossed the river on Monday.\n\n' +
  'Local officials disputed the figure. It is unclear who ordered the move.\n\n' +
  'Satellite images from Tuesday show new tents near the crossing.'

describe('tagging claims, sources and questions in Chromium', () => {
  let h: Harness
  let page: Page
  let articleId: string

  beforeAll(async () => {
    h = await Harness.start()
    articleId = (await h.services.createArticle({ title: TITLE, text: TEXT })).id
    page = await h.newPage()
    await page.waitForSelector('.article-body mark, .article-body p')
  })
  afterAll(async () => {
    await h?.close()
  })

  const stored = () => h.services.getArticle(articleId)
  const panel = () => page.getByRole('complementary', { name: 'Annotations' })
  const mark = (kind: string, text: string) => page.locator(`.article-body mark[data-kind="${kind}"]`, { hasText: text })

  it('tags a source, a claim and a question selected with the mouse, using the shortcuts', async () => {
    await selectWithMouse(page, 'Ministry spokesman Ivan Petrov')
    await page.keyboard.press('Control+Shift+S')
    await selectWithMouse(page, '4,000 troops crossed the river on Monday')
    await page.keyboard.press('Control+Shift+C')
    await selectWithMouse(page, 'who ordered the move')
    await page.keyboard.press('Control+Shift+Q')

    await expect.poll(() => mark('source', 'Ministry spokesman Ivan Petrov').count()).toBe(1)
    await expect.poll(() => mark('claim', '4,000 troops crossed the river on Monday').count()).toBe(1)
    await expect.poll(() => mark('question', 'who ordered the move').count()).toBe(1)
    expect(await page.locator('.article-body').textContent()).toContain('Ministry spokesman Ivan Petrov said')

    await expect.poll(async () => (await stored()).annotations.map((a) => `${a.kind}:${a.anchor.exact}`).sort()).toEqual([
      'claim:4,000 troops crossed the river on Monday',
      'question:who ordered the move',
      'source:Ministry spokesman Ivan Petrov',
    ])
    // The panel groups them by kind with counts.
    await expect.poll(() => panel().locator('#group-claim').textContent()).toMatch(/Claims\s*1/)
    await expect.poll(() => panel().locator('#group-source').textContent()).toMatch(/Sources\s*1/)
    await expect.poll(() => panel().locator('#group-question').textContent()).toMatch(/Questions\s*1/)
  })

  it('clicking tagged text selects its annotation in the panel, and F8 moves to the next one', async () => {
    await mark('question', 'who ordered the move').click()
    await expect.poll(() => panel().locator('.annotation-row[aria-current="true"]').textContent()).toContain('who ordered the move')
    await page.keyboard.press('F8')
    // After the last annotation, F8 wraps to the first in the text.
    await expect.poll(() => panel().locator('.annotation-row[aria-current="true"]').textContent()).toContain('Ministry spokesman Ivan Petrov')
    await expect.poll(() => page.locator('.article-body .anno-active').first().textContent()).toContain('Ministry spokesman')
  })

  it('grades the source and the claim, links them, and finds it all after a reload', async () => {
    // The source: a new registry entry named after the tagged words, graded B.
    await panel().locator('.annotation-row.row-source').click()
    const detail = panel().locator('.annotation-detail')
    await detail.getByRole('button', { name: /Add “Ministry spokesman Ivan Petrov” to the registry/ }).click()
    await expect.poll(() => detail.textContent()).toContain('Registry entry')
    await detail.getByLabel('Reliability (here)').selectOption('B')

    // The claim: credibility 2, likely with moderate confidence, attributed to the spokesman.
    await panel().locator('.annotation-row.row-claim').click()
    await detail.getByLabel('Credibility').selectOption('2')
    await detail.getByLabel('Likelihood (ICD 203)').selectOption('likely')
    await detail.getByLabel('Confidence').selectOption('moderate')
    await detail.getByRole('checkbox', { name: /Ministry spokesman Ivan Petrov/ }).check()
    await expect.poll(() => detail.locator('.evidence-line .chip').textContent()).toBe('B2')
    await expect.poll(() => detail.locator('.evidence-line .chip').getAttribute('title')).toMatch(/usually reliable.*probably true/i)

    await expect
      .poll(async () => {
        const claim = (await stored()).annotations.find((a) => a.kind === 'claim')
        return claim?.kind === 'claim' ? [claim.credibility, claim.likelihood, claim.confidence, claim.sourceIds.length] : null
      })
      .toEqual(['2', 'likely', 'moderate', 1])

    await h.restartStore()
    await page.reload()
    await expect.poll(() => page.locator('.article-body').textContent()).toContain('Satellite images')
    await expect.poll(() => panel().locator('.annotation-row.row-claim').textContent()).toContain('B2')
    await expect.poll(() => panel().locator('.annotation-row.row-claim').textContent()).toContain('likely · moderate')
    await panel().locator('.annotation-row.row-source').click()
    await expect.poll(() => panel().locator('.annotation-detail').textContent()).toContain('Ministry spokesman Ivan Petrov')
    expect(await panel().locator('.annotation-detail').getByLabel('Reliability (here)').inputValue()).toBe('B')
    expect(await mark('source', 'Ministry spokesman Ivan Petrov').count()).toBe(1)
  })

  it('tags spans that overlap and nest, and shows each of them', async () => {
    await selectWithMouse(page, 'troops crossed the river')
    await page.keyboard.press('Control+Shift+Q')
    await selectWithMouse(page, 'Monday.\n\nLocal officials disputed')
    await page.keyboard.press('Control+Shift+C')
    // The question sits inside the first claim; the second claim crosses a paragraph break.
    await expect.poll(() => page.locator('.article-body mark[data-kind="claim"] mark[data-kind="question"]').count()).toBeGreaterThanOrEqual(1)
    await expect.poll(async () => (await stored()).annotations.length).toBe(5)
    const spans = (await stored()).annotations.map((a) => a.anchor.exact)
    expect(spans).toContain('troops crossed the river')
    expect(spans).toContain('Monday.\nLocal officials disputed')
    await expect.poll(() => panel().locator('#group-claim').textContent()).toMatch(/Claims\s*2/)
    // A click on the nested words picks the innermost annotation first.
    await mark('question', 'troops crossed the river').click()
    await expect.poll(() => panel().locator('.annotation-row[aria-current="true"]').textContent()).toContain('troops crossed the river')
  })

  it('undoes a tag: the mark goes at once, the record is kept as an orphan, and redo brings it back', async () => {
    await selectWithMouse(page, 'new tents')
    await page.keyboard.press('Control+Shift+C')
    await expect.poll(() => mark('claim', 'new tents').count()).toBe(1)
    const toolbar = page.getByRole('toolbar', { name: 'Editing and tagging' })
    const redo = toolbar.getByRole('button', { name: 'Redo' })
    await expect.poll(() => toolbar.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true)
    await expect.poll(() => redo.isEnabled()).toBe(false)
    await page.keyboard.press('Control+z')
    await expect.poll(() => mark('claim', 'new tents').count()).toBe(0)
    await expect.poll(() => redo.isEnabled()).toBe(true)
    await expect.poll(async () => (await stored()).annotations.find((a) => a.anchor.exact === 'new tents')?.orphaned, { timeout: 5000 }).toBe(true)
    await expect.poll(() => panel().locator('.annotation-row.is-orphan').textContent()).toContain('new tents')
    await page.keyboard.press('Control+y')
    await expect.poll(() => mark('claim', 'new tents').count()).toBe(1)
    await expect.poll(() => redo.isEnabled()).toBe(false)
    await expect.poll(async () => (await stored()).annotations.find((a) => a.anchor.exact === 'new tents')?.orphaned, { timeout: 5000 }).toBe(false)
  })

  it('deleting tagged text leaves an orphan that keeps its quote', async () => {
    await selectWithMouse(page, 'Satellite images from Tuesday')
    await page.keyboard.press('Control+Shift+Q')
    await expect.poll(() => mark('question', 'Satellite images from Tuesday').count()).toBe(1)
    await selectWithMouse(page, 'Satellite images from Tuesday show')
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('.article-body').textContent()).not.toContain('Satellite images')
    await expect
      .poll(async () => (await stored()).annotations.find((a) => a.anchor.exact === 'Satellite images from Tuesday')?.orphaned, { timeout: 5000 })
      .toBe(true)
    const orphan = panel().locator('.annotation-row.is-orphan', { hasText: 'Satellite images from Tuesday' })
    await expect.poll(() => orphan.textContent()).toContain('orphaned')
    await orphan.click()
    await expect.poll(() => panel().locator('.orphan-note').textContent()).toContain('Satellite images from Tuesday')
  })

  it('typing in the article does not render the annotation panel per keystroke', async () => {
    await page.locator('.article-body').click()
    await page.keyboard.press('Control+End')
    const panelRenders = () => page.evaluate(() => (window as unknown as { __renderCounts: { annotationPanel: number } }).__renderCounts.annotationPanel)
    // Let replies to earlier steps land first: wait until the count holds still for longer than the autosave pause.
    let before = await panelRenders()
    for (;;) {
      await page.waitForTimeout(900)
      const now = await panelRenders()
      if (now === before) break
      before = now
    }
    const typed = ' Sixty more characters typed into the article, one by one.'
    await page.keyboard.type(typed, { delay: 10 })
    await expect.poll(async () => JSON.stringify((await stored()).doc), { timeout: 5000 }).toContain(typed.trim())
    // An autosave may render the panel once (the anchor context of the last span moved); a keystroke never does.
    expect(await panelRenders()).toBeLessThanOrEqual(before + 2)
  })

  it('deletes an annotation from the panel, removing its marks, and undo restores it with its grades', async () => {
    await panel().locator('.annotation-row.row-claim', { hasText: '4,000 troops' }).click()
    await panel().getByRole('button', { name: /Delete claim/ }).click()
    await expect.poll(() => mark('claim', '4,000 troops crossed the river on Monday').count()).toBe(0)
    await expect.poll(async () => (await stored()).annotations.some((a) => a.anchor.exact.startsWith('4,000 troops'))).toBe(false)
    await page.locator('.article-body').click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => mark('claim', '4,000 troops').count()).toBeGreaterThan(0)
    await expect
      .poll(async () => {
        const claim = (await stored()).annotations.find((a) => a.anchor.exact.startsWith('4,000 troops'))
        return claim?.kind === 'claim' ? [claim.credibility, claim.likelihood, claim.sourceIds.length] : null
      })
      .toEqual(['2', 'likely', 1])
  })
})

/**
 * Selects text in the article with a real mouse drag, from the first character of `text` to its last,
 * wherever tags have split it into several DOM text nodes. A "\n\n" in `text` crosses a paragraph break.
 */
async function selectWithMouse(page: Page, text: string): Promise<void> {
  const points = await page.locator('.article-body').evaluate((root, wanted) => {
    const nodes: Text[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
    // Paragraphs are joined with "\n\n" so a selection can span a block boundary.
    let flat = ''
    const starts: number[] = []
    let lastBlock: Element | null = null
    for (const n of nodes) {
      const block = n.parentElement!.closest('p, h1, h2, h3, h4, li, blockquote')
      if (lastBlock && block !== lastBlock) flat += '\n\n'
      lastBlock = block
      starts.push(flat.length)
      flat += n.data
    }
    const at = flat.indexOf(wanted)
    if (at < 0) throw new Error(`"${wanted}" is not in the article`)
    const locate = (offset: number) => {
      for (let i = nodes.length - 1; i >= 0; i--) if (starts[i]! <= offset) return { node: nodes[i]!, offset: offset - starts[i]! }
      throw new Error('offset before the text')
    }
    const rectOf = (offset: number) => {
      const { node, offset: o } = locate(offset)
      const r = document.createRange()
      r.setStart(node, o)
      r.setEnd(node, o + 1)
      return r.getBoundingClientRect()
    }
    const first = rectOf(at)
    const last = rectOf(at + wanted.length - 1)
    first.top && (root as HTMLElement).scrollIntoView({ block: 'nearest' })
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
  }, text)
  // A press on text that is already selected would start dragging it: collapse the selection first.
  await page.evaluate(() => {
    const s = window.getSelection()
    if (s && s.rangeCount > 0) s.collapseToEnd()
  })
  await page.mouse.move(points.x1, points.y1)
  await page.mouse.down()
  await page.mouse.move(points.x2, points.y2, { steps: 6 })
  await page.mouse.up()
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
  if (selected.replace(/\s+/g, ' ').trim() !== text.replace(/\s+/g, ' ').trim()) throw new Error(`selected "${selected}" instead of "${text}"`)
}
