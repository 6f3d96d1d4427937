import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resetElectron, session } from './stub-electron'
import { useTempDirs } from '../../helpers/temp-dir'

vi.mock('electron', () => import('./stub-electron'))
const { dictionaryLanguages, keepSpellcheckOffline, DICTIONARIES_FOLDER } = await import('../../../src-main/main/spellcheck')

const tempDir = useTempDirs()
beforeEach(() => resetElectron())

/** Every URL the spellchecker was given to download dictionaries from. */
const downloadUrls = () => session.defaultSession.setSpellCheckerDictionaryDownloadURL.mock.calls.map((c) => c[0])

describe('the spellchecker stays offline', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s it is never given a remote URL, only the local Dictionaries folder, which exists', async (platform) => {
    const sessionData = await tempDir()
    await keepSpellcheckOffline(session.defaultSession as never, sessionData, platform)
    const dir = join(sessionData, DICTIONARIES_FOLDER)
    expect(existsSync(dir)).toBe(true)
    expect(downloadUrls()).toEqual([`${pathToFileURL(dir).href}/`])
    for (const url of downloadUrls()) expect(new URL(url).protocol).toBe('file:')
  })

  it('on Linux without a dictionary, turns the spellchecker off so Chromium has nothing to fetch', async () => {
    const sessionData = await tempDir()
    await expect(keepSpellcheckOffline(session.defaultSession as never, sessionData, 'linux')).resolves.toEqual([])
    expect(session.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false)
    expect(session.defaultSession.setSpellCheckerLanguages).not.toHaveBeenCalled()
  })

  it('on Linux checks exactly the languages whose .bdic is in the folder', async () => {
    const sessionData = await tempDir()
    const dir = join(sessionData, DICTIONARIES_FOLDER)
    await mkdir(dir, { recursive: true })
    for (const f of ['en-US-10-1.bdic', 'ru-RU-3-0.bdic', 'notes.txt', 'xx-YY-1-0.bdic', 'en-US-10-1.bdic.partial']) await writeFile(join(dir, f), 'x')
    await expect(keepSpellcheckOffline(session.defaultSession as never, sessionData, 'linux')).resolves.toEqual(['en-US', 'ru-RU'])
    expect(session.defaultSession.setSpellCheckerLanguages).toHaveBeenCalledExactlyOnceWith(['en-US', 'ru-RU'])
    expect(session.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(true)
  })

  it('leaves the language choice to the OS on Windows and macOS', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      await expect(keepSpellcheckOffline(session.defaultSession as never, await tempDir(), platform)).resolves.toBeNull()
    }
    expect(session.defaultSession.setSpellCheckerLanguages).not.toHaveBeenCalled()
    expect(session.defaultSession.setSpellCheckerEnabled).not.toHaveBeenCalled()
  })
})

describe('dictionary file names', () => {
  it('map to the language codes Chromium lists, in its spelling', () => {
    expect(dictionaryLanguages(['en-us-10-1.bdic', 'ko-3-0.bdic', 'de-DE-3-0.bdic', 'de-DE-3-0.BDIC', 'fr.dic', 'en-GB.bdic'], ['de-DE', 'en-US', 'ko'])).toEqual(['de-DE', 'en-US', 'ko'])
  })
})
