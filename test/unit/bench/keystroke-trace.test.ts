import { describe, expect, it } from 'vitest'
import { keystrokeWork, type TraceEvent } from '../../../bench/lib/keystroke-trace'

const MAIN = { pid: 1, tid: 10 }
const OTHER = { pid: 1, tid: 11 }
const task = (ts: number, dur: number, at = MAIN): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, ...at })
const keydown = (ts: number, dur: number): TraceEvent => ({ name: 'EventDispatch', ph: 'X', ts, dur, ...MAIN, args: { data: { type: 'keydown' } } })
const frame = (ts: number, dur: number): TraceEvent => ({ name: 'ProxyMain::BeginMainFrame', ph: 'X', ts, dur, ...MAIN })

describe('keystrokeWork', () => {
  it('sums the main thread busy time from the keydown task to the end of the frame after it, leaving waits out', () => {
    // Times in microseconds, as Chromium writes them.
    const events = [
      task(1_000, 5_000), // the keydown's task: 5 ms
      keydown(1_200, 400),
      task(8_000, 300), // the keyup, after a 2 ms wait
      task(12_000, 3_000), // the frame, after a 3.7 ms wait for the display
      frame(12_100, 2_800),
      task(9_000, 4_000, OTHER), // another thread's work is not this page's
    ]
    const [work] = keystrokeWork(events)
    expect(work!.busyMs).toBeCloseTo(5 + 0.3 + 2.9, 5)
    expect(work!.spanMs).toBeCloseTo(13.9, 5)
  })

  it('counts only the part of a task that falls inside the keystroke, and skips a keystroke with no frame of its own', () => {
    const events = [
      task(0, 3_000),
      keydown(500, 100),
      task(3_000, 10_000), // runs past the frame's end
      frame(4_000, 1_000),
      task(20_000, 2_000),
      keydown(20_100, 100),
      task(30_000, 2_000),
      keydown(30_100, 100), // the frame after it comes after the next keydown: not this keystroke's
      task(40_000, 1_000),
      keydown(40_100, 100),
      frame(40_500, 400),
    ]
    const work = keystrokeWork(events)
    expect(work.map((w) => Number(w.busyMs.toFixed(3)))).toEqual([5, 0.9])
  })

  it('reads nothing from a trace without keystrokes', () => {
    expect(keystrokeWork([task(0, 1_000), frame(100, 500)])).toEqual([])
  })
})
