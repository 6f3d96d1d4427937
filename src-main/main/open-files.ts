/**
 * Files the operating system asks the app to open: a notebook export double-clicked in the file manager (the
 * .intelnotebook association), or the same JSON bundle passed on the command line. Paths come from the OS, never
 * from the window; the files are imported into the open notebook like any import.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { NOTEBOOK_EXPORT_EXTENSIONS } from '../core/export/model'

/** The notebook export's own extension (package.json's fileAssociations) and the .json it is also saved under. */
export const EXPORT_EXTENSION = `.${NOTEBOOK_EXPORT_EXTENSIONS[0]}`
export const OPENABLE_EXTENSIONS: readonly string[] = NOTEBOOK_EXPORT_EXTENSIONS.map((e) => `.${e}`)
const MAX_BYTES = 50 * 1024 * 1024

/** The openable files among command-line arguments; flags, folders and other files are not ours to open. */
export function openablePaths(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((a) => a && !a.startsWith('-'))
    .map((a) => resolve(cwd, a))
    .filter((p) => OPENABLE_EXTENSIONS.includes(extname(p).toLowerCase()) && existsSync(p) && statSync(p).isFile())
}

export interface OpenedFile {
  name: string
  bytes: Uint8Array
}

/** Reads the files for import, under their own names. A file that cannot be read is reported, not thrown. */
export async function readOpenedFiles(paths: readonly string[]): Promise<{ files: OpenedFile[]; failed: Array<{ name: string; reason: string }> }> {
  const files: OpenedFile[] = []
  const failed: Array<{ name: string; reason: string }> = []
  for (const path of paths) {
    const name = basename(path)
    try {
      if (statSync(path).size > MAX_BYTES) {
        failed.push({ name, reason: 'The file is over 50 MB; it was not imported.' })
        continue
      }
      files.push({ name, bytes: new Uint8Array(await readFile(path)) })
    } catch (err) {
      failed.push({ name, reason: `The file could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` })
    }
  }
  return { files, failed }
}
