import { describe, expect, it } from 'vitest'
import { useNotebook } from '../../../helpers/notebook'
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
    expect(await services.dismissSuggestions({ articleId: a.id, ids: [first!.id] })).toEqual({ dismissed: 1 })
    expect((await services.suggest(a.id)).map((s) => s.id)).not.toContain(first!.id)
    await expect(services.acceptSuggestions({ articleId: a.id, ids: [first!.id] })).rejects.toThrow(/gone/)
    expect(await services.dismissSuggestions({ articleId: a.id, ids: 'all' })).toEqual({ dismissed: 3 })
    expect(await services.suggest(a.id)).toEqual([])
    expect((await services.getArticle(a.id)).annotations).toEqual([])
  })
})
