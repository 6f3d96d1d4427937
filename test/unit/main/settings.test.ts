import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { defaultSettings, MAX_RECENT, placesWith, SettingsStore, withRecent } from '../../../src-main/main/settings'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

describe('the settings file', () => {
  it('starts with defaults when there is none, and writes changes once after a burst', async () => {
    const path = join(await tempDir(), 'settings.json')
    const s = await SettingsStore.load(path)
    expect(s.value).toEqual(defaultSettings())
    expect(s.problem).toBeNull()
    for (let w = 800; w < 900; w += 10) s.update((v) => ({ ...v, window: { width: w, height: 600, maximized: false, fullScreen: false, zoomLevel: 0 } }))
    await s.flush()
    const written = JSON.parse(await readFile(path, 'utf8')) as { window: { width: number } }
    expect(written.window.width).toBe(890)
    expect((await SettingsStore.load(path)).value.window?.width).toBe(890)
  })

  it('keeps the good fields of a file with one bad field', async () => {
    const path = join(await tempDir(), 'settings.json')
    await writeFile(path, JSON.stringify({ ...defaultSettings(), theme: 'sepia', recentNotebooks: ['/cases/a', '/cases/b'], panes: { library: { width: 5, collapsed: false } } }))
    const s = await SettingsStore.load(path)
    expect(s.value.theme).toBe('system')
    expect(s.value.panes).toBeNull()
    expect(s.value.recentNotebooks).toEqual(['/cases/a', '/cases/b'])
    expect(s.problem).toBeNull()
  })

  it('refuses to hold an invalid change', async () => {
    const s = await SettingsStore.load(join(await tempDir(), 'settings.json'))
    expect(() => s.update((v) => ({ ...v, schemaVersion: 2 as 1 }))).toThrow()
    expect(s.value.schemaVersion).toBe(1)
  })

  it('logs a write that fails and tries again with the next change', async () => {
    const dir = await tempDir()
    const s = await SettingsStore.load(join(dir, 'missing', 'deeper', 'settings.json'))
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await writeFile(join(dir, 'missing'), 'a file where a folder should be')
    s.update((v) => ({ ...v, theme: 'dark' }))
    await s.flush()
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })
})

describe('the recent list', () => {
  it('puts the newest first, once, and keeps at most MAX_RECENT', () => {
    expect(withRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c'])
    const long = Array.from({ length: 20 }, (_, i) => `/n${i}`)
    expect(withRecent(long, '/new')).toHaveLength(MAX_RECENT)
    expect(withRecent(long, '/new')[0]).toBe('/new')
  })
})

describe('places', () => {
  const held = [{ id: 'art_aaaaaaaaaaaaaaaa' }]
  it('keeps a place only for an article the notebook holds, so a window reloading after a switch cannot mix notebooks', () => {
    const place = { articleId: 'art_aaaaaaaaaaaaaaaa', scroll: 120 }
    expect(placesWith({}, '/cases/a', place, held)).toEqual({ '/cases/a': place })
    const foreign = { articleId: 'art_bbbbbbbbbbbbbbbb', scroll: 9 }
    expect(placesWith({ '/cases/a': place }, '/cases/a', foreign, held)).toEqual({ '/cases/a': place })
    expect(placesWith({ '/cases/a': place, '/cases/b': place }, '/cases/a', null, held)).toEqual({ '/cases/b': place })
  })
})
