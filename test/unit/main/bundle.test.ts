import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const entry = fileURLToPath(new URL('../../../out/main/index.js', import.meta.url))
const built = existsSync(entry)

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

  it('still ships the importer and the export renderers as chunks loaded on first use', () => {
    const source = readFileSync(entry, 'utf8')
    const dynamic = [...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!)
    expect(dynamic.some((d) => /import-file/.test(d))).toBe(true)
    expect(dynamic.some((d) => /service/.test(d))).toBe(true)
    for (const chunk of dynamic.filter((d) => d.startsWith('.'))) expect(existsSync(join(dirname(entry), chunk)), chunk).toBe(true)
  })
})
