import { join } from 'node:path'
import { errorCode, type FsOps } from './fs-ops'
import { tempFileOwner, type NotebookLayout } from './layout'

/**
 * Removes temp files a killed writer left behind. Only the lock holder calls this, so any temp file not named for
 * this process belongs to a writer that is gone; it never held the only copy of anything, since the file it was
 * meant to replace is still in place.
 */
export async function sweepTempFiles(layout: NotebookLayout, fs: FsOps): Promise<number> {
  let removed = 0
  for (const dir of [layout.root, layout.articlesDir, layout.originalsDir]) {
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch (err) {
      if (errorCode(err) === 'ENOENT') continue
      throw err
    }
    for (const name of names) {
      const owner = tempFileOwner(name)
      if (owner === null || owner === process.pid) continue
      await fs.unlink(join(dir, name)).then(
        () => removed++,
        () => {},
      )
    }
  }
  return removed
}
