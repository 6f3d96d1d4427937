import { join } from 'node:path'
import { errorCode, type FsOps } from '../store/fs-ops'
import { NotebookFile, type FileOf, type StoredFile } from '../store/file-codecs'
import type { FileKind, Migration } from '../store/migrations'
import { listBackups, type BackupInfo } from '../backup/backup-list'

export interface BackupCopy<K extends FileKind> {
  backup: BackupInfo
  /** The copy inside the backup folder. */
  path: string
  file: StoredFile<FileOf<K>>
}

/**
 * The newest backup holding a copy of `rel` that reads and validates. Damaged copies and copies from a newer
 * format are passed over; backups are tried newest first, so the analyst loses as little as possible.
 */
export async function newestValidCopy<K extends FileKind>(
  root: string,
  kind: K,
  rel: string,
  options: { fs: FsOps; migrations?: readonly Migration[]; backups?: readonly BackupInfo[] },
): Promise<BackupCopy<K> | null> {
  const backups = options.backups ?? (await listBackups(root, options.fs))
  for (const backup of backups) {
    if (!(rel in backup.manifest.files)) continue
    const path = join(backup.dir, rel)
    try {
      const file = await new NotebookFile(kind, path, { fs: options.fs, migrations: options.migrations }).read()
      if (file && !file.newer) return { backup, path, file }
    } catch (err) {
      if (errorCode(err) && errorCode(err) !== 'ENOENT') throw err
    }
  }
  return null
}
