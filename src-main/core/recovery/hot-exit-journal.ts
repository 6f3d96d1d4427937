import { z } from 'zod'
import { idSchema } from '../../shared/model/ids'
import { DocJsonSchema } from '../../shared/model/notebook'
import { DamagedFileError } from '../errors'
import { atomicWrite } from '../store/atomic-write'
import { realFs, errorCode, type FsOps } from '../store/fs-ops'
import { JsonFileAdapter } from '../store/json-file-adapter'
import { moveAside } from './move-aside'

const base = {
  articleId: idSchema('article'),
  /** The editor's own counter for the article, rising with every change; a save settles entries up to its rev. */
  rev: z.number().int().nonnegative(),
  at: z.string().datetime(),
}
export const HotExitEntrySchema = z.discriminatedUnion('field', [
  z.object({ ...base, field: z.literal('body'), doc: DocJsonSchema }),
  z.object({ ...base, field: z.literal('notes'), notes: z.string().max(1_000_000) }),
])
export type HotExitEntry = z.infer<typeof HotExitEntrySchema>
export type HotExitField = HotExitEntry['field']
/** An entry as the editor sends it: the time is filled in on arrival. */
export type HotExitRecord = HotExitEntry extends infer E ? (E extends HotExitEntry ? Omit<E, 'at'> & { at?: string } : never) : never

export const HotExitFileSchema = z.object({
  schemaVersion: z.literal(1),
  notebookId: z.string(),
  entries: z.array(HotExitEntrySchema),
})
export type HotExitFile = z.infer<typeof HotExitFileSchema>

export interface HotExitOptions {
  /** The notebook the entries belong to: a journal left by another notebook is never replayed into this one. */
  notebookId: string
  fs?: FsOps
  /** Longest time an edit waits in memory before the journal is written. */
  debounceMs?: number
}

export const DEFAULT_JOURNAL_DEBOUNCE_MS = 300

/**
 * The hot-exit journal: editor changes not yet saved, written on a short debounce to a small file so a crash
 * (of the app, the renderer or the machine) does not take them along. Entries are settled once a save that
 * includes them is on disk, and a clean exit leaves no file behind. On the next launch, entries found in the file
 * are edits that never reached the notebook, and are replayed into it (see replayHotExit).
 */
export class HotExitJournal {
  private entries = new Map<string, HotExitEntry>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()
  private dirty = false
  private onDisk = false

  private constructor(
    readonly path: string,
    private readonly options: Required<Pick<HotExitOptions, 'notebookId' | 'debounceMs'>> & { fs: FsOps },
    private left: readonly HotExitEntry[],
    /** What the analyst should be told about the journal itself (a damaged one, moved aside). */
    readonly notices: readonly string[],
  ) {
    this.onDisk = left.length > 0
  }

  /** What the previous session left: edits that never reached the notebook, to replay. */
  get leftover(): readonly HotExitEntry[] {
    return this.left
  }

  static async open(path: string, options: HotExitOptions): Promise<HotExitJournal> {
    const fs = options.fs ?? realFs
    const notices: string[] = []
    let leftover: HotExitEntry[] = []
    try {
      const file = await new JsonFileAdapter<HotExitFile>(path, HotExitFileSchema, { fs }).read()
      if (file && file.notebookId === options.notebookId) leftover = file.entries
      else if (file) {
        const moved = await moveAside(path, fs)
        notices.push(`Unsaved changes from another notebook were found and not applied here; they are kept in ${moved}.`)
      }
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      const moved = await moveAside(path, fs)
      notices.push(`The record of unsaved changes from the last session was damaged (${err.detail}), so they could not be recovered; it is kept as ${moved}.`)
    }
    return new HotExitJournal(path, { notebookId: options.notebookId, debounceMs: options.debounceMs ?? DEFAULT_JOURNAL_DEBOUNCE_MS, fs }, leftover, notices)
  }

  /** The editor's latest unsaved state of one field of an article; an older rev than the one held is ignored. */
  record(entry: HotExitRecord): void {
    const parsed = HotExitEntrySchema.parse({ ...entry, at: entry.at ?? new Date().toISOString() })
    const key = keyOf(parsed.articleId, parsed.field)
    const held = this.entries.get(key)
    if (held && held.rev > parsed.rev) return
    this.entries.set(key, parsed)
    this.changed()
  }

  /** A save that includes the editor's state up to `rev` is on disk: entries up to it are no longer needed. */
  settle(articleId: string, field: HotExitField, rev: number): void {
    const key = keyOf(articleId, field)
    const held = this.entries.get(key)
    if (!held || held.rev > rev) return
    this.entries.delete(key)
    this.changed()
  }

  /** The article was deleted: its unsaved changes have nowhere to go. */
  discard(articleId: string): void {
    let any = false
    for (const field of ['body', 'notes'] as const) any = this.entries.delete(keyOf(articleId, field)) || any
    if (any) this.changed()
  }

  get pending(): HotExitEntry[] {
    return [...this.entries.values()]
  }

  /** Writes the journal now if it changed; the app calls this when it goes to the background or starts to close. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.dirty) return this.writing
    this.dirty = false
    const entries = this.pending
    this.writing = this.writing.catch(() => {}).then(() => this.persist(entries))
    return this.writing
  }

  /** Writes what is left and stops; with nothing left the file is removed, so the next launch has nothing to replay. */
  async close(): Promise<void> {
    await this.flush()
  }

  /** Forgets the previous session's entries once they have been replayed (or kept elsewhere). */
  async clearLeftover(): Promise<void> {
    this.left = []
    this.dirty = true
    await this.flush()
  }

  private changed(): void {
    this.dirty = true
    // A fixed deadline from the first unsaved change, not reset by each keystroke: steady typing is still journaled.
    this.timer ??= setTimeout(() => {
      this.timer = null
      void this.flush().catch(() => {})
    }, this.options.debounceMs)
  }

  private async persist(entries: HotExitEntry[]): Promise<void> {
    const all = [...this.left, ...entries]
    if (all.length === 0) {
      if (!this.onDisk) return
      await this.options.fs.unlink(this.path).catch((err: unknown) => {
        if (errorCode(err) !== 'ENOENT') throw err
      })
      this.onDisk = false
      return
    }
    const file: HotExitFile = { schemaVersion: 1, notebookId: this.options.notebookId, entries: all }
    await atomicWrite(this.path, JSON.stringify(file), this.options.fs)
    this.onDisk = true
  }
}

function keyOf(articleId: string, field: HotExitField): string {
  return `${articleId}:${field}`
}
