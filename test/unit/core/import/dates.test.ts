import { describe, expect, it } from 'vitest'
import { datelineDate, isOnlyDates, normalizeDate } from '../../../../src-main/core/import/dates'

describe('normalizeDate', () => {
  it.each([
    ['2024-11-05', '2024-11-05'],
    ['2015-07-24T05:36:09+01:00', '2015-07-24T05:36:09+01:00'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03T07:00:02Z'],
    ['2019-04-28 06:01:07', '2019-04-28T06:01:07'],
    ['2017-11-16T14:15+0000', '2017-11-16T14:15+00:00'],
    ['2024/11/05', '2024-11-05'],
    ['20170113', '2017-01-13'],
    ['November 5, 2024', '2024-11-05'],
    ['Nov. 5, 2024', '2024-11-05'],
    ['Sept 9 2024', '2024-09-09'],
    ['5 November 2024', '2024-11-05'],
    ['5th of November, 2024', '2024-11-05'],
    ['Fri, 24 Jul 2015 05:36:09 GMT', '2015-07-24'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-13'],
    ['  Updated: March 2, 2023 at 8:00 am  ', '2023-03-02'],
  ])('%j -> %j', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso)
  })

  it.each([[''], ['yesterday'], ['05/11/2024'], ['2024-02-30'], ['2024-13-01'], ['February 30, 2024'], ['1066-10-14']])('does not guess %j', (raw) => {
    expect(normalizeDate(raw)).toBe('')
  })
})

describe('datelineDate and isOnlyDates', () => {
  it('reads a line that is only a date', () => {
    expect(datelineDate('November 13, 2024')).toBe('2024-11-13')
    expect(datelineDate('Published Tuesday, 5 November 2024, 09:30 GMT')).toBe('2024-11-05')
  })

  it('ignores sentences that merely mention a date', () => {
    expect(datelineDate('The talks ended on November 13, 2024 without agreement.')).toBe('')
    expect(datelineDate('By Maria Okonkwo, November 5, 2024')).toBe('')
  })

  it('recognises a byline that is really a dateline', () => {
    expect(isOnlyDates('April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm')).toBe(true)
    expect(isOnlyDates('Benjamin Romano')).toBe(false)
    expect(isOnlyDates('By Erin Cunningham March 18, 2015')).toBe(false)
  })
})
