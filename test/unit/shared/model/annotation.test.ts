import { describe, expect, it } from 'vitest'
import { AnnotationPatchSchema, applyAnnotationPatch, newAnnotation } from '../../../../src-main/shared/model/annotation'
import { idSchema, isId, newId } from '../../../../src-main/shared/model/ids'

const anchor = { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }
const t0 = '2024-11-05T10:00:00.000Z'
const t1 = '2024-11-05T11:00:00.000Z'

describe('annotation records', () => {
  it('start with the defaults an analyst expects', () => {
    const c = newAnnotation('claim', newId('annotation'), anchor, t0)
    expect(c).toMatchObject({ kind: 'claim', status: 'unverified', credibility: null, likelihood: null, confidence: null, sourceIds: [], orphaned: false })
    expect(newAnnotation('question', newId('annotation'), anchor, t0)).toMatchObject({ status: 'open', priority: 'normal', due: '' })
    expect(newAnnotation('source', newId('annotation'), anchor, t0)).toMatchObject({ reliability: null, registryId: null, chain: [] })
  })

  it('accept each valid metadata field and stamp the update time', () => {
    const c = newAnnotation('claim', newId('annotation'), anchor, t0)
    const next = applyAnnotationPatch(c, { status: 'corroborated', likelihood: 'very likely', confidence: 'high', credibility: '1', tags: ['kursk'], note: '<p>n</p>' }, t1)
    expect(next).toMatchObject({ status: 'corroborated', likelihood: 'very likely', confidence: 'high', credibility: '1', tags: ['kursk'], updatedAt: t1 })
  })

  it.each([
    ['status', 'maybe'],
    ['likelihood', 'probably'],
    ['confidence', 'medium'],
    ['credibility', '7'],
    ['reliability', 'G'],
    ['priority', 'someday'],
    ['due', '5 Nov'],
    ['tags', ['']],
    ['sourceIds', ['not-an-id']],
  ])('refuse an invalid %s', (field, value) => {
    expect(AnnotationPatchSchema.safeParse({ [field]: value }).success).toBe(false)
  })

  it('refuse a field that belongs to another kind', () => {
    const c = newAnnotation('claim', newId('annotation'), anchor, t0)
    expect(() => applyAnnotationPatch(c, { reliability: 'A' }, t1)).toThrow('A claim has no field "reliability"')
    const q = newAnnotation('question', newId('annotation'), anchor, t0)
    expect(() => applyAnnotationPatch(q, { status: 'corroborated' }, t1)).toThrow('not a question status')
    expect(applyAnnotationPatch(q, { status: 'answered', answer: 'Yes', due: '2024-12-01' }, t1)).toMatchObject({ status: 'answered', answer: 'Yes' })
  })

  it('refuse unknown fields outright', () => {
    expect(AnnotationPatchSchema.safeParse({ kind: 'source' }).success).toBe(false)
  })
})

describe('ids', () => {
  it('are random, prefixed by kind and fixed-width', () => {
    const a = newId('article')
    const b = newId('article')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^art_[0-9a-z]{16}$/)
    expect(isId('article', a)).toBe(true)
    expect(isId('annotation', a)).toBe(false)
    expect(idSchema('annotation').safeParse(a).success).toBe(false)
  })
})
