import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page, Route } from 'playwright-core'
import { Harness } from '../helpers/harness'

/**
 * Views off the first screen are separate chunks fetched on first use or when the window is idle: they load from
 * the app's own origin under its CSP, the middle pane says a view is opening while its code is on the way, and a
 * chunk that cannot be fetched is reported where the view would be and fetched again on the next try.
 */
describe('views loaded on first use, in Chromium', () => {
  let h: Harness

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
  })
  afterAll(async () => {
    await h?.close()
  })

  /** A page whose requests for one chunk are handed to `hold`, with every CSP complaint and chunk request recorded. */
  async function pageHolding(chunk: RegExp, hold: (route: Route) => void): Promise<{ page: Page; cspErrors: string[]; chunks: string[] }> {
    const cspErrors: string[] = []
    const chunks: string[] = []
    const page = await h.newPage(undefined, undefined, async (p) => {
      p.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && cspErrors.push(m.text())))
      p.on('request', (r) => void (/\/assets\/.+\.js$/.test(r.url()) && chunks.push(r.url())))
      await p.route(chunk, hold)
    })
    await page.waitForSelector('.article-body p')
    return { page, cspErrors, chunks }
  }

  it('shows that a view is opening until its code arrives, and loads it from the app under the CSP', async () => {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const { page, cspErrors, chunks } = await pageHolding(/\/assets\/LedgerView-[^/]+\.js$/, (route) => void held.then(() => route.continue()))

    await page.getByRole('button', { name: 'Claims', exact: true }).click()
    const pane = page.getByRole('main', { name: 'Claims ledger' })
    await expect.poll(() => pane.getAttribute('aria-busy')).toBe('true')
    expect(await pane.getByRole('status').textContent()).toBe('Opening claims ledger…')

    release()
    await expect.poll(() => pane.locator('table').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await pane.getAttribute('aria-busy')).toBeNull()
    // The views came as chunks of the app's own, beside the first one, and none offended the policy.
    expect(chunks.some((c) => /\/assets\/LedgerView-[^/]+\.js$/.test(c))).toBe(true)
    expect(chunks.length).toBeGreaterThan(2)
    for (const c of chunks) expect(new URL(c).origin).toBe(new URL(h.url).origin)
    for (const name of ['Sources', 'Questions']) {
      await page.getByRole('button', { name, exact: true }).click()
      await expect.poll(() => page.locator('main.view-pane').count(), { timeout: 10_000 }).toBe(1)
    }
    await page.keyboard.press('Control+/')
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).locator('kbd').count(), { timeout: 10_000 }).toBeGreaterThan(5)
    expect(cspErrors).toEqual([])
  })

  it('says so where the view would be when its code cannot be fetched, and fetches it again next time', async () => {
    let refuse = true
    const { page } = await pageHolding(/\/assets\/QuestionsView-[^/]+\.js$/, (route) => void (refuse ? route.abort() : route.continue()))

    await page.getByRole('button', { name: 'Questions', exact: true }).click()
    const pane = page.getByRole('main', { name: 'Question tracker' })
    await expect.poll(() => pane.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/^Question tracker could not be opened because part of the app failed to load\./)
    await pane.getByRole('button', { name: 'Back to the article' }).click()
    await expect.poll(() => page.locator('.article-body p').count()).toBeGreaterThan(0)

    refuse = false
    await page.getByRole('button', { name: 'Questions', exact: true }).click()
    await expect.poll(() => pane.getAttribute('class'), { timeout: 10_000 }).toContain('view-pane')
    expect(await pane.getByRole('alert').count()).toBe(0)
  })
})
