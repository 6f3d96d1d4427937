import { describe, expect, it } from 'vitest'
import type { ImportProgress } from '../../../../src-main/shared/ipc-contract'
import { sha256Hex } from '../../../../src-main/core/import/hash'
import { useNotebook } from '../../../helpers/notebook'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const story = (title: string) => utf8(`${title}\nNovember 5, 2024\n\nOfficials said the convoy moved at dawn; ${title.toLowerCase()}.\n`)

describe('importFiles: a batch through the import workers', () => {
  const notebook = useNotebook()

  it('reports each file in the order given, as it lands, with duplicates within the batch and in the notebook', async () => {
    const { services, store } = await notebook()
    const [earlier] = await services.importFiles([{ name: 'earlier.txt', bytes: story('Earlier report') }])
    const progress: ImportProgress[] = []
    const results = await services.importFiles(
      [
        { name: 'first.txt', bytes: story('First report') },
        { name: 'empty.txt', bytes: new Uint8Array() },
        { name: 'first-again.txt', bytes: story('First report') },
        { name: 'notes.md', bytes: utf8('# Field notes\n\nThe *bridge* was closed.') },
        { name: 'earlier-copy.txt', bytes: story('Earlier report') },
        { name: 'empty-again.txt', bytes: new Uint8Array() },
      ],
      (p) => progress.push(p),
    )
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['first.txt', 'imported'],
      ['empty.txt', 'failed'],
      ['first-again.txt', 'duplicate'],
      ['notes.md', 'imported'],
      ['earlier-copy.txt', 'duplicate'],
      ['empty-again.txt', 'failed'],
    ])
    expect(results[2]!.article!.id).toBe(results[0]!.article!.id)
    expect(results[4]!.article!.id).toBe(earlier!.article!.id)
    // A repeat of a file that failed fails with that file's reason: its content was read once.
    expect(results[1]!.reason).toMatch(/^"empty\.txt" is empty/)
    expect(results[5]!.reason).toBe(results[1]!.reason)
    expect(progress.map((p) => [p.done, p.total])).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]))
    expect(progress.flatMap((p) => p.results)).toEqual(results)

    const first = results[0]!.article!
    expect(first.title).toBe('First report')
    expect(first.provenance).toMatchObject({ origin: 'file', name: 'first.txt', sha256: sha256Hex(story('First report')), mediaType: 'text/plain' })
    expect(store.index.articles.map((a) => a.provenance.name).sort()).toEqual(['earlier.txt', 'first.txt', 'notes.md'])
  })

  it('finds the article a paste would repeat by the hash it is stored under', async () => {
    const { services } = await notebook()
    const html = '<p>Officials <em>said</em> the port stays open.</p>'
    expect(services.findPastedDuplicate({ html })).toBeNull()
    const created = await services.createArticle({ title: 'Port statement', html })
    expect(services.findPastedDuplicate({ html })?.id).toBe(created.id)
    expect(services.findPastedDuplicate({ html: `${html} ` })).toBeNull()
    expect(services.findPastedDuplicate({ text: 'Officials said the port stays open.' })).toBeNull()
  })

  it('refuses an empty paste with the importer’s sentence and adds nothing', async () => {
    const { services, store } = await notebook()
    await expect(services.createArticle({ title: 'Nothing', html: '<p> </p>' })).rejects.toThrow('The pasted content has no text in it; copy the article text again and paste it.')
    expect(store.index.articles).toHaveLength(0)
  })
})
