import { join } from 'node:path'
import { atomicWrite, syncDir } from '../store/atomic-write'
import { realFs, errorCode, type FsOps } from '../store/fs-ops'
import { ARTICLES_DIR, INDEX_FILE, ORIGINALS_DIR, articleIdOfFile, notebookLayout } from '../store/layout'
import { listBackups, type BackupInfo } from './backup-list'
import { backupIdFor, MANIFEST_FILE, sameStamp, type BackupManifest, type BackupReason, type FileStamp } from './manifest'
import { durableCopy, eachLimited } from './durable-copy'
import { backupsToPrune, DEFAULT_RETENTION, type RetentionPolicy } from './retention'

export interface SnapshotOptions {
  reason: BackupReason
  fs?: FsOps
  now?: () => Date
  /** Return null instead of a new snapshot when no file changed since the newest one. */
  skipIfUnchanged?: boolean
  /** What the snapshot holds, when the caller knows it; otherwise the index copy is read for it. */
  describe?: { notebook: { id: string; name: string } | null; articleCount: number }
  retention?: RetentionPolicy
  /** Snapshots that pruning must leave alone, such as the one about to be restored. */
  protect?: readonly string[]
}

const PARALLEL = 8

/**
 * Takes a snapshot of the notebook's files into backups/<id>/. Article files and the index are copied only when
 * they changed since the newest snapshot; unchanged ones are hard links to that snapshot's copy, so a snapshot of a
 * 10,000-article notebook after an afternoon's work costs a few copies and ten thousand links. Every store write
 * replaces a file by rename, never in place, so a copy in a backup is never changed by later saves.
 * The folder is assembled under a hidden name and renamed into place once its manifest is written.
 */
export async function createSnapshot(root: string, options: SnapshotOptions): Promise<BackupInfo | null> {
  const fs = options.fs ?? realFs
  const now = options.now ?? (() => new Date())
  const layout = notebookLayout(root)
  await fs.mkdir(layout.backupsDir, { recursive: true })
  const previous = (await listBackups(root, fs))[0] ?? null
  const at = now()
  const id = await freshId(layout.backupsDir, at, fs)
  const partial = join(layout.backupsDir, `.partial-${id}`)
  await fs.mkdir(join(partial, ARTICLES_DIR), { recursive: true })
  try {
    const live = [INDEX_FILE, ...(await articleFiles(layout.articlesDir, fs)).map((n) => `${ARTICLES_DIR}/${n}`)]
    const files: Record<string, FileStamp> = {}
    let copied = 0
    await eachLimited(live, PARALLEL, async (rel) => {
      let stamp: FileStamp
      try {
        const st = await fs.stat(join(root, rel))
        stamp = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino }
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return
        throw err
      }
      if (previous && sameStamp(previous.manifest.files[rel], stamp) && (await linkFromPrevious(previous, partial, rel, stamp, fs))) {
        files[rel] = stamp
        return
      }
      try {
        await durableCopy(join(root, rel), join(partial, rel), fs)
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return
        throw err
      }
      files[rel] = stamp
      copied++
    })
    if (options.skipIfUnchanged && previous && copied === 0 && sameKeys(previous.manifest.files, files)) {
      await fs.rm(partial, { recursive: true, force: true })
      return null
    }
    const originals = await linkOriginals(layout.originalsDir, join(partial, ORIGINALS_DIR), fs)
    const describe = options.describe ?? (await describeIndexCopy(join(partial, INDEX_FILE), fs))
    const manifest: BackupManifest = {
      schemaVersion: 1,
      id,
      createdAt: at.toISOString(),
      reason: options.reason,
      notebook: describe.notebook,
      articleCount: describe.articleCount,
      files: Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k]!])),
      originals,
    }
    await atomicWrite(join(partial, MANIFEST_FILE), JSON.stringify(manifest), fs)
    await syncDir(join(partial, ARTICLES_DIR), fs)
    const dir = join(layout.backupsDir, id)
    await fs.rename(partial, dir)
    await syncDir(layout.backupsDir, fs)
    await pruneBackups(root, at, options.retention ?? DEFAULT_RETENTION, fs, options.protect)
    return { id, dir, createdAt: at, manifest }
  } catch (err) {
    await fs.rm(partial, { recursive: true, force: true }).catch(() => {})
    throw err
  }
}

/** Deletes the snapshots the retention policy no longer keeps. */
export async function pruneBackups(
  root: string,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  fs: FsOps = realFs,
  protect: readonly string[] = [],
): Promise<string[]> {
  const backups = await listBackups(root, fs)
  const doomed = backupsToPrune(
    backups.map((b) => ({ id: b.id, createdAt: b.createdAt, reason: b.manifest.reason })),
    now,
    policy,
  ).filter((id) => !protect.includes(id))
  for (const id of doomed) await fs.rm(join(notebookLayout(root).backupsDir, id), { recursive: true, force: true })
  return doomed
}

/** Removes snapshot folders left half-built by a crash; they have no manifest and are never read. */
export async function removePartialSnapshots(root: string, fs: FsOps = realFs): Promise<number> {
  const dir = notebookLayout(root).backupsDir
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return 0
    throw err
  }
  const partials = names.filter((n) => n.startsWith('.partial-'))
  for (const n of partials) await fs.rm(join(dir, n), { recursive: true, force: true })
  return partials.length
}

async function articleFiles(dir: string, fs: FsOps): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => articleIdOfFile(n) !== null)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return []
    throw err
  }
}

/**
 * Links the previous snapshot's copy of an unchanged file. The copy's size is checked too, so a copy cut short by
 * a crash is replaced rather than carried forward into every later snapshot.
 */
async function linkFromPrevious(previous: BackupInfo, partial: string, rel: string, stamp: FileStamp, fs: FsOps): Promise<boolean> {
  const from = join(previous.dir, rel)
  try {
    if ((await fs.stat(from)).size !== stamp.size) return false
    await fs.link(from, join(partial, rel))
    return true
  } catch {
    return false
  }
}

async function linkOriginals(from: string, to: string, fs: FsOps): Promise<'linked' | 'skipped'> {
  let names: string[]
  try {
    names = (await fs.readdir(from)).filter((n) => /^[0-9a-f]{64}$/.test(n))
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return 'linked'
    throw err
  }
  await fs.mkdir(to, { recursive: true })
  let linked = true
  await eachLimited(names, PARALLEL, async (n) => {
    if (!linked) return
    try {
      await fs.link(join(from, n), join(to, n))
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return
      linked = false
    }
  })
  if (!linked) await fs.rm(to, { recursive: true, force: true })
  return linked ? 'linked' : 'skipped'
}

async function describeIndexCopy(path: string, fs: FsOps): Promise<{ notebook: { id: string; name: string } | null; articleCount: number }> {
  try {
    const raw = JSON.parse(await fs.readFile(path, 'utf8')) as { notebook?: { id?: unknown; name?: unknown }; articles?: unknown[] }
    const nb = raw.notebook
    return {
      notebook: nb && typeof nb.id === 'string' && typeof nb.name === 'string' ? { id: nb.id, name: nb.name } : null,
      articleCount: Array.isArray(raw.articles) ? raw.articles.length : 0,
    }
  } catch {
    return { notebook: null, articleCount: 0 }
  }
}

async function freshId(dir: string, at: Date, fs: FsOps): Promise<string> {
  const base = backupIdFor(at)
  const taken = new Set(await fs.readdir(dir))
  if (!taken.has(base) && !taken.has(`.partial-${base}`)) return base
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`
    if (!taken.has(id) && !taken.has(`.partial-${id}`)) return id
  }
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => k in b)
}
