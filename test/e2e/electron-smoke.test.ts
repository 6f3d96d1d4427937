/**
 * Launches the built app in real Electron where the binary exists (a developer machine after `npm install` with
 * internet). Elsewhere it reports itself skipped with the reason. It never calls `require('electron')`: on a
 * machine without the binary that call tries to download it.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { contract } from '../../src-main/shared/ipc-contract'

const ROOT = resolve(import.meta.dirname, '../..')

/** The same lookup as node_modules/electron/index.js, minus its download fallback. */
function electronBinary(): { path: string } | { reason: string } {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { reason: 'node_modules/electron/path.txt is missing, so its install step never downloaded the binary' }
  const rel = readFileSync(pathFile, 'utf8').trim()
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const path = override ? join(override, rel || 'electron') : join(pkg, 'dist', rel)
  try {
    accessSync(path, constants.X_OK)
  } catch {
    return { reason: `${path} is not an executable file` }
  }
  return { path }
}

const binary = electronBinary()
const hasBinary = 'path' in binary
const built = existsSync(join(ROOT, 'out', 'main', 'index.js')) && existsSync(join(ROOT, 'out', 'preload', 'index.cjs'))

describe('Electron smoke test', () => {
  it.skipIf(!hasBinary)(
    hasBinary ? 'opens the built app on the sample article, with the bridge and guards in place' : `skipped: the Electron binary is not downloaded on this machine (${binary.reason})`,
    async () => {
      expect(built, 'run `npm run build` first').toBe(true)
      const userData = await mkdtemp(join(tmpdir(), 'intel-notebook-smoke-'))
      let app: ElectronApplication | null = null
      try {
        app = await _electron.launch({
          executablePath: (binary as { path: string }).path,
          args: [ROOT],
          env: { ...process.env, INTEL_NOTEBOOK_USER_DATA: userData, ELECTRON_RENDERER_URL: '' },
        })
        const page = await app.firstWindow()
        await page.getByText(/^Sample:/).first().waitFor({ timeout: 20_000 })

        const bridge = await page.evaluate(() => ({
          api: Object.keys((window as unknown as { api: object }).api).sort(),
          node: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
        }))
        expect(bridge).toEqual({ api: [...Object.keys(contract), 'events'].sort(), node: 'undefined', process: 'undefined' })

        // webPreferences themselves are asserted in the unit tests; here, what the page can see of them.
        const loaded = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()))
        expect(loaded).toHaveLength(1)
        expect(loaded[0]).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/)

        const before = page.url()
        const opened = await page.evaluate(() => window.open('https://example.com/') === null)
        expect(opened).toBe(true)
        await page.evaluate(() => {
          window.location.href = 'https://example.com/'
        })
        await page.waitForTimeout(500)
        expect(page.url()).toBe(before)
        expect(existsSync(join(userData, 'Notebook', 'notebook.json'))).toBe(true)
      } finally {
        await app?.close().catch(() => {})
        await rm(userData, { recursive: true, force: true })
      }
    },
    60_000,
  )
})
