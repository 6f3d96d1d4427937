import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { Harness } from '../helpers/harness'
import { pasteInto } from '../helpers/paste'

/** Bringing articles in as an analyst does: pasting formatted text, and dropping saved files on the window. */
describe('import in Chromium', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await Harness.start()
    page = await h.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('keeps the formatting of pasted HTML and drops what is hostile', async () => {
    // The empty notebook teaches how to start: its New article button opens the form.
    await page.getByRole('button', { name: /New article/ }).first().click()
    await page.locator('#new-article-title').fill('Pasted wire copy')
    await pasteInto(page, page.locator('.paste-area'), {
      'text/html':
        '<h2>Seoul weighs a team</h2><p>Officials <em>said</em> a team <a href="javascript:alert(1)" onclick="window.__pwned=1">may</a> go.</p><img src="x" onerror="window.__pwned=1"><script>window.__pwned=1</script>',
      'text/plain': 'Seoul weighs a team\n\nOfficials said a team may go.',
    })
    await page.getByRole('button', { name: /Add article/ }).click()
    const body = page.locator('.article-body')
    await expect.poll(() => body.textContent()).toContain('Officials said a team may go.')
    expect(await body.locator('h2').textContent()).toBe('Seoul weighs a team')
    expect(await body.locator('em').textContent()).toBe('said')
    const stored = JSON.stringify((await h.services.getArticle(h.services.listArticles()[0]!.id)).doc)
    expect(stored).not.toMatch(/javascript:|onerror|onclick|<script|"image"/i)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  })

  it('imports files dropped on the window and reports each one', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer()
      dt.items.add(new File(['Troops seen near the border\nNovember 5, 2024\n\nAbout 10,000 soldiers moved, officials said.\n'], 'report.txt', { type: 'text/plain' }))
      dt.items.add(new File([''], 'empty.txt', { type: 'text/plain' }))
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }))
    })
    const library = page.getByRole('complementary', { name: 'Library' })
    await expect.poll(() => library.textContent(), { timeout: 10_000 }).toContain('Troops seen near the border')
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toMatch(/empty\.txt/)
    expect(h.services.listArticles().map((a) => a.title)).toContain('Troops seen near the border')
    expect(h.services.listArticles().map((a) => a.provenance.name)).not.toContain('empty.txt')
  })

  it('imports a notebook export dropped on the window, under its own .intelnotebook name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-export-'))
    const store = await NotebookStore.open(dir, { holder: 'test' })
    const services = createServices(store)
    await services.createArticle({ title: 'Handed over by the desk', text: 'Officials said the convoy moved at night.' })
    const exported = await services.exportTarget({ kind: 'all' }, 'json')
    await services.closeSearch()
    await store.close()
    await rm(dir, { recursive: true, force: true })
    expect(exported.fileName).toMatch(/\.intelnotebook$/)

    await page.evaluate(
      ({ name, base64 }) => {
        const dt = new DataTransfer()
        dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name))
        for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }))
      },
      { name: 'From the desk.intelnotebook', base64: Buffer.from(exported.bytes).toString('base64') },
    )
    const library = page.getByRole('complementary', { name: 'Library' })
    await expect.poll(() => library.textContent(), { timeout: 10_000 }).toContain('Handed over by the desk')
    expect(h.services.listArticles().map((a) => a.title)).toContain('Handed over by the desk')
  })
})
