import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const entry = fileURLToPath(new URL('../../../out/main/index.js', import.meta.url))
const importWorker = fileURLToPath(new URL('../../../out/main/import-worker.js', import.meta.url))
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
})
