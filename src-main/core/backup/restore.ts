import { join } from 'node:path'
import { syncDir } from '../store/atomic-write'
import { realFs, errorCode, exists, type FsOps } from '../store/fs-ops'
import { assertReadable } from '../crypto/protection'
import { ARTICLES_DIR, INDEX_FILE, ORIGINALS_DIR, articleIdOfFile, notebookLayout } from '../store/layout'
import { acquireLock } from '../store/lock-file'
import { NotebookFile } from '../store/file-codecs'
import { DamagedFileError, UserError } from '../errors'
import { describeWhen, findBackup, listBackups, type BackupInfo } from './backup-list'
import { sameStamp } from './manifest'
import { eachLimited, linkOrCopy, replaceFromCopy } from './durable-copy'
import { createSnapshot } from './snapshot'

export interface RestoreOptions {
  /** Who takes the lock, shown to another process that finds the notebook taken. */
  holder: string
  fs?: FsOps
  now?: () => Date
}

export interface RestoreResult {
  backup: BackupInfo
  /** The snapshot of the notebook as it was just before, so the restore itself can be undone. */
  safety: BackupInfo | null
  replaced: number
  removed: number
  notice: string
}

/**
 * Puts the notebook back as it was in a snapshot. The notebook must not be open (the lock is taken here, so the
 * app closes its store first and reopens it after). The current state is snapshotted first, so nothing is lost:
 * articles added since the snapshot disappear from the notebook but stay in that safety backup.
 * Files that did not change since the snapshot are left as they are, so restoring a recent snapshot is quick.
 */
export async function restoreBackup(root: string, id: string, options: RestoreOptions): Promise<RestoreResult> {
  const fs = options.fs ?? realFs
  await assertReadable(root, fs)
  const layout = notebookLayout(root)
  const backup = await findBackup(root, id, fs)
  if (!backup) {
    const known = (await listBackups(root, fs)).map((b) => b.id)
    throw new UserError(
      known.length
        ? `There is no backup "${id}" in this notebook; run "backups" to see the ${known.length} there are.`
        : `There is no backup "${id}": this notebook has no backups yet.`,
    )
  }
  try {
    await new NotebookFile('index', join(backup.dir, INDEX_FILE), { fs }).read()
  } catch (err) {
    if (err instanceof DamagedFileError) throw new UserError(`The backup ${id} is itself damaged (${err.detail}); choose an older one.`)
    throw err
  }
  const release = await acquireLock(layout.lock, options.holder)
  try {
    await fs.mkdir(layout.articlesDir, { recursive: true })
    const safety =
      (await createSnapshot(root, { reason: 'before-restore', fs, now: options.now, skipIfUnchanged: true, protect: [id] })) ??
      (await listBackups(root, fs))[0] ??
      null
    let replaced = 0
    await eachLimited(Object.entries(backup.manifest.files), 8, async ([rel, stamp]) => {
      const live = join(root, rel)
      try {
        const st = await fs.stat(live)
        if (sameStamp(stamp, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino })) return
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') throw err
      }
      await replaceFromCopy(join(backup.dir, rel), live, fs)
      replaced++
    })
    let removed = 0
    for (const name of await fs.readdir(layout.articlesDir)) {
      if (articleIdOfFile(name) === null || `${ARTICLES_DIR}/${name}` in backup.manifest.files) continue
      await fs.unlink(join(layout.articlesDir, name))
      removed++
    }
    await restoreOriginals(join(backup.dir, ORIGINALS_DIR), layout.originalsDir, fs)
    await syncDir(layout.articlesDir, fs)
    await syncDir(root, fs)
    const count = backup.manifest.articleCount
    const notice =
      `Restored the backup of ${describeWhen(backup.createdAt)} (${count} article${count === 1 ? '' : 's'}).` +
      (safety ? ` The notebook as it was just before is kept as backup ${safety.id}; restore that one to undo this.` : '')
    return { backup, safety, replaced, removed, notice }
  } finally {
    await release()
  }
}

/** Originals are content-addressed and never change, so only missing ones are brought back. */
async function restoreOriginals(from: string, to: string, fs: FsOps): Promise<void> {
  if (!(await exists(from, fs))) return
  await fs.mkdir(to, { recursive: true })
  const names = (await fs.readdir(from)).filter((n) => /^[0-9a-f]{64}$/.test(n))
  await eachLimited(names, 8, async (n) => {
    if (await exists(join(to, n), fs)) return
    await linkOrCopy(join(from, n), join(to, n), fs)
  })
}
