import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PatchQueue } from '../../../../src-renderer/features/annotations/patch-queue'
import type { Annotation, AnnotationPatch } from '../../../../src-main/shared/model/annotation'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const record = (id: string, patch: AnnotationPatch) => ({ id, ...patch }) as unknown as Annotation

describe('PatchQueue', () => {
  it('merges edits to one annotation into one patch after the pause', async () => {
    const send = vi.fn(async (id: string, p: AnnotationPatch) => record(id, p))
    const onSaved = vi.fn()
    const q = new PatchQueue({ delay: 500, send, onSaved, onError: vi.fn() })
    q.add('a', { note: 'x' })
    q.add('a', { note: 'xy' })
    q.add('a', { tags: ['t'] })
    await vi.advanceTimersByTimeAsync(500)
    expect(send).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledWith('a', { note: 'xy', tags: ['t'] })
    expect(onSaved).toHaveBeenCalledOnce()
  })

  it('does not let a reply overwrite a newer edit still waiting', async () => {
    let resolve: (a: Annotation) => void = () => {}
    const send = vi.fn((id: string, p: AnnotationPatch) => new Promise<Annotation>((r) => (resolve = () => r(record(id, p)))))
    const onSaved = vi.fn()
    const q = new PatchQueue({ delay: 500, send, onSaved, onError: vi.fn() })
    q.add('a', { note: 'first' })
    const flushing = q.flush()
    q.add('a', { note: 'second' })
    await vi.advanceTimersByTimeAsync(0)
    expect(send).toHaveBeenCalledTimes(1)
    resolve(record('a', {}))
    await flushing
    expect(onSaved).not.toHaveBeenCalled()
    expect(q.hasPending('a')).toBe(true)
  })

  it('ignores the reply to an earlier send while a later send for the same annotation is queued', async () => {
    const resolvers: Array<() => void> = []
    const send = vi.fn((id: string, p: AnnotationPatch) => new Promise<Annotation>((r) => resolvers.push(() => r(record(id, p)))))
    const onSaved = vi.fn()
    const q = new PatchQueue({ delay: 500, send, onSaved, onError: vi.fn() })
    q.add('a', { credibility: '2' })
    void q.flush()
    await vi.advanceTimersByTimeAsync(0)
    q.add('a', { sourceIds: ['ann_s000000000000001'] })
    const second = q.flush()
    expect(q.hasPending('a')).toBe(true)
    resolvers[0]!()
    await vi.advanceTimersByTimeAsync(0)
    expect(onSaved).not.toHaveBeenCalled()
    resolvers[1]!()
    await second
    expect(onSaved).toHaveBeenCalledOnce()
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ sourceIds: ['ann_s000000000000001'] })
    expect(q.hasPending('a')).toBe(false)
  })

  it('reports failures per annotation and drops forgotten edits', async () => {
    const onError = vi.fn()
    const send = vi.fn().mockRejectedValue(new Error('no'))
    const q = new PatchQueue({ delay: 500, send, onSaved: vi.fn(), onError })
    q.add('gone', { note: 'x' })
    q.forget('gone')
    q.add('b', { note: 'y' }, { immediate: true })
    await vi.advanceTimersByTimeAsync(0)
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0]![0]).toBe('b')
    expect(onError).toHaveBeenCalledWith('b', expect.any(Error))
  })
})
