import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CloseGuard, FLUSH_TIMEOUT_MS, type CloseGuardDeps } from '../../../src-main/main/close-guard'
import type { UnsavedChoice } from '../../../src-main/main/dialogs'

/** A store whose writes fail until `healAfter` retries have been made. */
function fakeStore(healAfter = 0) {
  const store = {
    failing: [] as string[],
    retries: 0,
    flushes: 0,
    get failingFiles() {
      return [...store.failing]
    },
    flush: vi.fn(async () => void store.flushes++),
    retryFailedWrites: vi.fn(() => {
      store.retries++
      if (store.retries >= healAfter) store.failing = []
    }),
  }
  return store
}

function guardWith(store: ReturnType<typeof fakeStore>, answers: UnsavedChoice[] = [], over: Partial<CloseGuardDeps> = {}) {
  const log: string[] = []
  const deps: CloseGuardDeps = {
    requestFlush: vi.fn(() => {
      log.push('request-flush')
      return true
    }),
    store,
    describeFailures: (files) => files.join(', '),
    askUnsaved: vi.fn(async (detail: string) => {
      log.push(`ask:${detail}`)
      const answer = answers.shift()
      if (!answer) throw new Error('the analyst was asked more often than the test expected')
      return answer
    }),
    ...over,
  }
  return { guard: new CloseGuard(deps), deps, log }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('closing the window', () => {
  it('asks the renderer to flush and waits for its answer before draining the store', async () => {
    const store = fakeStore()
    const { guard } = guardWith(store)
    const closing = guard.prepareToClose()
    await vi.advanceTimersByTimeAsync(1000)
    expect(store.flush).not.toHaveBeenCalled()
    guard.windowFlushed()
    await expect(closing).resolves.toBe(true)
    expect(store.flush).toHaveBeenCalledOnce()
    expect(guard.mayClose).toBe(true)
  })

  it('gives up waiting for a silent renderer after the timeout, then still drains the store', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const store = fakeStore()
    const { guard } = guardWith(store)
    const closing = guard.prepareToClose()
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1)
    expect(store.flush).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    await expect(closing).resolves.toBe(true)
    expect(store.flush).toHaveBeenCalledOnce()
  })

  it('does not wait when there is no window to ask', async () => {
    const store = fakeStore()
    const { guard } = guardWith(store, [], { requestFlush: () => false })
    await expect(guard.prepareToClose()).resolves.toBe(true)
  })

  it('shares one flush between repeated close requests', async () => {
    const store = fakeStore()
    const { guard, deps } = guardWith(store)
    const a = guard.prepareToClose()
    const b = guard.prepareToClose()
    guard.windowFlushed()
    expect(await Promise.all([a, b])).toEqual([true, true])
    expect(deps.requestFlush).toHaveBeenCalledOnce()
    await expect(guard.prepareToClose()).resolves.toBe(true)
    expect(deps.requestFlush).toHaveBeenCalledOnce()
  })
})

describe('when writes keep failing', () => {
  it('never closes silently: the analyst can keep editing', async () => {
    const store = fakeStore(Infinity)
    store.failing = ['article:art_1']
    const { guard, log } = guardWith(store, ['keep-editing'])
    const closing = guard.prepareToClose()
    guard.windowFlushed()
    await expect(closing).resolves.toBe(false)
    expect(log).toEqual(['request-flush', 'ask:article:art_1'])
    expect(guard.mayClose).toBe(false)
  })

  it('retries the writes when asked, and closes once they succeed', async () => {
    const store = fakeStore(2)
    store.failing = ['index']
    const { guard, deps } = guardWith(store, ['retry'])
    const closing = guard.prepareToClose()
    guard.windowFlushed()
    await expect(closing).resolves.toBe(true)
    expect(store.retries).toBe(2)
    expect(deps.askUnsaved).toHaveBeenCalledOnce()
  })

  it('asks again while a retry still fails, and closes on "quit anyway"', async () => {
    const store = fakeStore(Infinity)
    store.failing = ['index']
    const { guard, deps } = guardWith(store, ['retry', 'retry', 'quit-anyway'])
    const closing = guard.prepareToClose()
    guard.windowFlushed()
    await expect(closing).resolves.toBe(true)
    expect(deps.askUnsaved).toHaveBeenCalledTimes(3)
    expect(guard.mayClose).toBe(true)
  })

  it('starts over after the analyst chose to keep editing', async () => {
    const store = fakeStore(Infinity)
    store.failing = ['index']
    const { guard, deps } = guardWith(store, ['keep-editing', 'quit-anyway'])
    const first = guard.prepareToClose()
    guard.windowFlushed()
    await expect(first).resolves.toBe(false)
    const second = guard.prepareToClose()
    guard.windowFlushed()
    await expect(second).resolves.toBe(true)
    expect(deps.requestFlush).toHaveBeenCalledTimes(2)
  })
})
