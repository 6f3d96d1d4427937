/**
 * Debounced, serialized saving of one value. `touch` only marks the value dirty and restarts a timer; the value is
 * read (serialized) when the timer fires, never per keystroke. Writes never overlap and run in order, and a write
 * that fails leaves the value dirty so the next edit or flush retries it.
 *
 * Each change gets a revision. With `journal`, steady typing that keeps postponing the save is also reported to
 * main's hot-exit journal on a fixed deadline from the first unsaved change (one read per deadline, not per key),
 * and so is a value whose write failed; the save of a revision settles its journal entry in main.
 */
export interface AutosaverOptions<T> {
  delay: number
  /** Continuous typing still saves at least this often. */
  maxWait: number
  read: () => T
  write: (value: T, rev: number) => Promise<void>
  onError?: (err: unknown) => void
  journal?: { delay: number; record: (value: T, rev: number) => void }
  /** When a timer fires, runs the save or the journal's record; defaults to at once. The editor passes an idle callback, so both land between keystrokes. */
  schedule?: (save: () => void) => void
}

/** How long steady typing goes unjournaled at most; a pause in typing saves before this, and records nothing. */
export const JOURNAL_DELAY_MS = 1000

let lastRev = 0
/** Revisions rise across articles and reloads of the window (they start from the clock), as the journal expects. */
function nextRev(): number {
  lastRev = Math.max(Date.now(), lastRev + 1)
  return lastRev
}

export class Autosaver<T> {
  private timer: ReturnType<typeof setTimeout> | null = null
  private journalTimer: ReturnType<typeof setTimeout> | null = null
  private firstTouch = 0
  private isDirty = false
  private current = 0
  private journaled = 0
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly opts: AutosaverOptions<T>) {}

  get dirty(): boolean {
    return this.isDirty
  }

  /** The revision of the latest change; a write that carries the value as it is now carries this one. */
  get rev(): number {
    return this.current
  }

  touch(): void {
    const now = Date.now()
    if (!this.isDirty) this.firstTouch = now
    this.isDirty = true
    this.current = nextRev()
    if (this.timer) clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.opts.delay, this.firstTouch + this.opts.maxWait - now))
    this.timer = setTimeout(() => {
      this.timer = null
      const due = this.current
      // A key pressed while the save waits for an idle moment restarts the pause, unless saving is already overdue.
      const save = () => {
        if (this.current === due || Date.now() >= this.firstTouch + this.opts.maxWait) void this.flush()
      }
      if (this.opts.schedule) this.opts.schedule(save)
      else save()
    }, wait)
    if (this.opts.journal && !this.journalTimer) {
      const timer = setTimeout(() => {
        // Like the save, the journal's read waits for an idle moment, so it never lands between a key and its frame;
        // a flush in the meantime cancels it.
        const record = () => {
          if (this.journalTimer === timer) this.recordJournal()
        }
        if (this.opts.schedule) this.opts.schedule(record)
        else record()
      }, this.opts.journal.delay)
      this.journalTimer = timer
    }
  }

  /** Writes the value now if it is dirty; resolves when every write so far has finished. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.stopJournalTimer()
    if (!this.isDirty) return this.chain
    let value: T
    try {
      value = this.opts.read()
    } catch (err) {
      // Nothing sensible to write (the editor is gone): report it and keep the edits marked unsaved.
      this.opts.onError?.(err)
      return this.chain
    }
    this.isDirty = false
    const rev = this.current
    this.chain = this.chain.then(() =>
      this.opts.write(value, rev).catch((err: unknown) => {
        this.isDirty = true
        // Until a retry lands, the journal holds what could not be written.
        this.journal(value, rev)
        this.opts.onError?.(err)
      }),
    )
    return this.chain
  }

  /** Forgets pending edits because another write (a tag, say) already carries them, with `rev`. */
  settle(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.stopJournalTimer()
    this.isDirty = false
  }

  private recordJournal(): void {
    this.journalTimer = null
    if (!this.isDirty || this.current <= this.journaled) return
    let value: T
    try {
      value = this.opts.read()
    } catch {
      return
    }
    this.journal(value, this.current)
  }

  private journal(value: T, rev: number): void {
    if (!this.opts.journal || rev <= this.journaled) return
    this.journaled = rev
    this.opts.journal.record(value, rev)
  }

  private stopJournalTimer(): void {
    if (this.journalTimer) clearTimeout(this.journalTimer)
    this.journalTimer = null
  }
}
