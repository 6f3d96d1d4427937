/**
 * One serialized queue for every write of a notebook: main is the only writer and writes never interleave.
 * A write requested for a file whose previous request has not started yet joins it, since the write reads the
 * latest in-memory data when it runs. A file written moments ago waits out a short spacing before it is written
 * again, so a burst of edits (twenty in a second) costs a few disk writes, while a single edit after a pause goes
 * to disk at once.
 * A write that fails (disk full, read-only disk) keeps its data in memory and is retried with backoff;
 * callers waiting on it see the error, and `pending` stays non-zero so the app can refuse to close silently.
 */
export interface QueueEvents {
  onStart?: () => void
  onIdle?: (at: Date) => void
  onError?: (err: unknown, key: string) => void
  /** A write of `key` reached the disk. */
  onWritten?: (key: string) => void
}

export interface QueueTiming {
  retry?: { first: number; max: number }
  /** Least time from the start of one write of a file to the start of the next write of the same file. */
  spacing?: (key: string) => number
  now?: () => number
}

interface Waiter {
  resolve: () => void
  reject: (e: unknown) => void
}

interface Job {
  key: string
  run: () => Promise<void>
  waiters: Waiter[]
}

export class WriteQueue {
  private queue: Job[] = []
  private running = false
  private current: string | null = null
  private failed = new Map<string, { job: Job; error: unknown }>()
  private lastStart = new Map<string, number>()
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private spacingTimer: ReturnType<typeof setTimeout> | null = null
  private retryDelay: number
  private idleWaiters: Array<() => void> = []
  /** While someone waits in `drain`, spacing is ignored: flushing before close must not dawdle. */
  private urgent = 0
  /** Whether onStart was sent for the current stretch of work, so a status line hears "saving" once, then "saved". */
  private announced = false
  private readonly retry: { first: number; max: number }
  private readonly spacing: (key: string) => number
  private readonly now: () => number

  constructor(
    private readonly events: QueueEvents = {},
    retry: { first: number; max: number } = { first: 500, max: 30_000 },
    timing: Omit<QueueTiming, 'retry'> = {},
  ) {
    this.retry = retry
    this.retryDelay = retry.first
    this.spacing = timing.spacing ?? (() => 0)
    this.now = timing.now ?? (() => performance.now())
  }

  /** Resolves once a write that includes everything in memory for `key` at call time is on disk. */
  schedule(key: string, run: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      const queued = this.queue.find((j) => j.key === key)
      if (queued) {
        queued.run = run
        queued.waiters.push({ resolve, reject })
      } else {
        this.queue.push({ key, run, waiters: [{ resolve, reject }] })
      }
      void this.pump()
    })
  }

  /** Files whose last write failed and still wait for a retry. */
  get failing(): string[] {
    return [...this.failed.keys()]
  }

  /** Why each failing file failed: the error of its last attempt. */
  get failures(): Array<{ key: string; error: unknown }> {
    return [...this.failed.entries()].map(([key, f]) => ({ key, error: f.error }))
  }

  /** Files with a write not yet on disk: queued, running or failed. */
  get pending(): number {
    const keys = new Set([...this.queue.map((j) => j.key), ...this.failed.keys()])
    if (this.current !== null) keys.add(this.current)
    return keys.size
  }

  /** Whether a write of `key` is queued, running or failed. */
  isPending(key: string): boolean {
    return this.current === key || this.failed.has(key) || this.queue.some((j) => j.key === key)
  }

  /**
   * Drops queued and failed writes of a file that no longer exists (a deleted article), so a retry cannot bring
   * it back. Callers still waiting are told the write is done: there is nothing left to save.
   */
  forget(key: string): void {
    const i = this.queue.findIndex((j) => j.key === key)
    if (i >= 0) for (const w of this.queue.splice(i, 1)[0]!.waiters) w.resolve()
    this.failed.delete(key)
  }

  /** Waits until every queued write has been tried, ignoring spacing; failed ones stay scheduled for retry. */
  async drain(): Promise<void> {
    if (!this.running && this.queue.length === 0) return
    this.urgent++
    try {
      const idle = new Promise<void>((r) => this.idleWaiters.push(r))
      void this.pump()
      await idle
    } finally {
      this.urgent--
    }
  }

  /** Retries failed writes now (the app calls this before closing and when the user asks). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    for (const { job } of this.failed.values()) {
      if (!this.queue.some((j) => j.key === job.key)) this.queue.push({ ...job, waiters: [] })
    }
    void this.pump()
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.spacingTimer) clearTimeout(this.spacingTimer)
    this.retryTimer = null
    this.spacingTimer = null
  }

  /** How long the head of the queue must still wait before its file may be written again. */
  private waitFor(job: Job): number {
    if (this.urgent > 0 || this.failed.has(job.key)) return 0
    const last = this.lastStart.get(job.key)
    if (last === undefined) return 0
    return Math.max(0, last + this.spacing(job.key) - this.now())
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    if (this.spacingTimer) clearTimeout(this.spacingTimer)
    this.spacingTimer = null
    if (!this.announced) {
      this.announced = true
      this.events.onStart?.()
    }
    let waiting = false
    try {
      while (this.queue.length > 0) {
        // Strictly first in, first out, even when the head must wait: an article file is always on disk before
        // the index entry that names it.
        const head = this.queue[0]!
        const wait = this.waitFor(head)
        if (wait > 0) {
          waiting = true
          this.spacingTimer = setTimeout(() => {
            this.spacingTimer = null
            void this.pump()
          }, wait)
          break
        }
        this.queue.shift()
        this.lastStart.set(head.key, this.now())
        this.current = head.key
        let error: { cause: unknown } | null = null
        try {
          await head.run()
        } catch (err) {
          error = { cause: err }
        }
        // Cleared before anyone hears of the outcome: a listener asking whether the file still has a write pending
        // must not be told yes by the write that just ended.
        this.current = null
        if (error) {
          this.failed.set(head.key, { job: { ...head, waiters: [] }, error: error.cause })
          this.events.onError?.(error.cause, head.key)
          for (const w of head.waiters) w.reject(error.cause)
          this.scheduleRetry()
        } else {
          this.failed.delete(head.key)
          this.retryDelay = this.retry.first
          this.events.onWritten?.(head.key)
          for (const w of head.waiters) w.resolve()
        }
      }
    } finally {
      this.running = false
    }
    if (waiting) return
    this.announced = false
    if (this.failed.size === 0) this.events.onIdle?.(new Date())
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const w of waiters) w()
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return
    const delay = this.retryDelay
    this.retryDelay = Math.min(this.retryDelay * 2, this.retry.max)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.retryNow()
    }, delay)
    this.retryTimer.unref?.()
  }
}
