import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEARCH_WORKER_BUNDLE } from '../../../src-main/core/search/worker-host'
import type { FromWorker } from '../../../src-main/core/search/protocol'
import { FakeUtilityProcess } from './stub-electron'

const entry = fileURLToPath(new URL('../../../out/main/index.js', import.meta.url))
const importWorker = fileURLToPath(new URL('../../../out/main/import-worker.js', import.meta.url))
const searchWorker = fileURLToPath(new URL(`../../../out/main/${SEARCH_WORKER_BUNDLE}`, import.meta.url))
const built = existsSync(entry)

function dynamicImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!)
}

/** Every module main's entry loads before its first line runs: static imports, followed through local chunks. */
function staticGraph(file: string, seen = new Set<string>()): { chunks: Set<string>; packages: Set<string> } {
  const packages = new Set<string>()
  seen.add(file)
  const source = readFileSync(file, 'utf8')
  for (const m of source.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    const spec = m[1]!
    if (spec.startsWith('.')) {
      const next = join(dirname(file), spec)
      if (!seen.has(next)) for (const p of staticGraph(next, seen).packages) packages.add(p)
    } else packages.add(spec)
  }
  return { chunks: seen, packages }
}

/**
 * Parsers and renderers that take seconds to load must not sit in main's static import graph: the window waits
 * for that graph (`npm test` builds first).
 */
describe.skipIf(!built)('the built main bundle (out/main/index.js)', () => {
  it('loads no HTML parser, importer or export renderer before the window opens', () => {
    const { packages } = staticGraph(entry)
    expect(packages.has('electron')).toBe(true)
    for (const heavy of ['jsdom', 'happy-dom', '@tiptap/html/server', '@tiptap/html', 'mammoth', 'docx', '@mozilla/readability', 'markdown-it', 'turndown']) {
      expect(packages, heavy).not.toContain(heavy)
    }
  })

  it('ships the export renderers as chunks loaded on first use', () => {
    const dynamic = dynamicImports(entry)
    expect(dynamic.some((d) => /service/.test(d))).toBe(true)
    for (const chunk of dynamic.filter((d) => d.startsWith('.'))) expect(existsSync(join(dirname(entry), chunk)), chunk).toBe(true)
  })

  it('ships the import worker beside main, under the name the import pool starts it by', () => {
    expect(readFileSync(entry, 'utf8')).toContain('"./import-worker.js"')
    expect(existsSync(importWorker)).toBe(true)
  })

  it('keeps the import worker lean until its first job, which loads the pipeline and its one sanitize policy', () => {
    const { packages, chunks } = staticGraph(importWorker)
    for (const heavy of ['jsdom', 'happy-dom', '@tiptap/html/server', 'mammoth', '@mozilla/readability', 'markdown-it', 'dompurify']) {
      expect(packages, heavy).not.toContain(heavy)
    }
    const pipeline = dynamicImports(importWorker).filter((d) => /import-file/.test(d))
    expect(pipeline).toHaveLength(1)
    const loaded = staticGraph(join(dirname(importWorker), pipeline[0]!))
    expect(loaded.packages).toContain('@mozilla/readability')
    expect(loaded.packages).toContain('dompurify')
    // One policy: the worker's sanitizer is the very chunk main sanitizes notes with, built from shared/schema/sanitize-policy.ts.
    const outDir = dirname(entry)
    const policyChunks = readdirSync(outDir).filter((f) => f.endsWith('.js') && readFileSync(join(outDir, f), 'utf8').includes('function sanitizeWith('))
    expect(policyChunks).toHaveLength(1)
    const policy = join(outDir, policyChunks[0]!)
    expect(loaded.chunks).toContain(policy)
    expect(staticGraph(entry).chunks).toContain(policy)
    expect(chunks).not.toContain(policy)
  })

  it('ships the search worker beside main, which starts it in a utility process by that name', () => {
    const main = readFileSync(entry, 'utf8')
    expect(main).toContain(`"${SEARCH_WORKER_BUNDLE}"`)
    expect(main).toMatch(/utilityProcess\.fork\(/)
    expect(existsSync(searchWorker)).toBe(true)
    // Its own process loads no Electron module: it is plain Node with Electron's parentPort.
    expect(staticGraph(searchWorker).packages).not.toContain('electron')
  })

  it('runs the built search worker over a utility process port: it answers queries and reports a notebook it cannot open', async () => {
    const child = new FakeUtilityProcess(searchWorker, [], {}, searchWorker)
    const messages: FromWorker[] = []
    child.on('message', (m: FromWorker) => messages.push(m))
    try {
      child.postMessage({ type: 'build', root: join(dirname(entry), 'no-notebook-here'), key: null })
      child.postMessage({ type: 'query', id: 7, query: { text: 'harbour' } })
      for (let i = 0; i < 200 && messages.length < 2; i++) await new Promise((r) => setTimeout(r, 25))
      expect(messages).toContainEqual(expect.objectContaining({ type: 'result', id: 7 }))
      expect(messages).toContainEqual(expect.objectContaining({ type: 'error', id: null, message: expect.stringMatching(/no notebook/) }))
    } finally {
      child.kill()
    }
  }, 20_000)
})
