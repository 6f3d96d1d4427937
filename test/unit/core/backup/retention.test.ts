import { describe, expect, it } from 'vitest'
import { backupsToPrune } from '../../../../src-main/core/backup/retention'
import type { BackupReason } from '../../../../src-main/core/backup/manifest'

/** Local times, so day boundaries are the analyst's own whatever the machine's time zone. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute)
const b = (id: string, createdAt: Date, reason: BackupReason = 'interval') => ({ id, createdAt, reason })

describe('backupsToPrune', () => {
  it('keeps the last K and the last snapshot of each of the past days, and prunes the rest', () => {
    const now = at(20, 18)
    const backups = [
      b('today-1', at(20, 9)),
      b('today-2', at(20, 10)),
      b('today-3', at(20, 11)),
      b('yesterday-early', at(19, 8)),
      b('yesterday-late', at(19, 22)),
      b('six-days-ago', at(14, 12)),
      b('seven-days-ago', at(13, 12)),
      b('a-month-ago', at(1, 12)),
    ]
    const pruned = backupsToPrune(backups, now, { keepLast: 2, keepDays: 7 })
    expect(pruned.sort()).toEqual(['a-month-ago', 'seven-days-ago', 'today-1', 'yesterday-early'].sort())
  })

  it('always keeps the newest snapshot taken before a migration, the only way back to the old format', () => {
    const now = at(20, 18)
    const backups = [b('migration', at(1, 9), 'before-migration'), b('older-migration', at(1, 8), 'before-migration'), b('recent', at(20, 9))]
    expect(backupsToPrune(backups, now, { keepLast: 1, keepDays: 1 })).toEqual(['older-migration'])
  })

  it('keeps everything while there are fewer than K', () => {
    const now = at(20, 18)
    expect(backupsToPrune([b('a', at(1, 1)), b('b', at(2, 1))], now, { keepLast: 10, keepDays: 7 })).toEqual([])
  })
})
