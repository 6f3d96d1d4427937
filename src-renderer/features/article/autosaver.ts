/**
 * Debounced, serialized saving of one value. `touch` only marks the value dirty and restarts a timer; the value is
 * read (serialized) when the timer fires, never per keystroke. Writes never overlap and run in order, and a write
 * that fails leaves the value dirty so the next edit or flush retries it.
 */
export interface AutosaverOptions<T> {
  delay: number
  /** Continuous typing still saves at least this often. */
  maxWait: number
  read: () => T
  write: (value: T) => Promise<void>
  onError?: (err: unknown) => void
  /** When the timer fires, runs the save; defaults to at once. The editor passes an idle callback, so a save lands between keystrokes. */
  schedule?: (save: () => void) => void
}

export class Autosaver<T> {
  private timer: ReturnType<typeof setTimeout> | null = null
  private firstTouch = 0
  private isDirty = false
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly opts: AutosaverOptions<T>) {}

  get dirty(): boolean {
    return this.isDirty
  }

  touch(): void {
    const now = Date.now()
    if (!this.isDirty) this.firstTouch = now
    this.isDirty = true
    if (this.timer) clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.opts.delay, this.firstTouch + this.opts.maxWait - now))
    this.timer = setTimeout(() => {
      this.timer = null
      const save = () => void this.flush()
      if (this.opts.schedule) this.opts.schedule(save)
      else save()
    }, wait)
  }

  /** Writes the value now if it is dirty; resolves when every write so far has finished. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
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
    this.chain = this.chain.then(() =>
      this.opts.write(value).catch((err: unknown) => {
        this.isDirty = true
        this.opts.onError?.(err)
      }),
    )
    return this.chain
  }

  /** Forgets pending edits because another write (a tag, say) already carries them. */
  settle(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.isDirty = false
  }
}
