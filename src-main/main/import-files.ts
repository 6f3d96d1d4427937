import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { UserError } from '../core/errors'
import { NOTEBOOK_EXPORT_EXTENSIONS } from '../core/export/model'

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/**
 * What the native import dialog offers: articles, and notebook exports under either of their extensions. The import
 * module decides by extension and content what each file is.
 */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', ...NOTEBOOK_EXPORT_EXTENSIONS] as const

export interface PickedFile {
  name: string
  bytes: Uint8Array
}

/**
 * Reads the files the analyst picked in main's dialog. Sizes are checked before anything is read, so a huge file
 * is refused without loading it, and nothing is imported unless every file can be read: one clear sentence instead
 * of a half-done import.
 */
export async function readPickedFiles(paths: readonly string[], limit = MAX_IMPORT_BYTES): Promise<PickedFile[]> {
  const files: PickedFile[] = []
  for (const path of paths) {
    const name = basename(path)
    let handle
    try {
      handle = await open(path, 'r')
    } catch (err) {
      throw new UserError(`${name} could not be opened (${reason(err)}), so nothing was imported. Check the file and choose it again.`)
    }
    try {
      const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }))
      if (!isFile) throw new UserError(`${name} is not a file, so nothing was imported. Choose the files inside it instead.`)
      if (size > limit) {
        throw new UserError(`${name} is ${megabytes(size)}, over the ${megabytes(limit)} limit for one article, so nothing was imported. Split it or leave it out.`)
      }
      files.push({ name, bytes: new Uint8Array(await handle.readFile()) })
    } catch (err) {
      if (err instanceof UserError) throw err
      throw new UserError(`${name} could not be read (${reason(err)}), so nothing was imported. Check the file and choose it again.`)
    } finally {
      await handle.close()
    }
  }
  return files
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`
}

function reason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message ?? String(err)
}
