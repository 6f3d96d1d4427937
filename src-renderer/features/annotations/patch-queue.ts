import type { Annotation, AnnotationPatch } from '../../../src-main/shared/model/annotation'

/**
 * Collects metadata edits per annotation and sends them as one patch after a short pause, in order. The panel shows
 * edits at once (optimistically); a reply from the store replaces the record only when no newer edit is waiting,
 * so a slow reply never undoes what the analyst just typed.
 */
export interface PatchQueueOptions {
  delay: number
  send: (id: string, patch: AnnotationPatch) => Promise<Annotation>
  onSaved: (record: Annotation) => void
  onError: (id: string, err: unknown) => void
}

export class PatchQueue {
  private pending = new Map<string, AnnotationPatch>()
  /** Sends queued or on the wire, per annotation: a reply is stale while a later send for the same record exists. */
  private outstanding = new Map<string, number>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly opts: PatchQueueOptions) {}

  add(id: string, patch: AnnotationPatch, { immediate = false }: { immediate?: boolean } = {}): void {
    this.pending.set(id, { ...this.pending.get(id), ...patch })
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), immediate ? 0 : this.opts.delay)
  }

  /** Whether edits to this annotation are waiting or on their way to the store. */
  hasPending(id: string): boolean {
    return this.pending.has(id) || (this.outstanding.get(id) ?? 0) > 0
  }

  /** Drops waiting edits of an annotation that is being deleted. */
  forget(id: string): void {
    this.pending.delete(id)
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = [...this.pending]
    this.pending.clear()
    for (const [id, patch] of batch) {
      this.outstanding.set(id, (this.outstanding.get(id) ?? 0) + 1)
      this.chain = this.chain.then(async () => {
        try {
          const record = await this.opts.send(id, patch)
          const later = this.outstanding.get(id)! - 1
          this.outstanding.set(id, later)
          if (later === 0 && !this.pending.has(id)) this.opts.onSaved(record)
        } catch (err) {
          this.outstanding.set(id, this.outstanding.get(id)! - 1)
          this.opts.onError(id, err)
        }
      })
    }
    return this.chain
  }
}
