import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { paragraphs, useNotebook } from '../../../helpers/notebook'
import { suggestInText, registryName } from '../../../../src-main/core/assistant/suggestions'

const notebook = useNotebook()
const TEXT = 'About 10,000 soldiers have moved, the National Intelligence Service said. According to Yonhap, the troops trained for drone warfare. Satellite images show new tents.'

describe('attribution assistant', () => {
  it('finds "X said" and "according to X" with the claim each source made', () => {
    const s = suggestInText(TEXT)
    expect(s.map((x) => [x.kind, x.quote])).toEqual([
      ['source', 'the National Intelligence Service'],
      ['claim', 'About 10,000 soldiers have moved'],
      ['source', 'Yonhap'],
      ['claim', 'the troops trained for drone warfare'],
    ])
    expect(s[1]!.sourceSuggestionId).toBe(s[0]!.id)
    expect(TEXT.slice(s[2]!.start, s[2]!.end)).toBe('Yonhap')
  })

  it('names the registry entry a spokesman speaks for', () => {
    expect(registryName('a spokesman for the Defence Ministry')).toBe('Defence Ministry')
    expect(registryName('the National Intelligence Service')).toBe('National Intelligence Service')
  })

  it('accepts one suggestion, reusing the registry entry of the same name, and stops suggesting what is tagged', async () => {
    const { services } = await notebook()
    const existing = await services.createSource({ name: 'National Intelligence Service', type: 'organisation', reliability: 'B' })
    const a = await services.createArticle({ title: 'Troops', text: TEXT })
    const before = await services.suggest(a.id)
    const src = before.find((s) => s.kind === 'source' && s.quote === 'the National Intelligence Service')!
    expect(src).toMatchObject({ registryId: existing.id, registryName: 'National Intelligence Service' })
    const [created] = await services.acceptSuggestions({ articleId: a.id, ids: [src.id] })
    expect(created).toMatchObject({ kind: 'source', registryId: existing.id, anchor: { exact: 'the National Intelligence Service' } })
    expect(services.listSources()).toHaveLength(1)
    const after = await services.suggest(a.id)
    expect(after.map((s) => s.id)).toEqual(before.filter((s) => s.id !== src.id).map((s) => s.id))
    // The claim of the accepted source no longer points at a suggestion: its source is tagged already.
    expect(after.find((s) => s.quote === 'About 10,000 soldiers have moved')!.sourceSuggestionId).toBeNull()
  })

  it('accepts all at once, attributing each claim to its accepted source', async () => {
    const { services } = await notebook()
    const a = await services.createArticle({ title: 'Troops', text: TEXT })
    const created = await services.acceptSuggestions({ articleId: a.id, ids: 'all' })
    expect(created).toHaveLength(4)
    const view = await services.getArticle(a.id)
    const yonhap = view.annotations.find((x) => x.anchor.exact === 'Yonhap')!
    const claim = view.annotations.find((x) => x.anchor.exact === 'the troops trained for drone warfare')!
    expect(claim).toMatchObject({ kind: 'claim', sourceIds: [yonhap.id] })
    expect(services.listSources().map((s) => s.name).sort()).toEqual(['National Intelligence Service', 'Yonhap'])
    expect(await services.suggest(a.id)).toEqual([])
  })

  it('dismisses one or all, and refuses to accept a dismissed suggestion', async () => {
    const { services } = await notebook()
    const a = await services.createArticle({ title: 'Troops', text: TEXT })
    const [first] = await services.suggest(a.id)
    expect(await services.dismissSuggestions({ articleId: a.id, ids: [first!.id] })).toEqual({ dismissed: 1, ids: [first!.id] })
    expect((await services.suggest(a.id)).map((s) => s.id)).not.toContain(first!.id)
    await expect(services.acceptSuggestions({ articleId: a.id, ids: [first!.id] })).rejects.toThrow(/gone/)
    expect(await services.dismissSuggestions({ articleId: a.id, ids: 'all' })).toMatchObject({ dismissed: 3 })
    expect(await services.suggest(a.id)).toEqual([])
    expect((await services.getArticle(a.id)).annotations).toEqual([])
  })

  it('keeps dismissals in the article file, so they hold after the notebook is reopened', async () => {
    const nb = await notebook()
    const a = await nb.services.createArticle({ title: 'Troops', text: TEXT })
    const all = await nb.services.suggest(a.id)
    const yonhap = all.find((s) => s.quote === 'Yonhap')!
    await nb.services.dismissSuggestions({ articleId: a.id, ids: [yonhap.id] })
    await nb.store.flush()
    const file = JSON.parse(await readFile(join(nb.dir, 'articles', `${a.id}.json`), 'utf8'))
    expect(file.dismissedSuggestions).toEqual([{ kind: 'source', exact: 'Yonhap', prefix: expect.stringMatching(/According to $/), suffix: expect.stringMatching(/^, the troops/), dismissedAt: expect.any(String) }])
    const services = await nb.reopen()
    expect((await services.suggest(a.id)).map((s) => s.id)).toEqual(all.filter((s) => s.id !== yonhap.id).map((s) => s.id))
  })

  it('keys a dismissal by the quote and its context, so it holds when text elsewhere changes and lapses when its own words do', async () => {
    const { services } = await notebook()
    const a = await services.createArticle({ title: 'Troops', text: TEXT })
    const yonhap = (await services.suggest(a.id)).find((s) => s.quote === 'Yonhap')!
    await services.dismissSuggestions({ articleId: a.id, ids: [yonhap.id] })
    // A paragraph added far before it moves every offset, so the position-based id changes, but not the words around it.
    await services.saveArticleBody(a.id, paragraphs('A new opening paragraph written by the analyst.', TEXT))
    expect((await services.suggest(a.id)).map((s) => s.quote)).not.toContain('Yonhap')
    expect((await services.suggest(a.id)).map((s) => s.quote)).toContain('the National Intelligence Service')
    // Rewording the sentence it was about brings it back: it is no longer the suggestion that was dismissed.
    await services.saveArticleBody(a.id, paragraphs(TEXT.replace('According to Yonhap, the troops', 'According to Yonhap, soldiers')))
    expect((await services.suggest(a.id)).map((s) => s.quote)).toContain('Yonhap')
  })

  it('undoes a dismissal, and a "dismiss all", bringing exactly those suggestions back', async () => {
    const { services } = await notebook()
    const a = await services.createArticle({ title: 'Troops', text: TEXT })
    const all = await services.suggest(a.id)
    const one = await services.dismissSuggestions({ articleId: a.id, ids: [all[2]!.id] })
    const rest = await services.dismissSuggestions({ articleId: a.id, ids: 'all' })
    expect(rest.ids).toEqual(all.filter((s) => s.id !== all[2]!.id).map((s) => s.id))
    expect(await services.restoreSuggestions({ articleId: a.id, ids: rest.ids })).toEqual({ restored: 3 })
    expect((await services.suggest(a.id)).map((s) => s.id)).toEqual(rest.ids)
    expect(await services.restoreSuggestions({ articleId: a.id, ids: one.ids })).toEqual({ restored: 1 })
    expect((await services.suggest(a.id)).map((s) => s.id)).toEqual(all.map((s) => s.id))
    expect(await services.restoreSuggestions({ articleId: a.id, ids: one.ids })).toEqual({ restored: 0 })
  })
})
