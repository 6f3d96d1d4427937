import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks'

/**
 * How long the event loop was blocked while `work` ran: the worst lateness of a 1 ms timer over that time, from
 * perf_hooks' monitorEventLoopDelay. It includes every synchronous stretch (serializing, parsing, callbacks) and
 * whatever the operating system took from the process meanwhile, so on a busy machine it reads high, never low.
 * Beside it, the event loop's busy time (eventLoopUtilization) over the work: all its synchronous stretches summed,
 * which bounds the longest one from above and does not count time the process sat descheduled while idle.
 */
export async function timeAndBlocking<T>(work: () => Promise<T>): Promise<{ ms: number; blockedMs: number; busyMs: number; result: T }> {
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  // The first tick only starts the clock: let a few pass, or a block right at the start goes unseen.
  await new Promise((r) => setTimeout(r, 3))
  const t = performance.now()
  const elu = performance.eventLoopUtilization()
  const result = await work()
  const elapsed = performance.now() - t
  // Time the loop spent running rather than waiting in the poll: every synchronous stretch of the work added up.
  const busy = performance.eventLoopUtilization(elu).active
  // One more turn, so a block at the very end is sampled too.
  await new Promise((r) => setTimeout(r, 2))
  h.disable()
  // Each sample is a whole interval, 1 ms when nothing blocks; what exceeds it is time the loop could not run.
  const blocked = h.count > 0 ? Math.max(0, h.max / 1e6 - 1) : 0
  return { ms: elapsed, blockedMs: blocked, busyMs: busy, result }
}
