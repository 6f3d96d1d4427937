/**
 * The app's settings file (settings.json in userData): theme, recent notebooks, the window's size and place, and
 * the view state the window saves. No electron import, so the e2e harness keeps its settings with this same code.
 *
 * Settings are conveniences: a damaged file is set aside (never overwritten) and the app starts with defaults,
 * and one bad field falls back alone instead of taking the others with it.
 */
import { readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { z } from 'zod'
import { THEMES } from '../shared/commands'
import { ArticlePlaceSchema, DEFAULT_IDLE_LOCK_MINUTES, IdleLockMinutesSchema, PanesSchema, type ArticlePlace } from '../shared/model/settings'
import { atomicWrite } from '../core/store/atomic-write'
import { DAMAGED_SUFFIX } from '../core/store/layout'

export const SETTINGS_FILE = 'settings.json'
export const MAX_RECENT = 10

export const WindowStateSchema = z
  .object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().min(200).max(30000),
    height: z.number().int().min(150).max(30000),
    maximized: z.boolean(),
    fullScreen: z.boolean(),
    zoomLevel: z.number().min(-8).max(9),
  })
  .strict()
export type WindowState = z.infer<typeof WindowStateSchema>

const SettingsSchema = z.object({
  schemaVersion: z.literal(1),
  theme: z.enum(THEMES).catch('system'),
  lastNotebook: z.string().min(1).nullable().catch(null),
  recentNotebooks: z.array(z.string().min(1)).catch([]),
  window: WindowStateSchema.nullable().catch(null),
  panes: PanesSchema.nullable().catch(null),
  /** Per notebook folder: the article that was open and its scroll position. */
  places: z.record(z.string(), ArticlePlaceSchema).catch({}),
  /** Minutes without use after which a notebook protected with a passphrase locks itself. */
  idleLockMinutes: IdleLockMinutesSchema.catch(DEFAULT_IDLE_LOCK_MINUTES),
})
export type Settings = z.infer<typeof SettingsSchema>

export function defaultSettings(): Settings {
  return { schemaVersion: 1, theme: 'system', lastNotebook: null, recentNotebooks: [], window: null, panes: null, places: {}, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES }
}

/** Bursts of updates (a window being dragged, a pane resized) reach the disk once per this interval. */
const WRITE_DELAY_MS = 400

export class SettingsStore {
  private data: Settings
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()
  private dirty = false

  private constructor(
    readonly path: string,
    data: Settings,
    /** Why the file could not be read, when it was set aside. */
    readonly problem: string | null,
  ) {
    this.data = data
  }

  static async load(path: string): Promise<SettingsStore> {
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new SettingsStore(path, defaultSettings(), null)
      return new SettingsStore(path, defaultSettings(), `The settings file ${path} could not be read (${(err as Error).message}); the app uses its defaults.`)
    }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      json = undefined
    }
    const parsed = SettingsSchema.safeParse(json)
    if (parsed.success) return new SettingsStore(path, parsed.data, null)
    const aside = `${path}${DAMAGED_SUFFIX}`
    await rename(path, aside).catch(() => {})
    return new SettingsStore(path, defaultSettings(), `The settings file could not be read and was kept as ${aside}; the app started with its default settings.`)
  }

  get value(): Readonly<Settings> {
    return this.data
  }

  /** Changes the settings now and writes them a moment later. */
  update(change: (s: Settings) => Settings): void {
    this.data = SettingsSchema.parse(change(structuredClone(this.data)))
    this.dirty = true
    this.timer ??= setTimeout(() => {
      this.timer = null
      void this.write()
    }, WRITE_DELAY_MS)
  }

  /** Writes pending changes at once (on quit). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    await this.write()
  }

  private write(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return
      this.dirty = false
      try {
        await mkdir(dirname(this.path), { recursive: true })
        await atomicWrite(this.path, JSON.stringify(this.data, null, 2) + '\n')
      } catch (err) {
        // Losing a window size is not worth a dialog; the next change tries again.
        this.dirty = true
        console.error('[settings] could not be saved', err)
      }
    })
    return this.writing
  }
}

/** The recent list with `dir` first, without duplicates, at most MAX_RECENT long. */
export function withRecent(recent: readonly string[], dir: string): string[] {
  return [dir, ...recent.filter((d) => d !== dir)].slice(0, MAX_RECENT)
}

/**
 * The places map with this notebook's place set. A place naming an article this notebook does not hold is the
 * previous notebook's, saved by a window that had not yet reloaded after a switch: it is not this one's to keep.
 */
export function placesWith(places: Settings['places'], dir: string, place: ArticlePlace | null, articles: ReadonlyArray<{ id: string }>): Settings['places'] {
  const next = { ...places }
  if (!place) delete next[dir]
  else if (articles.some((a) => a.id === place.articleId)) next[dir] = place
  return next
}
