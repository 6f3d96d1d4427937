import { describe, expect, it } from 'vitest'
import { formatChain, matchRegistry, parseChain } from '../../../../src-renderer/features/sources/registry-match'
import { entry } from './fixtures'

describe('registry matching', () => {
  const reg = [
    entry('src_a', 'Reuters', 'B'),
    entry('src_b', 'Reuters Institute', null),
    entry('src_c', 'Ministry of Defence', 'C', ['MoD']),
    entry('src_d', 'Agence France-Presse', 'B', ['AFP']),
  ]

  it('offers the entry already in the registry first when a source is tagged again', () => {
    expect(matchRegistry(reg, 'reuters').map((e) => e.id)).toEqual(['src_a', 'src_b'])
    expect(matchRegistry(reg, 'mod')[0]!.id).toBe('src_c')
    expect(matchRegistry(reg, 'AFP')[0]!.id).toBe('src_d')
    expect(matchRegistry(reg, 'Kremlin')).toEqual([])
  })

  it('reads an attribution chain outermost first', () => {
    expect(parseChain('The Guardian › Reuters > NIS')).toEqual(['The Guardian', 'Reuters', 'NIS'])
    expect(parseChain('  ›  ')).toEqual([])
    expect(formatChain(['A', 'B'])).toBe('A › B')
  })
})
