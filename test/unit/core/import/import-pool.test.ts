import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ImportPool } from '../../../../src-main/core/import/import-pool'
import { importFile, importPasted } from '../../../../src-main/core/import/import-file'
import { ImportError } from '../../../../src-main/core/import/errors'

const FIXTURES = join(__dirname, '../../../fixtures/import')
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)))
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const UNRULY = new URL('./unruly-import-worker.ts', import.meta.url)

const pools: ImportPool[] = []
const pool = (options: ConstructorParameters<typeof ImportPool>[0] = {}) => {
  const p = new ImportPool(options)
  pools.push(p)
  return p
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

/** Each job's outcome as a short word, in the order the jobs were given. */
async function outcomes(p: ImportPool, names: string[]): Promise<string[]> {
  const settled = await Promise.allSettled(names.map((name) => p.importFile({ name, bytes: utf8(name) })))
  return settled.map((s) => (s.status === 'fulfilled' ? s.value.fields.title : (s.reason as ImportError).code))
}

describe('ImportPool with the real import worker', () => {
  it('gives what the pipeline gives in this thread: the same fields and the same sanitized document', async () => {
    const p = pool({ size: 1 })
    const page = { name: 'port-closure.html', bytes: fixture('hostile-news-page.html') }
    expect(await p.importFile(page)).toEqual(await importFile(page))
    const wire = { name: 'wire-copy.txt', bytes: fixture('wire-copy.txt') }
    expect(await p.importFile(wire)).toEqual(await importFile(wire))
    const pasted = { title: 'Pasted', html: '<h2>Seoul</h2><p>Officials <a href="javascript:alert(1)" onclick="x()">said</a> so.</p><script>x()</script>' }
    expect(await p.importPasted(pasted)).toEqual(importPasted(pasted))
  })

  it('refuses bad input with the importer’s own error, code and file name intact', async () => {
    const p = pool({ size: 1 })
    const err = await p.importFile({ name: 'empty.txt', bytes: new Uint8Array() }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ImportError)
    expect(err).toMatchObject({ code: 'empty', fileName: 'empty.txt' })
    expect((err as Error).message).toMatch(/^"empty\.txt" is empty/)
    const pasted = await p.importPasted({ title: 'x', html: '<p> </p>' }).catch((e: unknown) => e)
    expect(pasted).toMatchObject({ code: 'empty', fileName: null })
  })

  it('gives up on a page still being parsed at the deadline, saying which file and why', async () => {
    // Starting a worker and loading jsdom alone take far longer than a millisecond.
    const p = pool({ size: 1, timeoutMs: 1 })
    const err = await p.importFile({ name: 'port-closure.html', bytes: fixture('hostile-news-page.html') }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'timed-out', fileName: 'port-closure.html' })
    expect((err as Error).message).toMatch(/^"port-closure\.html" took longer than 0 seconds to read, so it was skipped; check in a browser/)
    expect(p.workers).toBe(0)
  })
})

describe('ImportPool when a worker misbehaves', () => {
  it('answers in the order the jobs were given, whichever finishes first', async () => {
    const p = pool({ size: 2, workerUrl: UNRULY })
    expect(await outcomes(p, ['slow-300.txt', 'a.txt', 'slow-100.txt', 'b.txt'])).toEqual(['slow-300.txt', 'a.txt', 'slow-100.txt', 'b.txt'])
    expect(p.workers).toBe(2)
  })

  it('fails only the file a worker died or hung on, and carries on with the rest in a new worker', async () => {
    const p = pool({ size: 1, timeoutMs: 2000, workerUrl: UNRULY })
    expect(await outcomes(p, ['a.txt', 'exit.html', 'b.txt', 'throw.html', 'c.txt', 'hang.html', 'd.txt'])).toEqual([
      'a.txt',
      'importer-stopped',
      'b.txt',
      'importer-stopped',
      'c.txt',
      'timed-out',
      'd.txt',
    ])
  })

  it('says a file stopped the importer, and why, in one sentence naming it', async () => {
    const p = pool({ size: 1, workerUrl: UNRULY })
    await expect(p.importFile({ name: 'exit.html', bytes: utf8('x') })).rejects.toThrow(/^"exit\.html" stopped the importer \(it exited with code 3\), so it was skipped; check in a browser/)
    await expect(p.importFile({ name: 'throw.html', bytes: utf8('x') })).rejects.toThrow(/^"throw\.html" stopped the importer \(parser fault\)/)
    await expect(p.importPasted({ title: 'exit.paste' })).rejects.toThrow(/^The pasted content stopped the importer .*; paste it again as plain text instead\.$/)
  })

  it('fails a file that fills the worker’s heap, and only that file', async () => {
    const p = pool({ size: 1, maxHeapMb: 64, workerUrl: UNRULY })
    expect(await outcomes(p, ['balloon.html', 'after.txt'])).toEqual(['importer-stopped', 'after.txt'])
    await expect(p.importFile({ name: 'balloon.html', bytes: utf8('x') })).rejects.toThrow(/stopped the importer \(it ran out of memory\)/)
  })

  it('never runs more workers than its size, and stops idle ones', async () => {
    const p = pool({ size: 2, idleMs: 50, workerUrl: UNRULY })
    await outcomes(p, ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'])
    // A worker idle for 50 ms may already have retired on a busy machine; more than the size never runs.
    expect(p.workers).toBeGreaterThan(0)
    expect(p.workers).toBeLessThanOrEqual(2)
    await expect.poll(() => p.workers, { timeout: 5000 }).toBe(0)
    expect(await outcomes(p, ['f.txt'])).toEqual(['f.txt'])
  })

  it('refuses new work once closed, and fails the work it was given', async () => {
    const p = pool({ size: 1, workerUrl: UNRULY })
    const pending = p.importFile({ name: 'hang.txt', bytes: utf8('x') }).catch((e: unknown) => e)
    const queued = p.importFile({ name: 'a.txt', bytes: utf8('x') }).catch((e: unknown) => e)
    await p.close()
    expect(await pending).toMatchObject({ code: 'importer-stopped', message: '"hang.txt" was not imported because the notebook closed.' })
    expect(await queued).toMatchObject({ code: 'importer-stopped' })
    await expect(p.importFile({ name: 'b.txt', bytes: utf8('x') })).rejects.toMatchObject({ code: 'importer-stopped' })
  })
})
