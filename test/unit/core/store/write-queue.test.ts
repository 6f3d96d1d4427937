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
