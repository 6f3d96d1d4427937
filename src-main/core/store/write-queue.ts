/**
 * One serialized queue for every write of a notebook: main is the only writer and writes never interleave.
 * A write requested for a file whose previous request has not started yet joins it, since the write reads the
 * latest in-memory data when it runs: twenty edits in a second cost one or two disk writes, not twenty.
 * A write that fails (disk full, read-only disk) keeps its data in memory and is retried with backoff;
 * callers waiting on it see the error, and `pending` stays non-zero so the app can refuse to close silently.
 */
export interface QueueEvents {
  onStart?: () => void
  onIdle?: (at: Date) => void
  onError?: (err: unknown, key: string) => void
}

interface Job {
  key: string
  run: () => Promise<void>
  waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }>
}

export class WriteQueue {
  private queue: Job[] = []
  private running = false
  private failed = new Map<string, Job>()
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private retryDelay: number
  private idleWaiters: Array<() => void> = []

  constructor(
    private readonly events: QueueEvents = {},
    private readonly retry = { first: 500, max: 30_000 },
  ) {
    this.retryDelay = retry.first
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

  get pending(): number {
    return this.queue.length + this.failed.size + (this.running ? 1 : 0)
  }

  /** Waits until every queued write has been tried; failed ones stay scheduled for retry. */
  async drain(): Promise<void> {
    if (!this.running && this.queue.length === 0) return
    await new Promise<void>((r) => this.idleWaiters.push(r))
  }

  /** Retries failed writes now (the app calls this before closing and when the user asks). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    for (const job of this.failed.values()) {
      if (!this.queue.some((j) => j.key === job.key)) this.queue.push({ ...job, waiters: [] })
    }
    this.failed.clear()
    void this.pump()
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    this.events.onStart?.()
    try {
      while (this.queue.length > 0) {
        const job = this.queue.shift()!
        try {
          await job.run()
          this.failed.delete(job.key)
          this.retryDelay = this.retry.first
          for (const w of job.waiters) w.resolve()
        } catch (err) {
          this.failed.set(job.key, { ...job, waiters: [] })
          this.events.onError?.(err, job.key)
          for (const w of job.waiters) w.reject(err)
          this.scheduleRetry()
        }
      }
    } finally {
      this.running = false
    }
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
