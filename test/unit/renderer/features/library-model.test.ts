import { describe, expect, it } from 'vitest'
import { articleDate, displayDate, filterArticles, newestFirst } from '../../../../src-renderer/features/library/library-model'
import { article } from './fixtures'

describe('library list', () => {
  const list = [
    article('art_a', 'Troops near Kharkiv', 'Reuters', '2024-03-01'),
    article('art_b', 'Budget vote delayed', 'Le Monde', '2024-05-09'),
    article('art_c', 'Pasted note', '', '', '2024-04-01T08:00:00.000Z'),
  ]

  it('puts the newest first, by publication date or else import date', () => {
    expect(newestFirst(list).map((a) => a.id)).toEqual(['art_b', 'art_c', 'art_a'])
    expect(articleDate(list[2]!)).toBe('2024-04-01')
  })

  it('filters titles and outlets by every word, ignoring case and accents', () => {
    expect(filterArticles(list, 'reuters kharkiv').map((a) => a.id)).toEqual(['art_a'])
    expect(filterArticles(list, 'MONDE').map((a) => a.id)).toEqual(['art_b'])
    expect(filterArticles([article('art_d', 'São Paulo talks', '', '')], 'sao').map((a) => a.id)).toEqual(['art_d'])
    expect(filterArticles(list, '  ')).toHaveLength(3)
    expect(filterArticles(list, 'nothing-like-this')).toEqual([])
  })

  it('shows dates without shifting the day across time zones', () => {
    expect(displayDate('2024-03-01')).toMatch(/1/)
    expect(displayDate('2024-03-01')).toMatch(/2024/)
    expect(displayDate('not a date')).toBe('not a date')
  })
})
