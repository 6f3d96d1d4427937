import type { BackupReason } from './manifest'

export interface RetentionPolicy {
  /** The most recent snapshots kept whatever their age. */
  keepLast: number
  /** For each of this many most recent days, the last snapshot of the day is kept too. */
  keepDays: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 10, keepDays: 7 }

interface Dated {
  id: string
  createdAt: Date
  reason: BackupReason
}

/**
 * Which snapshots to delete: all but the last `keepLast`, the last of each of the past `keepDays` days (in the
 * analyst's time zone) and the newest one taken before a migration, which is the only way back to the old format.
 */
export function backupsToPrune(backups: readonly Dated[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((b) => b.id))
  const oldestDay = startOfDay(now)
  oldestDay.setDate(oldestDay.getDate() - (policy.keepDays - 1))
  const days = new Set<string>()
  for (const b of newestFirst) {
    if (b.createdAt < oldestDay) break
    const day = dayKey(b.createdAt)
    if (days.has(day)) continue
    days.add(day)
    keep.add(b.id)
  }
  const migration = newestFirst.find((b) => b.reason === 'before-migration')
  if (migration) keep.add(migration.id)
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id)
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate())
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
}
