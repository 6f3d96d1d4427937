import { describe, expect, it } from 'vitest'
import { useNotebook } from '../../../helpers/notebook'
import { seedExportNotebook } from './fixture'

const open = useNotebook()
// Each test seeds its own notebook (a dozen durable writes), which takes seconds on a busy machine.
const SLOW = 60000

describe('briefs', () => {
  it('keep their evidence live: a status or grade changed in the article shows in the brief and its export', async () => {
    const { services } = await open()
    const { sampleId, briefId } = await seedExportNotebook(services)
    const before = await services.briefEvidence(briefId)
    const troops = before.items.find((i) => i.annotation.anchor.exact.startsWith('About 10,000'))!
    expect(troops.evidenceCode).toBe('B2')
    expect(troops.picked).toBe(false)
    await services.updateAnnotation({ articleId: sampleId, id: troops.annotation.id, patch: { status: 'corroborated', credibility: '1' } })
    const after = await services.briefEvidence(briefId)
    const updated = after.items.find((i) => i.annotation.id === troops.annotation.id)!
    expect(updated.annotation.kind === 'claim' && updated.annotation.status).toBe('corroborated')
    expect(updated.evidenceCode).toBe('B1')
    const md = new TextDecoder().decode((await services.exportTarget({ kind: 'brief', id: briefId }, 'md')).bytes)
    expect(md).toContain('B1 (source usually reliable; information confirmed by other sources) · corroborated')
  }, SLOW)

  it('take picked items first, in the analyst\'s order, then the filter\'s matches, without repeats', async () => {
    const { services } = await open()
    const { sampleId } = await seedExportNotebook(services)
    const view = await services.getArticle(sampleId)
    const question = view.annotations.find((a) => a.kind === 'question' && a.priority === 'urgent')!
    const convoys = view.annotations.find((a) => a.anchor.exact.startsWith('local residents'))!
    const nocombat = view.annotations.find((a) => a.anchor.exact.startsWith('the government had seen'))!
    const brief = await services.createBrief({
      title: 'Picked',
      items: [question, convoys, nocombat].map((a) => ({ articleId: sampleId, annotationId: a.id })),
      filter: { articleIds: [sampleId], kinds: ['claim'], tags: [], statuses: [], evidenceCodes: [] },
    })
    const items = (await services.briefEvidence(brief.id)).items
    expect(items.map((i) => [i.label, i.annotation.anchor.exact.slice(0, 12), i.picked])).toEqual([
      ['C1', 'local reside', true],
      ['C2', 'the governme', true],
      ['C3', 'About 10,000', false],
      ['Q1', 'whether the ', true],
    ])
  }, SLOW)

  it('filter by status and evidence code, which only claims have', async () => {
    const { services } = await open()
    await seedExportNotebook(services)
    const byCode = await services.createBrief({ title: 'C3 only', filter: { articleIds: [], kinds: [], tags: [], statuses: [], evidenceCodes: ['C3'] } })
    expect((await services.briefEvidence(byCode.id)).items.map((i) => [i.annotation.kind, i.evidenceCode])).toEqual([
      ['claim', 'C3'],
      ['claim', 'C3'],
    ])
    const byStatus = await services.createBrief({ title: 'Disputed', filter: { articleIds: [], kinds: [], tags: [], statuses: ['disputed'], evidenceCodes: [] } })
    expect((await services.briefEvidence(byStatus.id)).items.map((i) => i.annotation.kind === 'claim' && i.annotation.status)).toEqual(['disputed'])
  }, SLOW)

  it('count picked items whose article was deleted instead of failing', async () => {
    const { services } = await open()
    const { hostileId, sampleId } = await seedExportNotebook(services)
    const [hostile, sample] = await Promise.all([services.getArticle(hostileId), services.getArticle(sampleId)])
    const brief = await services.createBrief({
      title: 'Mixed',
      items: [
        { articleId: hostileId, annotationId: hostile.annotations[0]!.id },
        { articleId: sampleId, annotationId: sample.annotations[0]!.id },
      ],
    })
    await services.deleteArticle(hostileId)
    const evidence = await services.briefEvidence(brief.id)
    expect(evidence.items).toHaveLength(1)
    expect(evidence.missing).toBe(0)
    expect(evidence.brief.items).toHaveLength(1)
  }, SLOW)

  it('sanitize key judgments, refuse evidence that does not exist, and update and delete', async () => {
    const { services } = await open()
    const { sampleId } = await seedExportNotebook(services)
    const brief = await services.createBrief({ title: 'T', judgments: '<p onclick="x()">Safe <img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a></p>' })
    expect(brief.judgments).toBe('<p>Safe link</p>')
    await expect(services.createBrief({ title: 'Bad', items: [{ articleId: sampleId, annotationId: 'ann_0000000000000000' }] })).rejects.toThrow(/no annotation ann_0000000000000000/)
    const renamed = await services.updateBrief(brief.id, { title: 'Renamed', caveat: 'OFFICIAL' })
    expect(renamed.title).toBe('Renamed')
    expect(services.listBriefs().map((b) => b.title)).toContain('Renamed')
    await services.deleteBrief(brief.id)
    expect(services.listBriefs().some((b) => b.id === brief.id)).toBe(false)
    await expect(services.briefEvidence(brief.id)).rejects.toThrow(/no brief/)
  }, SLOW)
})
