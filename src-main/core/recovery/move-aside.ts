import { basename, dirname, join } from 'node:path'
import { exists, type FsOps } from '../store/fs-ops'
import { DAMAGED_SUFFIX } from '../store/layout'

/**
 * Renames an unreadable file to `<name>.damaged` (or `<name>.<time>.damaged` when an earlier one is there), so it is
 * never overwritten and can still be inspected or sent to a specialist. Returns the new path.
 */
export async function moveAside(path: string, fs: FsOps, now: Date = new Date()): Promise<string> {
  let target = `${path}${DAMAGED_SUFFIX}`
  if (await exists(target, fs)) target = join(dirname(path), `${basename(path)}.${now.toISOString().replace(/[:.]/g, '-')}${DAMAGED_SUFFIX}`)
  await fs.rename(path, target)
  return target
}
