import { describe, expect, it } from 'vitest'
import { bestReliability, evidenceCode, evidenceCodeMeaning } from '../../../../src-main/shared/model/grading'
import { claimEvidenceCode } from '../../../../src-main/shared/model/evidence'
import { newAnnotation, type Annotation } from '../../../../src-main/shared/model/annotation'
import { newId } from '../../../../src-main/shared/model/ids'
import type { RegistryEntry } from '../../../../src-main/shared/model/source'

const anchor = { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }
const now = '2024-11-05T10:00:00.000Z'

describe('evidence code', () => {
  it('pairs reliability and credibility', () => {
    expect(evidenceCode('B', '2')).toBe('B2')
  })
  it('never overstates: ungraded parts read as cannot be judged', () => {
    expect(evidenceCode(null, '2')).toBe('F2')
    expect(evidenceCode('A', null)).toBe('A6')
  })
  it('explains a code in words', () => {
    expect(evidenceCodeMeaning('B2')).toBe('Source: usually reliable. Information: probably true.')
    expect(evidenceCodeMeaning('Z9')).toBe('Unknown evidence code')
  })
  it('takes the best judged reliability, F only when nothing is judged', () => {
    expect(bestReliability(['C', 'A', 'E'])).toBe('A')
    expect(bestReliability(['F', 'D'])).toBe('D')
    expect(bestReliability(['F', null])).toBe('F')
    expect(bestReliability([null, undefined])).toBeNull()
  })
  it('derives a claim code from its sources, falling back to the registry grade', () => {
    const entry: RegistryEntry = { id: newId('source'), name: 'NIS', type: 'organisation', reliability: 'B', aliases: [], note: '', createdAt: now, updatedAt: now }
    const src = { ...newAnnotation('source', newId('annotation'), anchor, now), registryId: entry.id } as Annotation
    const claim = newAnnotation('claim', newId('annotation'), anchor, now)
    if (claim.kind !== 'claim') throw new Error('kind')
    const graded = { ...claim, credibility: '2' as const, sourceIds: [src.id] }
    const byId = new Map<string, Annotation>([[src.id, src]])
    expect(claimEvidenceCode(graded, byId, new Map([[entry.id, entry]]))).toBe('B2')
    const inContext = { ...src, reliability: 'D' as const }
    expect(claimEvidenceCode(graded, new Map([[src.id, inContext]]), new Map([[entry.id, entry]]))).toBe('D2')
    expect(claimEvidenceCode({ ...graded, sourceIds: [] }, byId, new Map())).toBe('F2')
  })
})
