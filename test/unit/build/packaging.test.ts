import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { EXPORT_EXTENSION } from '../../../src-main/main/open-files'

/**
 * The electron-builder configuration in package.json (`npm run dist` cannot run here: it downloads Electron and
 * the packaging tools). It is checked against electron-builder's own schema, and its icons are real images.
 */
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; main: string; productName: string; build: Record<string, any> }
const build = pkg.build

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(new URL(`../../../${path}`, import.meta.url))
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('the packaging configuration', () => {
  it('matches electron-builder’s schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(build, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(validateConfiguration({ ...build, linux: { target: ['AppImage'], bogus: true } }, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/)
  })

  it('builds AppImage and deb, nsis and dmg, under the app’s name, from the built bundles', () => {
    expect(build.productName).toBe('Intel Notebook')
    expect(build.productName).toBe(pkg.productName)
    expect(build.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(build.linux.target).toEqual(['AppImage', 'deb'])
    expect(build.win.target).toEqual(['nsis'])
    expect(build.mac.target).toEqual(['dmg'])
    expect(pkg.main).toBe('out/main/index.js')
    expect(build.files).toContain('out/**/*')
  })

  it('has an icon at every size the platforms take', () => {
    expect(pngSize('resources/icon.png')).toEqual({ width: 1024, height: 1024 })
    for (const n of [512, 256, 128, 64, 48, 32, 16]) expect(pngSize(`resources/icons/${n}x${n}.png`)).toEqual({ width: n, height: n })
    expect(build.linux.icon).toBe('resources/icons')
    expect(build.win.icon).toBe('resources/icon.png')
    expect(build.mac.icon).toBe('resources/icon.png')
  })

  it('associates the notebook export with the app, with the extension main opens', () => {
    expect(build.fileAssociations).toHaveLength(1)
    const [assoc] = build.fileAssociations
    expect(`.${assoc.ext}`).toBe(EXPORT_EXTENSION)
    expect(assoc.mimeType).toMatch(/^application\/vnd\.[a-z-]+\+json$/)
    expect(build.linux.mimeTypes).toContain(assoc.mimeType)
  })
})
