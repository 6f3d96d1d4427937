import type { Flushable } from './pending'

export interface DeferredWork<T> extends Flushable {
  /** Settles with the work's result, whenever it ran. */
  done: Promise<T>
}

/**
 * Runs work once the browser has painted the next frame, so what the analyst just did shows first and the write
 * it causes follows. `flush` runs it at once (a close or an article switch must not wait); it never runs twice.
 * A hidden window paints no frames, so a timer runs it there.
 */
export function afterNextPaint<T>(work: () => Promise<T>): DeferredWork<T> {
  let started: Promise<T> | null = null
  let resolveDone!: (v: T) => void
  let rejectDone!: (e: unknown) => void
  const done = new Promise<T>((res, rej) => {
    resolveDone = res
    rejectDone = rej
  })
  const run = (): Promise<T> => {
    if (!started) {
      started = work()
      started.then(resolveDone, rejectDone)
    }
    return started
  }
  const quietly = () => void run().catch(() => {})
  requestAnimationFrame(() => setTimeout(quietly, 0))
  setTimeout(quietly, 250)
  return { done, flush: () => run().then(() => undefined, () => undefined) }
}
