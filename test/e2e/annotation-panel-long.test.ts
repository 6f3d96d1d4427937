import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { newAnnotation, type Annotation } from '../../src-main/shared/model/annotation'
import { newId } from '../../src-main/shared/model/ids'
import type { DocJson } from '../../src-main/shared/model/notebook'
import { addAnnotationMark, docFromJson } from '../../src-main/shared/schema/annotate-doc'
import { anchorAt, indexText } from '../../src-main/shared/schema/plain-text'

/**
 * The annotation panel on an article with hundreds of annotations: the list is windowed, and still moves with the
 * keyboard, follows clicks in the text and tells assistive technology where each row sits.
 */

const PARAGRAPHS = 300
const KINDS = ['claim', 'source', 'question'] as const

/** One annotation per paragraph, on its first words "Item N", claims, sources and questions in turn. */
function longArticle(): { doc: DocJson; annotations: Annotation[] } {
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => `Item ${i + 1} reports that the convoy moved along the border road before dawn, officials said.`)
  let doc = docFromJson({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })
  const text = indexText(doc).text
  const annotations: Annotation[] = []
  let at = 0
  paragraphs.forEach((p, i) => {
    const kind = KINDS[i % 3]!
    const id = newId('annotation')
    const end = at + p.indexOf(' reports')
    doc = addAnnotationMark(doc, kind, id, at, end)
    annotations.push(newAnnotation(kind, id, anchorAt(text, at, end), new Date().toISOString()))
    at += p.length + 1
  })
  return { doc: doc.toJSON() as DocJson, annotations }
}

describe('the annotation panel of a long article', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start()
    const { doc, annotations } = longArticle()
    await h.services.addArticle({
      fields: { title: 'Long report', outlet: 'Wire', byline: '', publishedAt: '2024-11-05', url: '', language: 'en', excerpt: '' },
      doc,
      bytes: new TextEncoder().encode(JSON.stringify(doc)),
      provenance: { origin: 'paste', name: 'long.json', mediaType: 'application/json' },
      annotations,
    })
    page = await h.newPage()
    await page.getByRole('complementary', { name: 'Library' }).getByText('Long report').first().click()
    await page.locator('.article-body mark').nth(PARAGRAPHS - 1).waitFor({ state: 'attached' })
  })
  afterAll(async () => {
    await h?.close()
  })

  const panel = () => page.getByRole('complementary', { name: 'Annotations' })
  const current = () => panel().locator('.annotation-row[aria-current="true"]')
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('.annotation-row')?.querySelector('.row-quote')?.textContent ?? '')

  it('renders only the rows near view, each telling its place in its group', async () => {
    await expect.poll(() => panel().locator('#group-claim').textContent()).toMatch(/Claims\s*100/)
    const rendered = await panel().locator('.annotation-row').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(80)
    const first = panel().locator('.group-claim li:has(.annotation-row)').first()
    expect(await first.getAttribute('aria-setsize')).toBe('100')
    expect(await first.getAttribute('aria-posinset')).toBe('1')
    expect(await first.textContent()).toContain('Item 1')
  })

  it('moves through the whole list with the keyboard, rendering and focusing rows far out of view', async () => {
    await panel().locator('.annotation-row').first().focus()
    await page.keyboard.press('End')
    await expect.poll(focusedRow).toBe('Item 300')
    await expect.poll(() => current().textContent()).toContain('Item 300')
    const last = panel().locator('li:has(.annotation-row[aria-current="true"])')
    expect(await last.getAttribute('aria-posinset')).toBe('100')
    await page.keyboard.press('ArrowUp')
    await expect.poll(focusedRow).toBe('Item 297')
    await page.keyboard.press('Home')
    await expect.poll(focusedRow).toBe('Item 1')
    await page.keyboard.press('ArrowDown')
    await expect.poll(focusedRow).toBe('Item 4')
    // The text follows: the selected annotation's span is highlighted.
    await expect.poll(() => page.locator('.article-body .anno-active').first().textContent()).toBe('Item 4')
  })

  it('reveals the row of a span clicked far down the text, and F8 goes on from there', async () => {
    const span = page.locator('.article-body mark', { hasText: /^Item 241$/ })
    await span.scrollIntoViewIfNeeded()
    await span.click()
    await expect.poll(() => current().textContent()).toContain('Item 241')
    await expect.poll(() => inView(page, '.annotation-row[aria-current="true"]')).toBe(true)
    await page.keyboard.press('F8')
    await expect.poll(() => current().textContent()).toContain('Item 242')
    await expect.poll(() => inView(page, '.annotation-row[aria-current="true"]')).toBe(true)
  })

  it('shows the value of every grade of a claim in full at the panel’s default width', async () => {
    await panel().locator('.annotation-panel').evaluate((el) => el.scrollTo(0, 0))
    await panel().locator('.annotation-row.row-claim').first().click()
    const detail = panel().locator('.annotation-detail')
    await detail.getByLabel('Confidence').selectOption('moderate')
    await detail.getByLabel('Credibility').selectOption('1')
    await detail.getByLabel('Likelihood (ICD 203)').selectOption('roughly even chance')
    await detail.getByLabel('Status').selectOption('corroborated')
    const cut = await detail.evaluate((el) => {
      const ctx = document.createElement('canvas').getContext('2d')!
      return [...el.querySelectorAll('select')].flatMap((s) => {
        const style = getComputedStyle(s)
        ctx.font = `${style.fontSize} ${style.fontFamily}`
        const text = s.selectedOptions[0]?.text ?? ''
        // Room for the text: the box less its padding and the drop-down arrow.
        const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20
        return ctx.measureText(text).width > room ? [`${s.labels[0]?.textContent}: ${text}`] : []
      })
    })
    expect(cut).toEqual([])
  })

  it('attributes a claim to a source near it or, found by its words, far from it; the link is stored', async () => {
    await panel().locator('.annotation-panel').evaluate((el) => el.scrollTo(0, 0))
    await panel().locator('.annotation-row.row-claim').first().click()
    const attributed = panel().locator('.annotation-detail').getByRole('group', { name: 'Attributed to' })
    const boxes = attributed.getByRole('checkbox')
    // A hundred sources: the list offers the eight nearest "Item 1" and a filter, not a hundred checkboxes.
    await expect.poll(() => boxes.count()).toBe(8)
    expect(await attributed.locator('.quote-source').allTextContents()).toEqual(['Item 2', 'Item 5', 'Item 8', 'Item 11', 'Item 14', 'Item 17', 'Item 20', 'Item 23'])
    await expect.poll(() => attributed.textContent()).toContain('92 more, further away in the text')
    await attributed.getByRole('searchbox', { name: 'Find a source to attribute to' }).fill('item 299')
    await expect.poll(() => attributed.locator('.quote-source').allTextContents()).toEqual(['Item 299'])
    await boxes.first().check()
    await attributed.getByRole('searchbox').fill('')
    // The cited source joins the nearest, in the text's order: still eight boxes, the far one ticked.
    await expect.poll(() => attributed.locator('.quote-source').allTextContents()).toEqual(['Item 2', 'Item 5', 'Item 8', 'Item 11', 'Item 14', 'Item 17', 'Item 20', 'Item 299'])
    expect(await attributed.getByRole('checkbox', { name: 'Item 299' }).isChecked()).toBe(true)
    const articleId = h.services.listArticles().find((a) => a.title === 'Long report')!.id
    await expect
      .poll(async () => {
        const { annotations } = await h.services.getArticle(articleId)
        const claim = annotations.find((a) => a.anchor.exact === 'Item 1')
        const source = annotations.find((a) => a.anchor.exact === 'Item 299')!
        return claim?.kind === 'claim' && claim.sourceIds.includes(source.id)
      })
      .toBe(true)
    await attributed.getByRole('searchbox').fill('nobody')
    await expect.poll(() => attributed.textContent()).toContain('No other source matches “nobody”.')
    await attributed.getByRole('searchbox').fill('')
  })

  it('tags words far down the text: the panel renders the new row, the article view does not render', async () => {
    const words = page.locator('.article-body p').nth(249)
    await words.scrollIntoViewIfNeeded()
    await words.evaluate((p) => {
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, (n) => (n.textContent!.includes('convoy') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP)).nextNode()!
      const at = node.textContent!.indexOf('the convoy moved')
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + 'the convoy moved'.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      ;(p.closest('.article-body') as HTMLElement).focus()
    })
    // Counted around the shortcut alone: the panel shows the new row before the key's handling returns.
    const renders = await words.evaluate((p) => {
      const counts = (window as unknown as { __renderCounts: { articleView: number; annotationPanel: number } }).__renderCounts
      const before = { ...counts }
      p.closest('.article-body')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true, bubbles: true }))
      return { articleView: counts.articleView - before.articleView, annotationPanel: counts.annotationPanel - before.annotationPanel }
    })
    expect(renders.articleView).toBe(0)
    expect(renders.annotationPanel).toBeGreaterThan(0)
    await expect.poll(() => current().textContent()).toContain('the convoy moved')
    await expect.poll(() => panel().locator('#group-claim').textContent()).toMatch(/Claims\s*101/)
  })
})

async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const row = document.querySelector(sel)
    const box = document.querySelector('.annotation-panel')
    if (!row || !box) return false
    const r = row.getBoundingClientRect()
    const b = box.getBoundingClientRect()
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1
  }, selector)
}
