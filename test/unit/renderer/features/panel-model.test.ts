import { describe, expect, it } from 'vitest'
import { ANNOTATION_KINDS } from '../../../../src-main/shared/model/annotation'
import {
  NO_FILTER,
  claimEvidence,
  estimateChip,
  groupForPanel,
  matchesFilter,
  panelOrder,
  quoteLine,
  sourceReliability,
} from '../../../../src-renderer/features/annotations/panel-model'
import { ann, entry } from './fixtures'

const S1 = 'ann_s000000000000001'
const S2 = 'ann_s000000000000002'
const C1 = 'ann_c000000000000001'

describe('grouping for the panel', () => {
  it('groups by kind with counts, in document order, orphans last', () => {
    const records = [
      ann('claim', 'ann_c3', 300),
      ann('claim', 'ann_c1', 10, { orphaned: true }),
      ann('claim', 'ann_c2', 50),
      ann('question', 'ann_q1', 5),
    ]
    const groups = groupForPanel(records, NO_FILTER)
    expect(groups.map((g) => [g.kind, g.total])).toEqual([
      ['claim', 3],
      ['source', 0],
      ['question', 1],
    ])
    expect(groups[0]!.items.map((a) => a.id)).toEqual(['ann_c2', 'ann_c3', 'ann_c1'])
    expect(panelOrder(groups)).toEqual(['ann_c2', 'ann_c3', 'ann_c1', 'ann_q1'])
  })

  it('filters by kind, tag and status while counts stay whole', () => {
    const records = [
      ann('claim', 'a', 1, { tags: ['troops'], status: 'disputed' } as never),
      ann('claim', 'b', 2),
      ann('question', 'c', 3, { tags: ['troops'] }),
      ann('source', 'd', 4, { orphaned: true }),
    ]
    const byTag = groupForPanel(records, { ...NO_FILTER, tag: 'troops' })
    expect(byTag.flatMap((g) => g.items.map((a) => a.id))).toEqual(['a', 'c'])
    expect(byTag[0]!.total).toBe(2)
    expect(records.filter((a) => matchesFilter(a, { ...NO_FILTER, status: 'disputed' })).map((a) => a.id)).toEqual(['a'])
    expect(records.filter((a) => matchesFilter(a, { ...NO_FILTER, status: 'orphaned' })).map((a) => a.id)).toEqual(['d'])
    expect(records.filter((a) => matchesFilter(a, { ...NO_FILTER, kinds: new Set(['question'] as const) })).map((a) => a.id)).toEqual(['c'])
    expect(new Set(ANNOTATION_KINDS).size).toBe(NO_FILTER.kinds.size)
  })
})

describe('evidence codes', () => {
  const registry = new Map([['src_reuters00000000', entry('src_reuters00000000', 'Reuters', 'B')]])

  it('pairs the best linked source reliability with the claim credibility', () => {
    const s1 = ann('source', S1, 0, { reliability: 'C' } as never)
    const s2 = ann('source', S2, 10, { registryId: 'src_reuters00000000' } as never)
    const claim = ann('claim', C1, 20, { sourceIds: [S1, S2], credibility: '2' } as never)
    expect(sourceReliability(s2 as never, registry)).toBe('B')
    const ev = claimEvidence(claim as never, [s1, s2, claim], registry)
    expect(ev.code).toBe('B2')
    expect(ev.meaning).toMatch(/usually reliable/i)
    expect(ev.meaning).toMatch(/probably true/i)
  })

  it('reads an unlinked, ungraded claim as F6 and says why', () => {
    const claim = ann('claim', C1, 0)
    const ev = claimEvidence(claim as never, [claim], registry)
    expect(ev.code).toBe('F6')
    expect(ev.meaning).toMatch(/no source is linked/i)
  })

  it('writes likelihood and confidence as one compact chip with words in the tooltip', () => {
    const claim = ann('claim', C1, 0, { likelihood: 'likely', confidence: 'moderate' } as never)
    const chip = estimateChip(claim as never)!
    expect(chip.code).toBe('likely · moderate')
    expect(chip.meaning).toContain('55–80%')
    expect(estimateChip(ann('claim', C1, 0) as never)).toBeNull()
  })
})

describe('quotes', () => {
  it('collapse whitespace and are cut with an ellipsis', () => {
    const a = ann('claim', C1, 0, { anchor: { exact: 'a\n\n  b '.padEnd(200, 'x'), prefix: '', suffix: '', start: 0, end: 1 } })
    const line = quoteLine(a, 20)
    expect(line.startsWith('a b')).toBe(true)
    expect(line).toHaveLength(20)
    expect(line.endsWith('…')).toBe(true)
  })
})
