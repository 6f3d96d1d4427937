import { z } from 'zod'
import { BACKUP_REASONS, type BackupReason } from '../../shared/model/backup'

export { BACKUP_REASONS, type BackupReason }

/** How a live file looked when it was copied: the next snapshot links the copy again while these still match. */
export const FileStampSchema = z.object({
  size: z.number().nonnegative(),
  mtimeMs: z.number(),
  ino: z.number(),
})
export type FileStamp = z.infer<typeof FileStampSchema>

/**
 * Written last into a snapshot folder, so a folder without one is an interrupted snapshot and is ignored.
 * `files` maps each copied file, relative to the notebook folder, to the stamp of the live file it came from.
 */
export const BackupManifestSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[0-9A-Za-z-]+$/),
  createdAt: z.string().datetime(),
  reason: z.enum(BACKUP_REASONS),
  notebook: z.object({ id: z.string(), name: z.string() }).nullable(),
  articleCount: z.number().int().nonnegative(),
  files: z.record(z.string(), FileStampSchema),
  /** Originals never change once written, so they are hard-linked; on a file system without links they are left out. */
  originals: z.enum(['linked', 'skipped']),
})
export type BackupManifest = z.infer<typeof BackupManifestSchema>

export const MANIFEST_FILE = 'manifest.json'

export function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return !!a && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino
}

/** Sortable and readable in a terminal: 2026-11-26T10-31-35-123Z. */
export function backupIdFor(at: Date): string {
  return at.toISOString().replace(/:/g, '-').replace('.', '-')
}
