import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundlePaths, notebookDir } from '../../../src-main/main/paths'

describe('paths', () => {
  it('keeps the notebook in a Notebook folder inside userData', () => {
    expect(notebookDir('/home/a/.config/Intel Notebook')).toBe(join('/home/a/.config/Intel Notebook', 'Notebook'))
  })

  it('names userData after productName, as the documented locations assume', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { productName?: string }
    expect(pkg.productName).toBe('Intel Notebook')
  })

  it('finds the preload and renderer beside out/main, matching electron.vite.config.ts', () => {
    const paths = bundlePaths('/app/out/main')
    expect(paths).toEqual({ preload: '/app/out/preload/index.cjs', rendererDir: '/app/out/renderer', rendererIndex: '/app/out/renderer/index.html' })
    const config = readFileSync(new URL('../../../electron.vite.config.ts', import.meta.url), 'utf8')
    expect(config).toMatch(/outDir: 'out\/preload'/)
    expect(config).toMatch(/entryFileNames: '\[name\]\.cjs'/)
    expect(config).toMatch(/outDir: 'out\/renderer'/)
  })
})
