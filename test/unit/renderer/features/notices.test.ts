import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dismiss, noticeStore, notify, PROGRESS_DELAY_MS, withProgress } from '../../../../src-renderer/features/feedback/notices'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  for (const n of noticeStore.get()) dismiss(n.id)
  vi.useRealTimers()
})

describe('notices', () => {
  it('shows progress only for work that outlasts half a second, and clears it when the work ends', async () => {
    let finish!: () => void
    const slow = withProgress('Importing…', () => new Promise<void>((r) => (finish = r)))
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS - 10)
    expect(noticeStore.get()).toEqual([])
    await vi.advanceTimersByTimeAsync(20)
    expect(noticeStore.get()).toMatchObject([{ text: 'Importing…', tone: 'progress' }])
    finish()
    await slow
    expect(noticeStore.get()).toEqual([])

    await withProgress('Quick', async () => 1)
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS * 2)
    expect(noticeStore.get()).toEqual([])
  })

  it('clears progress when the work fails, and passes the failure on', async () => {
    const failing = withProgress('Opening…', async () => {
      await new Promise((r) => setTimeout(r, PROGRESS_DELAY_MS + 100))
      throw new Error('no such folder')
    })
    const caught = failing.catch((e: Error) => e.message)
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS + 200)
    expect(await caught).toBe('no such folder')
    expect(noticeStore.get()).toEqual([])
  })

  it('lets information fade but keeps an error until it is dismissed, and never stacks one sentence twice', async () => {
    notify('Theme: Dark')
    notify('The folder is not a notebook.', 'error')
    const error = notify('The folder is not a notebook.', 'error')
    expect(noticeStore.get().filter((n) => n.tone === 'error')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(noticeStore.get().map((n) => n.text)).toEqual(['The folder is not a notebook.'])
    dismiss(error)
    expect(noticeStore.get()).toEqual([])
  })
})
