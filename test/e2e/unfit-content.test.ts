import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness'
import type { DocJson } from '../../src-main/shared/model/notebook'

/**
 * An article whose stored text holds something this editor cannot show (a file written by a newer app, or edited by
 * hand) opens read-only with a sentence, and its file is never written from what the editor could make of it.
 */
describe('an article the editor cannot show', () => {
  let h: Harness
  let path: string
  let stored: string

  beforeAll(async () => {
    h = await Harness.start()
    const doc: DocJson = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Convoys were seen near the border at dawn.' }] }] }
    const meta = await h.services.addArticle({
      fields: { title: 'Border convoys', outlet: 'Wire', byline: '', publishedAt: '2024-11-05', url: '', language: 'en', excerpt: '' },
      doc,
      bytes: new TextEncoder().encode(JSON.stringify(doc)),
      provenance: { origin: 'paste', name: 'convoys.json', mediaType: 'application/json' },
      annotations: [],
    })
    await h.store.flush()
    path = h.store.layout.article(meta.id)
    const file = JSON.parse(await readFile(path, 'utf8')) as { doc: { content: unknown[] } }
    file.doc.content.push({ type: 'videoEmbed', attrs: { src: 'clip.mp4' } })
    stored = JSON.stringify(file, null, 2)
    await writeFile(path, stored)
    await h.restartStore()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('opens read-only, says why, and leaves the file as it was', async () => {
    const page = await h.newPage()
    await page.getByRole('complementary', { name: 'Library' }).getByText('Border convoys').first().click()
    await expect.poll(() => page.locator('.article-pane').textContent()).toContain('does not fit the editor')
    expect(await page.locator('.article-body').getAttribute('contenteditable')).toBe('false')
    // Longer than the autosave's pause and its wait for an idle moment.
    await page.waitForTimeout(2000)
    expect(await readFile(path, 'utf8')).toBe(stored)
  })
})
