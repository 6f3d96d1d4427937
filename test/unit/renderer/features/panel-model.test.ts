import { describe, expect, it } from 'vitest'
import { ANNOTATION_KINDS, type Annotation, type Claim, type SourceAnnotation } from '../../../../src-main/shared/model/annotation'
import {
  NO_FILTER,
  claimEvidence,
  estimateChip,
  groupForPanel,
  matchesFilter,
  panelOrder,
  quoteLine,
  sourceChoices,
  sourceReliability,
  SOURCE_CHOICES,
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

describe('the sources a claim may be attributed to', () => {
  const registry = new Map([['src_tass0000000000000', entry('src_tass0000000000000', 'TASS', 'C', ['ТАСС'])]])
  // Twenty sources, one every 100 characters; the claim sits at 1,010, beside the eleventh.
  const sources = Array.from({ length: 20 }, (_, i) => ann('source', `ann_s${String(i).padStart(15, '0')}`, i * 100) as never as SourceAnnotation)
  const ids = (xs: readonly Annotation[]) => xs.map((x) => Number(x.id.slice(5)))

  it('lists every source of a short article', () => {
    const few = sources.slice(0, SOURCE_CHOICES)
    const claim = ann('claim', C1, 1010) as never as Claim
    expect(sourceChoices(claim, few, registry, '')).toEqual({ shown: few, offered: SOURCE_CHOICES, more: 0 })
  })

  it('in a long one, offers the nearest to the claim, keeps the cited ones, and counts the rest', () => {
    const claim = ann('claim', C1, 1010, { sourceIds: [sources[0]!.id, sources[19]!.id] } as never) as never as Claim
    const { shown, offered, more } = sourceChoices(claim, [...sources].reverse(), registry, '')
    // Eight shown in all: the two cited, and the six nearest to 1,010 (1,000, 1,100, 900, 1,200, 800, 1,300).
    expect(ids(shown)).toEqual([0, 8, 9, 10, 11, 12, 13, 19])
    expect([offered, more]).toEqual([6, 12])
  })

  it('still offers a few nearby sources when the claim already cites many', () => {
    const claim = ann('claim', C1, 1010, { sourceIds: sources.slice(0, 9).map((s) => s.id) } as never) as never as Claim
    const { shown, offered } = sourceChoices(claim, sources, registry, '')
    expect(offered).toBe(3)
    expect(ids(shown)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('filters by the quote and by the registry entry, its aliases included, ignoring case', () => {
    const tass = { ...sources[3]!, registryId: 'src_tass0000000000000' }
    const all = sources.map((s) => (s.id === tass.id ? tass : s))
    const claim = ann('claim', C1, 1010) as never as Claim
    expect(ids(sourceChoices(claim, all, registry, 'tass').shown)).toEqual([3])
    expect(ids(sourceChoices(claim, all, registry, ' тасс ').shown)).toEqual([3])
    expect(ids(sourceChoices(claim, all, registry, 'S000000000000017').shown)).toEqual([17])
    expect(sourceChoices(claim, all, registry, 'nobody said this')).toEqual({ shown: [], offered: 0, more: 0 })
  })

  it('caps what a short filter lists and says how many more match', () => {
    const many = Array.from({ length: 100 }, (_, i) => ann('source', `ann_s${String(i).padStart(15, '0')}`, i * 10) as never as SourceAnnotation)
    const claim = ann('claim', C1, 0, { sourceIds: [many[99]!.id] } as never) as never as Claim
    const r = sourceChoices(claim, many, registry, 'text')
    expect(r.offered).toBe(40)
    expect(r.more).toBe(59)
    expect(ids(r.shown)).toContain(99)
  })
})
