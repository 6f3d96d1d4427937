import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { JsonFileAdapter } from '../../../../src-main/core/store/json-file-adapter'
import { DamagedFileError } from '../../../../src-main/core/errors'
import { useTempDirs } from '../../../helpers/temp-dir'

const tempDir = useTempDirs()
const Schema = z.object({ schemaVersion: z.number(), items: z.array(z.string()) })

describe('JsonFileAdapter', () => {
  it('reads null for a missing file, so lowdb starts from defaults only then', async () => {
    const dir = await tempDir()
    expect(await new JsonFileAdapter(join(dir, 'none.json'), Schema).read()).toBeNull()
  })

  it.each([
    ['empty', ''],
    ['truncated', '{"schemaVersion": 1, "items": ["a", '],
    ['NUL-filled', '\u0000\u0000\u0000\u0000'],
    ['of the wrong shape', '{"schemaVersion": 1, "items": 3}'],
  ])('refuses a file that is %s, and leaves it untouched', async (_name, content) => {
    const dir = await tempDir()
    const path = join(dir, 'f.json')
    await writeFile(path, content)
    await expect(new JsonFileAdapter(path, Schema).read()).rejects.toBeInstanceOf(DamagedFileError)
    expect(await readFile(path, 'utf8')).toBe(content)
  })

  it('writes with a stable layout that reads back', async () => {
    const dir = await tempDir()
    const a = new JsonFileAdapter(join(dir, 'f.json'), Schema)
    await a.write({ items: ['x'], schemaVersion: 1 })
    expect(await readFile(join(dir, 'f.json'), 'utf8')).toBe('{\n  "items": [\n    "x"\n  ],\n  "schemaVersion": 1\n}\n')
    expect(await a.read()).toEqual({ schemaVersion: 1, items: ['x'] })
  })
})
