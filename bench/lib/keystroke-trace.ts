import type { Page } from 'playwright-core'

/** One keystroke, read from a Chromium trace of the page's main thread. */
export interface KeystrokeWork {
  /** Main-thread work from the task that dispatched the keydown to the end of the frame that paints the key. */
  busyMs: number
  /** Wall clock over the same stretch: the work plus waits for the browser process and for the frame. */
  spanMs: number
}

export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { type?: string } }
}

const TASK = 'ThreadControllerImpl::RunTask'
const FRAME = 'ProxyMain::BeginMainFrame'
/** The fewest categories that hold the main thread's tasks, its event dispatches and its frames. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'cc']

/**
 * Each keystroke's work: from the start of the task whose keydown began it to the end of the first frame after
 * its input was handled, summing only the time the main thread was running a task. Waiting (for the keyup from the
 * browser process, for the frame to begin) is left out, so the figure is what the keystroke costs the page, the same
 * for any scheduler policy and frame clock. A keystroke with no frame before the next keydown is left out.
 */
export function keystrokeWork(events: readonly TraceEvent[]): KeystrokeWork[] {
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined)
  const keydowns = complete.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts)
  if (keydowns.length === 0) return []
  const { pid, tid } = keydowns[0]!
  const onMain = complete.filter((e) => e.pid === pid && e.tid === tid)
  const tasks = onMain.filter((e) => e.name === TASK).sort((a, b) => a.ts - b.ts)
  const frames = onMain.filter((e) => e.name === FRAME).sort((a, b) => a.ts - b.ts)
  const work: KeystrokeWork[] = []
  for (const [i, key] of keydowns.entries()) {
    const next = keydowns[i + 1]?.ts ?? Number.POSITIVE_INFINITY
    const start = tasks.find((t) => t.ts <= key.ts && t.ts + t.dur! >= key.ts + key.dur!)?.ts ?? key.ts
    const frame = frames.find((f) => f.ts >= key.ts + key.dur! && f.ts < next)
    if (!frame) continue
    const end = frame.ts + frame.dur!
    let busy = 0
    for (const t of tasks) {
      if (t.ts >= end) break
      busy += Math.max(0, Math.min(end, t.ts + t.dur!) - Math.max(start, t.ts))
    }
    work.push({ busyMs: busy / 1000, spanMs: (end - start) / 1000 })
  }
  return work
}

/** Runs `act` under a Chromium trace of the page's browser and returns the trace's events. */
export async function traced(page: Page, act: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])))
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' })
  try {
    await act()
  } finally {
    await cdp.send('Tracing.end')
    await complete
    await cdp.detach()
  }
  return events
}
