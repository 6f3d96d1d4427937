import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Autosaver } from '../../../../src-renderer/features/article/autosaver'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function make(overrides: Partial<ConstructorParameters<typeof Autosaver<number>>[0]> = {}) {
  let value = 0
  const read = vi.fn(() => value)
  const write = vi.fn(async (_v: number) => {})
  const saver = new Autosaver<number>({ delay: 600, maxWait: 3000, read, write, ...overrides })
  return { saver, read, write, set: (v: number) => (value = v) }
}

describe('Autosaver', () => {
  it('hands the save to the scheduler when the pause is over, and serialises only when it runs', async () => {
    const queued: Array<() => void> = []
    const { saver, read, write, set } = make({ schedule: (save) => void queued.push(save) })
    set(7)
    saver.touch()
    await vi.advanceTimersByTimeAsync(600)
    expect(queued).toHaveLength(1)
    expect(read).not.toHaveBeenCalled()
    set(8)
    queued[0]!()
    await vi.advanceTimersByTimeAsync(0)
    expect(write).toHaveBeenCalledWith(8, saver.rev)
  })

  it('a key pressed while the save waits for an idle moment restarts the pause', async () => {
    const queued: Array<() => void> = []
    const { saver, write, set } = make({ schedule: (save) => void queued.push(save) })
    set(1)
    saver.touch()
    await vi.advanceTimersByTimeAsync(600)
    set(2)
    saver.touch()
    queued[0]!()
    await vi.advanceTimersByTimeAsync(0)
    expect(write).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(600)
    queued[1]!()
    await vi.advanceTimersByTimeAsync(0)
    expect(write).toHaveBeenCalledWith(2, saver.rev)
  })

  it('reads the value once, after the pause, not per edit', async () => {
    const { saver, read, write, set } = make()
    for (let i = 1; i <= 5; i++) {
      set(i)
      saver.touch()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(read).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(600)
    expect(read).toHaveBeenCalledTimes(1)
    expect(write).toHaveBeenCalledWith(5, saver.rev)
  })

  it('still saves during continuous typing, at the latest after maxWait', async () => {
    const { saver, write } = make()
    for (let t = 0; t < 3200; t += 200) {
      saver.touch()
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(write).toHaveBeenCalled()
  })

  it('flushes at once and does nothing when clean', async () => {
    const { saver, write } = make()
    await saver.flush()
    expect(write).not.toHaveBeenCalled()
    saver.touch()
    await saver.flush()
    expect(write).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(write).toHaveBeenCalledTimes(1)
  })

  it('never overlaps writes and keeps their order', async () => {
    const order: string[] = []
    let release: () => void = () => {}
    const write = vi.fn(
      (v: number) =>
        new Promise<void>((r) => {
          order.push(`start ${v}`)
          release = () => {
            order.push(`end ${v}`)
            r()
          }
        }),
    )
    const { saver, set } = make({ write })
    set(1)
    saver.touch()
    const first = saver.flush()
    set(2)
    saver.touch()
    const second = saver.flush()
    await Promise.resolve()
    expect(order).toEqual(['start 1'])
    release()
    await first
    await Promise.resolve()
    release()
    await second
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2'])
  })

  it('keeps the edit unsaved when the write fails, so the next flush retries', async () => {
    const onError = vi.fn()
    const write = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined)
    const { saver } = make({ write, onError })
    saver.touch()
    await saver.flush()
    expect(onError).toHaveBeenCalledOnce()
    expect(saver.dirty).toBe(true)
    await saver.flush()
    expect(write).toHaveBeenCalledTimes(2)
    expect(saver.dirty).toBe(false)
  })

  it('forgets pending edits that another write carries', async () => {
    const { saver, write } = make()
    saver.touch()
    saver.settle()
    await vi.advanceTimersByTimeAsync(1000)
    await saver.flush()
    expect(write).not.toHaveBeenCalled()
  })

  it('reports a value it cannot read instead of writing something wrong', async () => {
    const onError = vi.fn()
    const { saver, write } = make({
      read: () => {
        throw new Error('editor gone')
      },
      onError,
    })
    saver.touch()
    await saver.flush()
    expect(write).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledOnce()
    expect(saver.dirty).toBe(true)
  })

  describe('with a hot-exit journal', () => {
    const journaled = () => {
      const record = vi.fn((_v: number, _rev: number) => {})
      return { record, journal: { delay: 1000, record } }
    }

    it('records nothing when the save lands first: a pause in typing costs no extra read', async () => {
      const { record, journal } = journaled()
      const { saver, read, write } = make({ journal })
      saver.touch()
      await vi.advanceTimersByTimeAsync(2000)
      expect(write).toHaveBeenCalledOnce()
      expect(read).toHaveBeenCalledOnce()
      expect(record).not.toHaveBeenCalled()
    })

    it('records steady typing on a fixed deadline, once per deadline, while the save keeps being put off', async () => {
      const { record, journal } = journaled()
      const { saver, read, write, set } = make({ journal })
      for (let i = 1; i <= 12; i++) {
        set(i)
        saver.touch()
        await vi.advanceTimersByTimeAsync(200)
      }
      expect(write).not.toHaveBeenCalled()
      expect(record.mock.calls.map((c) => c[0])).toEqual([5, 10])
      expect(read).toHaveBeenCalledTimes(2)
      const revs = record.mock.calls.map((c) => c[1])
      expect(revs[1]).toBeGreaterThan(revs[0]!)
      // The save carries the latest revision, so main settles every entry up to it.
      await saver.flush()
      expect(write).toHaveBeenCalledWith(12, saver.rev)
      expect(saver.rev).toBeGreaterThan(revs[1]!)
    })

    it('records through the scheduler, reading the value only then, and not at all once a flush came first', async () => {
      const { record, journal } = journaled()
      const queued: Array<() => void> = []
      const { saver, read, set } = make({ journal, schedule: (run) => void queued.push(run) })
      for (let i = 1; i <= 6; i++) {
        set(i)
        saver.touch()
        await vi.advanceTimersByTimeAsync(200)
      }
      // The journal's deadline passed at the fifth key; the save is still put off by each key.
      expect(queued).toHaveLength(1)
      expect(read).not.toHaveBeenCalled()
      set(7)
      queued[0]!()
      expect(record).toHaveBeenCalledExactlyOnceWith(7, saver.rev)
      saver.touch()
      // Both the save's pause and the journal's next deadline pass; the flush comes before either runs.
      await vi.advanceTimersByTimeAsync(1000)
      await saver.flush()
      for (const run of queued.slice(1)) run()
      await vi.advanceTimersByTimeAsync(0)
      expect(record).toHaveBeenCalledOnce()
    })

    it('records a value whose write failed, so a crash before the retry does not lose it', async () => {
      const { record, journal } = journaled()
      const { saver } = make({ journal, write: vi.fn(async () => Promise.reject(new Error('disk full'))), onError: () => {} })
      saver.touch()
      await saver.flush()
      expect(record).toHaveBeenCalledExactlyOnceWith(0, saver.rev)
      expect(saver.dirty).toBe(true)
    })

    it('revisions keep rising across savers, as a reopened article needs', () => {
      const a = make().saver
      const b = make().saver
      a.touch()
      b.touch()
      a.touch()
      expect(b.rev).toBeGreaterThan(0)
      expect(a.rev).toBeGreaterThan(b.rev)
    })
  })
})
