/**
 * DESIGN.md's layers, enforced like VS Code's layering lint: imports run shared <- core <- main | cli, electron
 * stays inside main/ and preload/, and the renderer reaches into src-main only through shared/.
 * Imports are read with the TypeScript parser (type-only imports count too), and electron must not be reachable
 * from core, shared or cli through any chain of relative imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const SOURCE_EXT = ['.ts', '.tsx', '.mts', '.cts']

type Layer = 'shared' | 'core' | 'main' | 'preload' | 'cli' | 'renderer' | 'other'

function layerOf(file: string): Layer {
  const rel = relative(ROOT, file).split(sep).join('/')
  for (const layer of ['shared', 'core', 'main', 'preload', 'cli'] as const) if (rel.startsWith(`src-main/${layer}/`)) return layer
  if (rel.startsWith('src-renderer/')) return 'renderer'
  return 'other'
}

interface Edge {
  specifier: string
  /** The file a relative specifier resolves to (null for packages or unresolved paths). */
  target: string | null
}

function importsOf(file: string, source: string, exists: (p: string) => boolean): Edge[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const specifiers: string[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      specifiers.push(node.moduleReference.expression.text)
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) specifiers.push(node.arguments[0].text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return specifiers.map((specifier) => ({ specifier, target: specifier.startsWith('.') ? resolveRelative(file, specifier, exists) : null }))
}

function resolveRelative(from: string, specifier: string, exists: (p: string) => boolean): string | null {
  const base = resolve(dirname(from), specifier)
  const candidates = [base, ...SOURCE_EXT.map((e) => base + e), ...SOURCE_EXT.map((e) => join(base, `index${e}`))]
  return candidates.find((c) => exists(c) && !c.endsWith(sep)) ?? null
}

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage']

/**
 * Property reads of browser-only globals (not types, not comments): `document.x`, `window.x`. A name the file
 * declares itself (a `document` parameter handed in by the caller) is not the global.
 */
function domGlobalsUsed(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true)
  const declared = new Set<string>()
  const found: ts.PropertyAccessExpression[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
      declared.add(node.name.text)
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && BROWSER_GLOBALS.includes(node.expression.text)) found.push(node)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found.filter((n) => !declared.has((n.expression as ts.Identifier).text)).map((n) => n.getText(sf))
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const isNodeBuiltin = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s) || NODE_BUILTINS.has(s.split('/')[0]!)
const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/')
/** Packages that need a browser DOM or React, which the DOM-free shared layer must not pull in. */
const DOM_PACKAGES = ['react', 'react-dom', '@tiptap/react', 'dompurify', 'jsdom', 'happy-dom', 'linkedom']
const isDomPackage = (s: string) => DOM_PACKAGES.some((p) => s === p || s.startsWith(`${p}/`))

/** Checks a set of files (path -> source); returns one line per violation. */
function checkLayering(files: Map<string, string>): string[] {
  const exists = (p: string) => files.has(p)
  const edges = new Map<string, Edge[]>()
  for (const [file, source] of files) edges.set(file, importsOf(file, source, exists))
  const violations: string[] = []
  const report = (file: string, message: string) => violations.push(`${relative(ROOT, file).split(sep).join('/')}: ${message}`)

  for (const [file, list] of edges) {
    const layer = layerOf(file)
    for (const { specifier, target } of list) {
      const targetLayer = target ? layerOf(target) : null
      const into = (l: Layer) => targetLayer === l
      switch (layer) {
        case 'shared':
          if (isElectron(specifier)) report(file, `shared imports electron (${specifier})`)
          if (isNodeBuiltin(specifier)) report(file, `shared imports a Node builtin (${specifier})`)
          if (isDomPackage(specifier)) report(file, `shared imports DOM-only code (${specifier})`)
          if (targetLayer && targetLayer !== 'shared') report(file, `shared imports ${targetLayer} (${specifier})`)
          break
        case 'core':
          if (isElectron(specifier)) report(file, `core imports electron (${specifier})`)
          if (targetLayer && !['core', 'shared', 'other'].includes(targetLayer)) report(file, `core imports ${targetLayer} (${specifier})`)
          break
        case 'cli':
          if (isElectron(specifier)) report(file, `cli imports electron (${specifier})`)
          if (target && /src-main\/main\/ipc\/register\.ts$/.test(target.split(sep).join('/'))) report(file, `cli imports main's IPC registration (${specifier})`)
          if (into('preload') || into('renderer')) report(file, `cli imports ${targetLayer} (${specifier})`)
          break
        case 'preload':
          if (targetLayer && !['preload', 'shared'].includes(targetLayer)) report(file, `preload imports ${targetLayer}; the sandboxed preload may use only shared (${specifier})`)
          if (isNodeBuiltin(specifier)) report(file, `preload imports a Node builtin, which a sandboxed preload cannot load (${specifier})`)
          break
        case 'renderer':
          if (isElectron(specifier)) report(file, `renderer imports electron (${specifier})`)
          if (isNodeBuiltin(specifier)) report(file, `renderer imports a Node builtin (${specifier})`)
          if (target && !['renderer', 'shared'].includes(targetLayer!)) report(file, `renderer imports ${targetLayer} (${specifier}); only src-main/shared is allowed`)
          if (!target && specifier.startsWith('.') && /(^|\/)src-main\//.test(specifier) && !/(^|\/)src-main\/shared(\/|$)/.test(specifier)) {
            report(file, `renderer imports ${specifier}; only src-main/shared is allowed`)
          }
          break
        default:
          break
      }
    }
    if (layer === 'shared') for (const use of domGlobalsUsed(file, files.get(file)!)) report(file, `shared uses the browser global ${use}`)
  }

  // No chain of relative imports may carry electron into core, shared or cli.
  const reachesElectron = new Map<string, string[] | null>()
  const chain = (file: string, seen: Set<string>): string[] | null => {
    if (reachesElectron.has(file)) return reachesElectron.get(file)!
    if (seen.has(file)) return null
    seen.add(file)
    let found: string[] | null = null
    for (const { specifier, target } of edges.get(file) ?? []) {
      if (isElectron(specifier)) found = [specifier]
      else if (target) {
        const rest = chain(target, seen)
        if (rest) found = [relative(ROOT, target).split(sep).join('/'), ...rest]
      }
      if (found) break
    }
    reachesElectron.set(file, found)
    return found
  }
  for (const file of files.keys()) {
    if (!['core', 'shared', 'cli'].includes(layerOf(file))) continue
    const path = chain(file, new Set())
    if (path && path.length > 1) report(file, `reaches electron through ${path.join(' -> ')}`)
  }
  return violations
}

function collect(dir: string, into: Map<string, string>): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) collect(path, into)
    else if (SOURCE_EXT.some((e) => name.endsWith(e))) into.set(path, readFileSync(path, 'utf8'))
  }
}

describe('layering', () => {
  it('holds for the source tree', () => {
    const files = new Map<string, string>()
    collect(join(ROOT, 'src-main'), files)
    collect(join(ROOT, 'src-renderer'), files)
    expect(files.size).toBeGreaterThan(20)
    expect([...files.keys()].some((f) => layerOf(f) === 'renderer')).toBe(true)
    expect(checkLayering(files)).toEqual([])
  })

  describe('catches violations (synthetic sources)', () => {
    const at = (rel: string) => join(ROOT, rel)
    const check = (entries: Record<string, string>) => checkLayering(new Map(Object.entries(entries).map(([k, v]) => [at(k), v])))

    it.each([
      ['src-main/core/x.ts', "import { app } from 'electron'", 'core imports electron'],
      ['src-main/core/x.ts', "import type { BrowserWindow } from 'electron'", 'core imports electron'],
      ['src-main/shared/x.ts', "import { readFile } from 'node:fs/promises'", 'shared imports a Node builtin'],
      ['src-main/shared/x.ts', "import path from 'path'", 'shared imports a Node builtin'],
      ['src-main/shared/x.ts', "import { useState } from 'react'", 'shared imports DOM-only code'],
      ['src-main/shared/x.ts', 'export const w = document.body.innerHTML', 'shared uses the browser global document.body'],
      ['src-main/cli/x.ts', "const e = require('electron')", 'cli imports electron'],
      ['src-renderer/x.tsx', "import { ipcRenderer } from 'electron'", 'renderer imports electron'],
      ['src-renderer/x.ts', "import { readFileSync } from 'node:fs'", 'renderer imports a Node builtin'],
      ['src-renderer/x.ts', "const m = await import('../src-main/core/store/notebook-store')", 'only src-main/shared is allowed'],
    ])('%s: %s', (file, source, expected) => {
      expect(check({ [file]: source }).join('\n')).toContain(expected)
    })

    it('a document handed to shared code as a parameter is not the browser global', () => {
      expect(check({ 'src-main/shared/x.ts': 'export function build(document: Document) { return document.createElement("div") }' })).toEqual([])
      expect(check({ 'src-main/shared/x.ts': 'export function build(doc: Document) { return document.createElement("div") }' })).toEqual([
        'src-main/shared/x.ts: shared uses the browser global document.createElement',
      ])
    })

    it('a renderer import into core is refused, one into shared allowed', () => {
      const files = {
        'src-main/core/store/s.ts': 'export const s = 1',
        'src-main/shared/model/m.ts': 'export const m = 1',
        'src-renderer/a.ts': "import { s } from '../src-main/core/store/s'\nimport { m } from '../src-main/shared/model/m'",
      }
      expect(check(files)).toEqual(['src-renderer/a.ts: renderer imports core (../src-main/core/store/s); only src-main/shared is allowed'])
    })

    it('shared may not import core, main or cli', () => {
      const v = check({
        'src-main/core/c.ts': 'export const c = 1',
        'src-main/main/m.ts': 'export const m = 1',
        'src-main/shared/s.ts': "import { c } from '../core/c'\nexport { m } from '../main/m'",
      })
      expect(v).toEqual(['src-main/shared/s.ts: shared imports core (../core/c)', 'src-main/shared/s.ts: shared imports main (../main/m)'])
    })

    it('the cli may not import the IPC registration, nor reach electron through main', () => {
      const v = check({
        'src-main/main/ipc/register.ts': "import { ipcMain } from 'electron'\nexport const r = 1",
        'src-main/cli/run.ts': "import { r } from '../main/ipc/register'",
      })
      expect(v).toContain("src-main/cli/run.ts: cli imports main's IPC registration (../main/ipc/register)")
      expect(v).toContain('src-main/cli/run.ts: reaches electron through src-main/main/ipc/register.ts -> electron')
    })

    it('core may not reach electron through a chain of imports', () => {
      const v = check({
        'src-main/main/window.ts': "import { BrowserWindow } from 'electron'\nexport const w = 1",
        'src-main/core/a.ts': "import { b } from './b'",
        'src-main/core/b.ts': "export { w as b } from '../main/window'",
      })
      expect(v).toContain('src-main/core/b.ts: core imports main (../main/window)')
      expect(v).toContain('src-main/core/a.ts: reaches electron through src-main/core/b.ts -> src-main/main/window.ts -> electron')
    })

    it('the preload may use shared, but not core', () => {
      const v = check({
        'src-main/shared/ipc-contract.ts': 'export const contract = {}',
        'src-main/core/store/s.ts': "import { readFile } from 'node:fs'",
        'src-main/preload/index.ts': "import { contextBridge } from 'electron'\nimport { contract } from '../shared/ipc-contract'\nimport '../core/store/s'",
      })
      expect(v).toEqual(['src-main/preload/index.ts: preload imports core; the sandboxed preload may use only shared (../core/store/s)'])
    })

    it('main may import electron and core', () => {
      expect(check({ 'src-main/core/c.ts': 'export const c = 1', 'src-main/main/x.ts': "import { app } from 'electron'\nimport { c } from '../core/c'" })).toEqual([])
    })
  })
})
