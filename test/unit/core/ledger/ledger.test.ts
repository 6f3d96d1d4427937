import { describe, expect, it } from 'vitest'
import { useNotebook } from '../../../helpers/notebook'
import type { Services } from '../../../../src-main/core/services/notebook-services'

const notebook = useNotebook()

const SEOUL = 'About 10,000 soldiers have moved to Kursk, the National Intelligence Service said. Officials said a team may be sent.'
const GUARDIAN = 'Citing Reuters, the paper reported that 10,000 North Korean troops are in Kursk. Moscow denied any troops were there.'

async function twoArticles(services: Services) {
  const a = await services.createArticle({ title: 'Seoul briefing', text: SEOUL })
  const b = await services.createArticle({ title: 'Guardian report', text: GUARDIAN })
  const nis = await services.annotateQuote({ articleId: a.id, kind: 'source', quote: 'the National Intelligence Service', sourceName: 'NIS', patch: { reliability: 'B' } })
  const claimA = await services.annotateQuote({ articleId: a.id, kind: 'claim', quote: 'About 10,000 soldiers have moved to Kursk', patch: { sourceIds: [nis.id], credibility: '2', tags: ['kursk'] } })
  const relay = await services.annotateQuote({ articleId: b.id, kind: 'source', quote: 'Reuters', sourceName: 'Reuters', patch: { chain: ['The Guardian', 'Reuters', 'NIS'] } })
  const claimB = await services.annotateQuote({ articleId: b.id, kind: 'claim', quote: '10,000 North Korean troops are in Kursk', patch: { sourceIds: [relay.id] } })
  const moscow = await services.annotateQuote({ articleId: b.id, kind: 'source', quote: 'Moscow', sourceName: 'Kremlin' })
  const denial = await services.annotateQuote({ articleId: b.id, kind: 'claim', quote: 'any troops were there', patch: { sourceIds: [moscow.id] } })
  return { a, b, nis, claimA, relay, claimB, moscow, denial }
}

describe('claims ledger', () => {
  it('lists every claim with its article, sources, evidence code, grades and tags', async () => {
    const { services } = await notebook()
    const t = await twoArticles(services)
    const rows = await services.claimsLedger()
    expect(rows).toHaveLength(3)
    const row = rows.find((r) => r.claim.id === t.claimA.id)!
    expect(row).toMatchObject({ articleId: t.a.id, articleTitle: 'Seoul briefing', evidenceCode: 'B2', sources: [{ name: 'NIS', reliability: 'B' }], claim: { tags: ['kursk'], status: 'unverified' } })
  })

  it('flags a claim as single-source when its support traces to one entry, through a relay chain too', async () => {
    const { services } = await notebook()
    const t = await twoArticles(services)
    let rows = await services.claimsLedger()
    expect(rows.find((r) => r.claim.id === t.claimA.id)!.singleSource).toBe(true)
    // The Guardian citing Reuters citing the NIS supports the Seoul claim: still the NIS alone.
    await services.createLink({ type: 'supports', from: { articleId: t.b.id, annotationId: t.claimB.id }, to: { articleId: t.a.id, annotationId: t.claimA.id } })
    rows = await services.claimsLedger()
    expect(rows.find((r) => r.claim.id === t.claimA.id)!.singleSource).toBe(true)
    // An independent source for the same claim ends that.
    const second = await services.createArticle({ title: 'Kyiv view', text: 'Ukrainian intelligence says 10,000 soldiers reached Kursk.' })
    const gur = await services.annotateQuote({ articleId: second.id, kind: 'source', quote: 'Ukrainian intelligence', sourceName: 'HUR' })
    const claimC = await services.annotateQuote({ articleId: second.id, kind: 'claim', quote: '10,000 soldiers reached Kursk', patch: { sourceIds: [gur.id] } })
    await services.createLink({ type: 'same-as', from: { articleId: t.a.id, annotationId: t.claimA.id }, to: { articleId: second.id, annotationId: claimC.id } })
    rows = await services.claimsLedger()
    expect(rows.find((r) => r.claim.id === t.claimA.id)!.singleSource).toBe(false)
  })

  it('does not call a claim without any source single-source', async () => {
    const { services } = await notebook()
    const a = await services.createArticle({ title: 'Bare', text: SEOUL })
    await services.annotateQuote({ articleId: a.id, kind: 'claim', quote: 'a team may be sent' })
    expect((await services.claimsLedger())[0]!.singleSource).toBe(false)
  })

  it('flags a contradicted claim as contested and shows the link from both ends', async () => {
    const { services } = await notebook()
    const t = await twoArticles(services)
    expect((await services.claimsLedger()).some((r) => r.contested)).toBe(false)
    const link = await services.linkAnnotations(t.denial.id, t.claimA.id, 'contradicts')
    const rows = await services.claimsLedger()
    const a = rows.find((r) => r.claim.id === t.claimA.id)!
    const d = rows.find((r) => r.claim.id === t.denial.id)!
    expect(a.contested).toBe(true)
    expect(d.contested).toBe(true)
    expect(a.links).toEqual([expect.objectContaining({ linkId: link.id, type: 'contradicts', direction: 'in', annotationId: t.denial.id, articleTitle: 'Guardian report', quote: 'any troops were there' })])
    expect(d.links[0]).toMatchObject({ direction: 'out', annotationId: t.claimA.id, articleId: t.a.id })
    expect((await services.articleLinks(t.a.id))[t.claimA.id]).toHaveLength(1)
    expect((await services.articleLinks(t.b.id))[t.denial.id]).toHaveLength(1)
    expect(rows.find((r) => r.claim.id === t.claimB.id)!.contested).toBe(false)
  })
})

describe('source registry', () => {
  it('counts the claims resting on each entry and the articles it appears in', async () => {
    const { services } = await notebook()
    const t = await twoArticles(services)
    const rows = await services.registryRows()
    expect(rows.map((r) => [r.entry.name, r.mentions, r.claims, r.articles.map((a) => a.title)])).toEqual([
      ['Kremlin', 1, 1, ['Guardian report']],
      ['NIS', 1, 1, ['Seoul briefing']],
      ['Reuters', 1, 1, ['Guardian report']],
    ])
    expect(t.nis.kind).toBe('source')
  })

  it('merges two entries: every annotation naming the merged one is rewritten and its name becomes an alias', async () => {
    const { services, reopen } = await notebook()
    const t = await twoArticles(services)
    const reg = services.listSources()
    const nis = reg.find((s) => s.name === 'NIS')!
    const reuters = reg.find((s) => s.name === 'Reuters')!
    const result = await services.mergeSources(nis.id, reuters.id)
    expect(result).toMatchObject({ rewritten: 1, articleIds: [t.b.id], entry: { name: 'NIS', aliases: ['Reuters'], reliability: 'B' } })
    const after = await reopen()
    expect(after.listSources().map((s) => s.name)).toEqual(['Kremlin', 'NIS'])
    const relay = (await after.getArticle(t.b.id)).annotations.find((a) => a.id === t.relay.id)!
    expect(relay).toMatchObject({ kind: 'source', registryId: nis.id })
    expect((await after.registryRows()).find((r) => r.entry.id === nis.id)).toMatchObject({ mentions: 2, claims: 2 })
    await expect(after.mergeSources(nis.id, nis.id)).rejects.toThrow(/two different/)
  })

  it('renames an entry everywhere it is named, since annotations refer to it by id', async () => {
    const { services } = await notebook()
    const t = await twoArticles(services)
    const nis = services.listSources().find((s) => s.name === 'NIS')!
    await services.updateSource(nis.id, { name: 'National Intelligence Service (ROK)' })
    const row = (await services.claimsLedger()).find((r) => r.claim.id === t.claimA.id)!
    expect(row.sources[0]!.name).toBe('National Intelligence Service (ROK)')
  })
})

describe('question tracker', () => {
  it('orders open questions by priority then due date, and answers one with linked evidence', async () => {
    const { services } = await notebook()
    const t = await twoArticles(services)
    const q1 = await services.annotateQuote({ articleId: t.a.id, kind: 'question', quote: 'a team may be sent', patch: { priority: 'normal', due: '2024-12-01' } })
    const q2 = await services.annotateQuote({ articleId: t.b.id, kind: 'question', quote: 'Moscow denied', patch: { priority: 'urgent', due: '2025-01-10' } })
    const q3 = await services.annotateQuote({ articleId: t.a.id, kind: 'question', quote: 'Officials', patch: { priority: 'normal', due: '2024-11-20' } })
    const q4 = await services.annotateQuote({ articleId: t.b.id, kind: 'question', quote: 'the paper reported', patch: { priority: 'normal' } })
    expect((await services.listQuestions('open')).map((r) => r.question.id)).toEqual([q2.id, q3.id, q1.id, q4.id])
    await services.answerQuestion({ articleId: t.a.id, id: q1.id, answer: 'Yes: the Guardian confirms it.', evidence: [{ articleId: t.b.id, annotationId: t.claimB.id }] })
    expect((await services.listQuestions('open')).map((r) => r.question.id)).toEqual([q2.id, q3.id, q4.id])
    const answered = await services.listQuestions('answered')
    expect(answered[0]).toMatchObject({ question: { id: q1.id, status: 'answered', answer: 'Yes: the Guardian confirms it.', answeredBy: [t.claimB.id] }, evidence: [{ articleId: t.b.id, quote: '10,000 North Korean troops are in Kursk' }] })
    const links = await services.articleLinks(t.a.id)
    expect(links[q1.id]).toEqual([expect.objectContaining({ type: 'answers', direction: 'in', annotationId: t.claimB.id })])
    await expect(services.answerQuestion({ articleId: t.a.id, id: q3.id, answer: '', evidence: [] })).rejects.toThrow(/Write the answer/)
  })
})
