import { join } from 'node:path'
import { realFs, errorCode, type FsOps } from '../store/fs-ops'
import { notebookLayout } from '../store/layout'
import { BackupManifestSchema, MANIFEST_FILE, type BackupManifest } from './manifest'

export interface BackupInfo {
  id: string
  dir: string
  createdAt: Date
  manifest: BackupManifest
}

/** Complete snapshots of a notebook, newest first. A folder without a valid manifest is skipped, not trusted. */
export async function listBackups(root: string, fs: FsOps = realFs): Promise<BackupInfo[]> {
  const dir = notebookLayout(root).backupsDir
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return []
    throw err
  }
  const found: BackupInfo[] = []
  for (const name of names) {
    if (name.startsWith('.')) continue
    const manifest = await readManifest(join(dir, name), fs)
    if (manifest && manifest.id === name) found.push({ id: name, dir: join(dir, name), createdAt: new Date(manifest.createdAt), manifest })
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
}

export async function readManifest(dir: string, fs: FsOps = realFs): Promise<BackupManifest | null> {
  try {
    const parsed = BackupManifestSchema.safeParse(JSON.parse(await fs.readFile(join(dir, MANIFEST_FILE), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function findBackup(root: string, id: string, fs: FsOps = realFs): Promise<BackupInfo | null> {
  return (await listBackups(root, fs)).find((b) => b.id === id) ?? null
}

/** "26 Nov 2026, 10:31" in the analyst's own time zone: how notices and the CLI say when a backup was taken. */
export function describeWhen(at: Date): string {
  return at.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}
