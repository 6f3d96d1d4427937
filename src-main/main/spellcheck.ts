/**
 * The spellchecker, kept off the network. macOS checks spelling with its own spellchecker and Windows with its own
 * for the languages it has; elsewhere (Linux, and Windows for other languages) Chromium uses Hunspell dictionaries
 * (`.bdic` files) from the Dictionaries folder of the session data, and downloads a missing one from Google's CDN.
 * An analyst's machine must not call out because they typed, so:
 * - the download URL is always the local Dictionaries folder, never a server (a no-op on macOS);
 * - on Linux only the languages whose dictionary is already in that folder are checked, and with none the
 *   spellchecker is off, so Chromium has nothing to fetch. The README says where to put a `.bdic` file.
 */
import type { Session } from 'electron'
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Chromium's own folder name inside the session data (Electron's app.getPath('sessionData')). */
export const DICTIONARIES_FOLDER = 'Dictionaries'

/** Chromium names a dictionary `<language>-<major>-<minor>.bdic`, e.g. en-US-10-1.bdic or ko-3-0.bdic. */
const BDIC = /^([a-z]{2,3}(?:-[a-z]{2,3})?)-\d+-\d+\.bdic$/i

export type SpellcheckSession = Pick<Session, 'setSpellCheckerDictionaryDownloadURL' | 'setSpellCheckerLanguages' | 'setSpellCheckerEnabled' | 'availableSpellCheckerLanguages'>

/** The languages Chromium can check among the dictionary files present, in Chromium's spelling of each code. */
export function dictionaryLanguages(files: readonly string[], available: readonly string[]): string[] {
  const known = new Map(available.map((code) => [code.toLowerCase(), code]))
  const found = files.map((f) => BDIC.exec(f)?.[1]?.toLowerCase()).flatMap((code) => (code && known.has(code) ? [known.get(code)!] : []))
  return [...new Set(found)].sort()
}

/** Returns the languages checked on Linux (null elsewhere, where the OS decides). */
export async function keepSpellcheckOffline(ses: SpellcheckSession, sessionData: string, platform: NodeJS.Platform): Promise<string[] | null> {
  const dir = join(sessionData, DICTIONARIES_FOLDER)
  await mkdir(dir, { recursive: true })
  ses.setSpellCheckerDictionaryDownloadURL(pathToFileURL(dir).href.replace(/\/?$/, '/'))
  if (platform !== 'linux') return null
  const languages = dictionaryLanguages(await readdir(dir), ses.availableSpellCheckerLanguages)
  if (languages.length === 0) {
    ses.setSpellCheckerEnabled(false)
    return []
  }
  ses.setSpellCheckerLanguages(languages)
  ses.setSpellCheckerEnabled(true)
  return languages
}
