import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES, readPickedFiles } from '../../../src-main/main/import-files'
import { isUserError } from '../../../src-main/core/errors'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

describe('reading the files picked for import', () => {
  it('returns each file’s name and bytes, never its path', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'report.txt'), 'Title\nBody')
    await writeFile(join(dir, 'notes.md'), '# Notes')
    const files = await readPickedFiles([join(dir, 'report.txt'), join(dir, 'notes.md')])
    expect(files.map((f) => f.name)).toEqual(['report.txt', 'notes.md'])
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('Title\nBody')
    expect(JSON.stringify(files)).not.toContain(dir)
  })

  it('refuses a file over the limit by name, before reading it, and imports nothing', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'small.txt'), 'ok')
    await writeFile(join(dir, 'huge.docx'), Buffer.alloc(2 * 1024 * 1024 + 1))
    const err = await readPickedFiles([join(dir, 'small.txt'), join(dir, 'huge.docx')], 2 * 1024 * 1024).catch((e: Error) => e)
    expect(isUserError(err)).toBe(true)
    expect((err as Error).message).toBe('huge.docx is 3 MB, over the 2 MB limit for one article, so nothing was imported. Split it or leave it out.')
  })

  it('accepts a file of exactly the limit, which is 50 MB by default', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'edge.txt'), Buffer.alloc(1024))
    await expect(readPickedFiles([join(dir, 'edge.txt')], 1024)).resolves.toHaveLength(1)
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024)
  })

  it('explains a missing file', async () => {
    const dir = await tempDir()
    await expect(readPickedFiles([join(dir, 'gone.txt')])).rejects.toThrow(/^gone\.txt could not be opened \(ENOENT\), so nothing was imported\./)
  })

  it('explains a folder', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'folder.md'))
    await expect(readPickedFiles([join(dir, 'folder.md')])).rejects.toThrow(/^folder\.md is not a file/)
  })

  it.skipIf(process.getuid?.() === 0)('explains an unreadable file (skipped as root, who can read anything)', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'secret.txt'), 'x')
    await chmod(join(dir, 'secret.txt'), 0o000)
    await expect(readPickedFiles([join(dir, 'secret.txt')])).rejects.toThrow(/^secret\.txt could not be opened \(EACCES\)/)
  })
})
