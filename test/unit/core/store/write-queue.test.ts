import { describe, expect, it } from 'vitest'
import { WriteQueue } from '../../../../src-main/core/store/write-queue'

describe('WriteQueue', () => {
  it('runs writes one at a time, in order', async () => {
    const q = new WriteQueue()
    const log: string[] = []
    let active = 0
    const job = (name: string) => async () => {
      active++
      expect(active).toBe(1)
      await new Promise((r) => setTimeout(r, 2))
      log.push(name)
      active--
    }
    await Promise.all([q.schedule('a', job('a')), q.schedule('b', job('b')), q.schedule('c', job('c'))])
    expect(log).toEqual(['a', 'b', 'c'])
  })

  it('folds repeated requests for a file that has not started writing into one write', async () => {
    const q = new WriteQueue()
    let writes = 0
    let release!: () => void
    const blocker = new Promise<void>((r) => (release = r))
    const first = q.schedule('x', () => blocker)
    const waits = Array.from({ length: 20 }, () => q.schedule('y', async () => void writes++))
    release()
    await Promise.all([first, ...waits])
    expect(writes).toBe(1)
  })

  it('no longer counts a write as pending once it has told its listener the write is done', async () => {
    const seen: boolean[] = []
    const q = new WriteQueue({ onWritten: (key) => seen.push(q.isPending(key)) })
    await q.schedule('article:1', async () => {})
    expect(seen).toEqual([false])
    expect(q.pending).toBe(0)
  })

  it('keeps a failed write pending, tells the caller, and retries it', async () => {
    const errors: string[] = []
    const q = new WriteQueue({ onError: (_e, key) => errors.push(key) }, { first: 10, max: 20 })
    let attempts = 0
    const run = async () => {
      attempts++
      if (attempts < 3) throw Object.assign(new Error('full'), { code: 'ENOSPC' })
    }
    await expect(q.schedule('article:1', run)).rejects.toThrow('full')
    expect(q.failing).toEqual(['article:1'])
    expect(q.pending).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 200))
    expect(attempts).toBe(3)
    expect(q.failing).toEqual([])
    expect(errors.length).toBe(2)
    q.dispose()
  })
})

describe('WriteQueue spacing', () => {
  it('writes a single edit at once, and a burst of edits to one file a few times instead of each time', async () => {
    let clock = 0
    const q = new WriteQueue({}, undefined, { spacing: () => 250, now: () => clock })
    let writes = 0
    const run = async () => void writes++
    await q.schedule('article:a', run)
    expect(writes).toBe(1)
    const burst: Array<Promise<void>> = []
    for (let i = 0; i < 20; i++) {
      clock += 50
      burst.push(q.schedule('article:a', run))
      await new Promise((r) => setTimeout(r, 0))
    }
    // Twenty edits, 50 ms apart, cost one write per 250 ms of spacing: four in that second, not twenty.
    await q.drain()
    await Promise.all(burst)
    expect(writes).toBe(1 + 4)
    q.dispose()
  })

  it('keeps the order of files even while the first waits out its spacing', async () => {
    const q = new WriteQueue({}, undefined, { spacing: (k) => (k === 'article:a' ? 40 : 0) })
    const log: string[] = []
    await q.schedule('article:a', async () => void log.push('a1'))
    const a2 = q.schedule('article:a', async () => void log.push('a2'))
    const index = q.schedule('index', async () => void log.push('index'))
    await Promise.all([a2, index])
    expect(log).toEqual(['a1', 'a2', 'index'])
    q.dispose()
  })

  it('flushes at once when drained, without waiting out the spacing', async () => {
    const q = new WriteQueue({}, undefined, { spacing: () => 60_000 })
    let writes = 0
    await q.schedule('x', async () => void writes++)
    void q.schedule('x', async () => void writes++)
    const started = performance.now()
    await q.drain()
    expect(writes).toBe(2)
    expect(performance.now() - started).toBeLessThan(5_000)
    q.dispose()
  })

  it('forgets the writes of a file that no longer exists, so a retry cannot bring it back', async () => {
    const q = new WriteQueue({}, { first: 10, max: 10 })
    let attempts = 0
    await expect(
      q.schedule('article:gone', async () => {
        attempts++
        throw Object.assign(new Error('full'), { code: 'ENOSPC' })
      }),
    ).rejects.toThrow('full')
    q.forget('article:gone')
    expect(q.failing).toEqual([])
    expect(q.pending).toBe(0)
    await new Promise((r) => setTimeout(r, 60))
    expect(attempts).toBe(1)
    q.dispose()
  })

  it('tells each successful write and counts a running write as pending', async () => {
    const written: string[] = []
    const q = new WriteQueue({ onWritten: (k) => written.push(k) })
    let release!: () => void
    const p = q.schedule('a', () => new Promise<void>((r) => (release = r)))
    await new Promise((r) => setTimeout(r, 0))
    expect(q.pending).toBe(1)
    expect(q.isPending('a')).toBe(true)
    release()
    await p
    expect(q.pending).toBe(0)
    expect(written).toEqual(['a'])
  })
})

describe('WriteQueue status', () => {
  it('says "saving" once per stretch of work and "saved" once it is all on disk, even across spacing waits', async () => {
    const log: string[] = []
    const q = new WriteQueue({ onStart: () => log.push('saving'), onIdle: () => log.push('saved') }, undefined, { spacing: () => 30 })
    await q.schedule('a', async () => {})
    await Promise.all([q.schedule('a', async () => {}), q.schedule('b', async () => {}), q.schedule('a', async () => {})])
    await q.drain()
    expect(log).toEqual(['saving', 'saved', 'saving', 'saved'])
    q.dispose()
  })
})
