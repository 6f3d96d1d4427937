import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'

/** Issue 5 in Chromium: search as you type, the claims ledger, links across articles, the attribution assistant. */

/** Screenshots to look at after a run; kept out of the repository. */
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'intel-notebook-view-shots')

const SEOUL = 'About 10,000 soldiers have moved to Kursk, the National Intelligence Service said on Tuesday.\n\nOfficials said a second group could follow within a month.'
const MOSCOW = 'Moscow denied the report. The Kremlin spokesman told reporters that no foreign troops were in the Kursk region.\n\nLocal residents described convoys on the highway.'

describe('views across the notebook in Chromium', () => {
  let h: Harness
  let page: Page
  let seoul: string
  let moscow: string
  let claimSeoul: string
  let claimMoscow: string

  beforeAll(async () => {
    h = await Harness.start()
    seoul = (await h.services.createArticle({ title: 'Seoul intelligence briefing', text: SEOUL })).id
    moscow = (await h.services.createArticle({ title: 'Kremlin denies troop reports', text: MOSCOW })).id
    const nis = await h.services.annotateQuote({ articleId: seoul, kind: 'source', quote: 'the National Intelligence Service', sourceName: 'National Intelligence Service', patch: { reliability: 'B' } })
    claimSeoul = (await h.services.annotateQuote({ articleId: seoul, kind: 'claim', quote: 'About 10,000 soldiers have moved to Kursk', patch: { sourceIds: [nis.id], credibility: '2', tags: ['kursk'] } })).id
    claimMoscow = (await h.services.annotateQuote({ articleId: moscow, kind: 'claim', quote: 'no foreign troops were in the Kursk region' })).id
    await h.services.annotateQuote({ articleId: seoul, kind: 'question', quote: 'a second group could follow', patch: { priority: 'high', due: '2025-01-15' } })
    await mkdir(SHOTS, { recursive: true })
    page = await h.newPage()
    await page.waitForSelector('.article-body p')
  })
  afterAll(async () => {
    await h?.services.closeSearch()
    await h?.close()
  })

  const panel = () => page.getByRole('complementary', { name: 'Annotations' })

  it('searches as the analyst types, groups results by article and opens a result at its span', async () => {
    const box = page.getByRole('searchbox', { name: 'Search the whole notebook' })
    await box.click()
    await box.pressSequentially('kurs', { delay: 40 })
    const results = page.getByRole('main', { name: 'Search results' })
    await expect.poll(() => results.locator('.result-group').count(), { timeout: 15000 }).toBe(2)
    await expect.poll(() => results.getByRole('status').textContent()).toMatch(/in 2 articles for “kurs”/)
    // The match is marked up as an element around the text, never as HTML from the index.
    expect(await results.locator('.hit-snippet mark').first().textContent()).toBe('Kursk')
    await page.screenshot({ path: join(SHOTS, 'search.png') })

    await results.locator('.result-group', { hasText: 'Kremlin denies troop reports' }).locator('.result-hit.hit-claim').click()
    await expect.poll(() => page.getByRole('main', { name: 'Article: Kremlin denies troop reports' }).count(), { timeout: 10000 }).toBe(1)
    await expect.poll(() => panel().locator('.annotation-row[aria-current="true"]').textContent()).toContain('no foreign troops were in the Kursk region')
  })

  it('narrows the results with a facet', async () => {
    const box = page.getByRole('searchbox', { name: 'Search the whole notebook' })
    await box.fill('kursk')
    const results = page.getByRole('main', { name: 'Search results' })
    await expect.poll(() => results.locator('.result-group').count(), { timeout: 15000 }).toBe(2)
    await results.getByRole('group', { name: 'Tag' }).getByRole('checkbox').check()
    await expect.poll(() => results.locator('.result-group').count()).toBe(1)
    expect(await results.locator('.result-title').textContent()).toBe('Seoul intelligence briefing')
    await box.fill('')
  })

  it('changes a claim\'s status in the ledger and the article\'s panel shows it', async () => {
    await page.getByRole('button', { name: 'Claims', exact: true }).click()
    const ledger = page.getByRole('main', { name: 'Claims ledger' })
    const row = ledger.locator(`tr[data-claim-id="${claimSeoul}"]`)
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('single-source')
    await row.getByRole('combobox', { name: 'Status' }).selectOption('corroborated')
    await expect.poll(async () => {
      const a = (await h.services.getArticle(seoul)).annotations.find((x) => x.id === claimSeoul)
      return a?.kind === 'claim' ? a.status : null
    }).toBe('corroborated')
    await page.screenshot({ path: join(SHOTS, 'ledger.png') })

    await row.locator('.quote-button').click()
    await expect.poll(() => panel().locator('.annotation-row[aria-current="true"]').textContent(), { timeout: 10000 }).toContain('About 10,000 soldiers have moved to Kursk')
    await expect.poll(() => panel().locator('.annotation-detail').getByRole('combobox', { name: 'Status' }).inputValue()).toBe('corroborated')
  })

  it('links two claims in different articles; the link shows in the panels of both', async () => {
    await page.getByRole('button', { name: 'Claims', exact: true }).click()
    const ledger = page.getByRole('main', { name: 'Claims ledger' })
    const row = ledger.locator(`tr[data-claim-id="${claimMoscow}"]`)
    await row.getByRole('button', { name: 'Link…' }).click()
    await row.getByLabel('This claim').selectOption('contradicts')
    await row.getByLabel('Claim to link to').selectOption(claimSeoul)
    await row.getByRole('button', { name: 'Link', exact: true }).click()
    await expect.poll(() => row.locator('.links-cell li').first().textContent().catch(() => '')).toContain('contradicts: About 10,000 soldiers')
    await expect.poll(() => ledger.locator(`tr[data-claim-id="${claimSeoul}"]`).textContent()).toContain('contested')
    expect(h.services.listLinks()).toEqual([expect.objectContaining({ type: 'contradicts', from: { articleId: moscow, annotationId: claimMoscow }, to: { articleId: seoul, annotationId: claimSeoul } })])

    // From the Seoul claim's panel, the link is there and jumps to the other end.
    await ledger.locator(`tr[data-claim-id="${claimSeoul}"] .quote-button`).click()
    const links = panel().locator('.annotation-links')
    await expect.poll(() => links.textContent(), { timeout: 10000 }).toContain('contradicted by')
    await page.screenshot({ path: join(SHOTS, 'panel-links.png') })
    await links.getByRole('button').click()
    await expect.poll(() => panel().locator('.annotation-row[aria-current="true"]').textContent(), { timeout: 10000 }).toContain('no foreign troops were in the Kursk region')
    await expect.poll(() => panel().locator('.annotation-links').textContent()).toContain('contradicts')
  })

  it('accepts a suggested source, which reuses the registry entry of the same name', async () => {
    const third = await h.services.createArticle({ title: 'Follow-up report', text: 'Troops were seen boarding trains near the border, the National Intelligence Service said.' })
    await page.reload()
    await page.locator('.article-row', { hasText: 'Follow-up report' }).click()
    await page.getByRole('button', { name: 'Suggest', exact: true }).click()
    const view = page.getByRole('main', { name: 'Suggested attributions' })
    const source = view.locator('.suggestion-source', { hasText: 'the National Intelligence Service' })
    await expect.poll(() => source.count()).toBe(1)
    expect(await source.textContent()).toContain('in the registry as “National Intelligence Service”')
    await page.screenshot({ path: join(SHOTS, 'suggestions.png') })
    await source.getByRole('button', { name: 'Accept' }).click()
    await expect.poll(() => view.locator('.suggestion-source').count()).toBe(0)
    const stored = (await h.services.getArticle(third.id)).annotations
    const registryId = h.services.listSources().find((s) => s.name === 'National Intelligence Service')!.id
    expect(stored).toEqual([expect.objectContaining({ kind: 'source', registryId, anchor: expect.objectContaining({ exact: 'the National Intelligence Service' }) })])
    expect(h.services.listSources()).toHaveLength(1)
    expect(await view.locator('.suggestion-claim').count()).toBe(1)
  })

  it('keeps a dismissed suggestion dismissed after the app restarts, and undoes a dismissal', async () => {
    await h.services.createArticle({ title: 'Bridge statement', text: 'The bridge was destroyed overnight, the ministry said. According to Yonhap, the convoy turned back.' })
    await page.reload()
    const openSuggestions = async () => {
      await page.locator('.article-row', { hasText: 'Bridge statement' }).click()
      await page.getByRole('button', { name: 'Suggest', exact: true }).click()
      return page.getByRole('main', { name: 'Suggested attributions' })
    }
    let view = await openSuggestions()
    const yonhap = () => view.locator('.suggestion-source', { hasText: 'Yonhap' })
    await expect.poll(() => yonhap().count()).toBe(1)
    const total = await view.locator('.suggestion').count()
    await yonhap().getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => yonhap().count()).toBe(0)
    expect(await view.getByRole('status').textContent()).toBe('Dismissed 1 suggestion.')
    // Undo from the keyboard brings it back; dismissing again is what the restart must keep.
    await view.locator('.suggestion').first().getByRole('button', { name: 'Accept' }).focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => yonhap().count()).toBe(1)
    await yonhap().getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => view.locator('.suggestion').count()).toBe(total - 1)

    await h.services.closeSearch()
    await h.restartStore()
    await page.reload()
    view = await openSuggestions()
    await expect.poll(() => view.locator('.suggestion').count()).toBe(total - 1)
    expect(await yonhap().count()).toBe(0)

    await view.getByRole('button', { name: 'Dismiss all' }).click()
    await expect.poll(() => view.locator('.suggestion').count()).toBe(0)
    await view.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => view.locator('.suggestion').count()).toBe(total - 1)
    await view.getByRole('button', { name: 'Dismiss all' }).click()
    await expect.poll(() => view.locator('.suggestion').count()).toBe(0)
    await h.restartStore()
    await page.reload()
    view = await openSuggestions()
    await expect.poll(() => view.textContent()).toContain('Nothing to suggest')
  })

  it('shows the registry and the open questions', async () => {
    await page.getByRole('button', { name: 'Sources', exact: true }).click()
    const reg = page.getByRole('main', { name: 'Source registry' })
    await expect.poll(() => reg.locator('tbody tr').count()).toBe(1)
    expect(await reg.locator('tbody tr').textContent()).toMatch(/1 \(2 mentions\)/)
    await page.screenshot({ path: join(SHOTS, 'sources.png') })
    await page.getByRole('button', { name: 'Questions', exact: true }).click()
    const qs = page.getByRole('main', { name: 'Question tracker' })
    await expect.poll(() => qs.locator('.question-item').count()).toBe(1)
    expect(await qs.locator('.question-item').textContent()).toContain('a second group could follow')
    await page.screenshot({ path: join(SHOTS, 'questions.png') })
  })
})
