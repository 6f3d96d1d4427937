/**
 * Locks a protected notebook after a time without use. Idle time is the operating system's (no keyboard or mouse
 * anywhere), read by main, so a window that is merely left open on a desk still locks, and nothing in the page
 * can hold the notebook open.
 */

export interface IdleLockOptions {
  /** A function when the analyst can change it (a setting): it is read again at each start and check. */
  timeoutMs: number | (() => number)
  /** How long the user has been idle, in milliseconds. */
  idleMs: () => number
  /** Locks the notebook; the timer stops until it is started again (after the next unlock). */
  lock: () => Promise<void>
  pollMs?: number
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval }
}

export class IdleLock {
  private timer: ReturnType<typeof setInterval> | null = null
  private locking = false

  constructor(private readonly options: IdleLockOptions) {}

  private timeout(): number {
    const t = this.options.timeoutMs
    return typeof t === 'function' ? t() : t
  }

  get running(): boolean {
    return this.timer !== null
  }

  start(): void {
    if (this.timer) return
    const timers = this.options.timers ?? { setInterval, clearInterval }
    // Polled a few times per timeout, so the lock comes at most a fraction of the timeout late.
    const poll = this.options.pollMs ?? Math.max(1000, Math.min(15_000, Math.floor(this.timeout() / 4)))
    this.timer = timers.setInterval(() => void this.check(), poll)
    ;(this.timer as { unref?: () => void }).unref?.()
  }

  stop(): void {
    if (!this.timer) return
    ;(this.options.timers ?? { setInterval, clearInterval }).clearInterval(this.timer)
    this.timer = null
  }

  /** Checks once; exposed so the app can check at once when the system resumes or the screen locks. */
  async check(): Promise<boolean> {
    if (this.locking || this.options.idleMs() < this.timeout()) return false
    return this.lockNow()
  }

  async lockNow(): Promise<boolean> {
    if (this.locking) return false
    this.locking = true
    try {
      this.stop()
      await this.options.lock()
      return true
    } finally {
      this.locking = false
    }
  }
}
