import { homedir } from 'node:os'
import { sep } from 'node:path'

/**
 * A folder as the analyst reads it in the status line: under their home folder it starts with `~`, the way their
 * file manager and shell write it, so the name of the notebook is not pushed out by the account's path. Windows
 * has no `~`; there the path is shown whole.
 */
export function shownPath(path: string, home: string = homedir(), platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' || !home || home === sep) return path
  const base = home.endsWith(sep) ? home.slice(0, -1) : home
  if (path === base) return '~'
  return path.startsWith(base + sep) ? `~${path.slice(base.length)}` : path
}
