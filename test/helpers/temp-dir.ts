import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temporary folder per call, removed after the test that made it. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
  })
  return async () => {
    const d = await mkdtemp(join(tmpdir(), 'intel-notebook-test-'))
    made.push(d)
    return d
  }
}
