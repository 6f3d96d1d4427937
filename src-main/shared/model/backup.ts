/** Why a snapshot was taken: at launch, every few minutes while the notebook changed, by hand, or before a migration, restore or repair. */
export const BACKUP_REASONS = ['launch', 'interval', 'manual', 'before-migration', 'before-restore', 'before-repair'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** A snapshot as the window lists it (File > Restore…). */
export interface BackupSummary {
  id: string
  createdAt: string
  reason: BackupReason
  articleCount: number
}

export type BackupRestore = { outcome: 'restored'; notice: string } | { outcome: 'kept' }
