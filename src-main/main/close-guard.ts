/**
 * Closing the window must not lose edits: the renderer first flushes its debounced autosave, then the store
 * drains its write queue, and if writes still fail the analyst decides. No electron import: index.ts wires it.
 */
import type { UnsavedChoice } from './dialogs'

export interface ClosingStore {
  flush(): Promise<void>
  readonly failingFiles: string[]
  retryFailedWrites(): void
}

export interface CloseGuardDeps {
  /** Sends the onFlushRequest event; false when there is no live window to ask. */
  requestFlush(): boolean
  store: ClosingStore
  /** Why the failing writes fail, in the analyst's words, for the warning dialog. */
  describeFailures(files: string[]): string
  askUnsaved(detail: string): Promise<UnsavedChoice>
  /** How long to wait for the renderer's `flushed` call: a hung or crashed renderer must not block quitting. */
  flushTimeoutMs?: number
}

export const FLUSH_TIMEOUT_MS = 3000

/** The warning's detail: why each failing file fails (the store's own sentence), and where the notebook is. */
export function describeFailingWrites(files: readonly string[], writes: ReadonlyArray<{ file: string; message: string }>, folder: string): string {
  const lines = files.map((f) => writes.find((w) => w.file === f)?.message ?? `${f} could not be saved.`)
  return [...new Set(lines), `The notebook is in ${folder}.`].join('\n')
}

export class CloseGuard {
  private allowed = false
  private running: Promise<boolean> | null = null
  private flushedWaiters: Array<() => void> = []

  constructor(private readonly deps: CloseGuardDeps) {}

  /** Whether the close already went through the flush: the second 'close' event must not start another. */
  get mayClose(): boolean {
    return this.allowed
  }

  /** The renderer's `flushed` call. */
  windowFlushed(): void {
    const waiters = this.flushedWaiters
    this.flushedWaiters = []
    for (const w of waiters) w()
  }

  /** Resolves true once everything is on disk or the analyst chose to quit anyway; false to keep the window. */
  prepareToClose(): Promise<boolean> {
    if (this.allowed) return Promise.resolve(true)
    this.running ??= this.run(true).finally(() => {
      this.running = null
    })
    return this.running
  }

  /**
   * The same flush before the notebook is switched under the window, which stays open: true to go ahead, false
   * when the analyst chose to keep editing the notebook whose writes fail.
   */
  prepareToLeave(): Promise<boolean> {
    this.running ??= this.run(false).finally(() => {
      this.running = null
    })
    return this.running
  }

  private async run(closing: boolean): Promise<boolean> {
    await this.waitForRenderer()
    const { store } = this.deps
    for (;;) {
      if (store.failingFiles.length > 0) store.retryFailedWrites()
      await store.flush()
      const failing = store.failingFiles
      if (failing.length === 0) break
      const choice = await this.deps.askUnsaved(this.deps.describeFailures(failing))
      if (choice === 'keep-editing') return false
      if (choice === 'quit-anyway') break
    }
    if (closing) this.allowed = true
    return true
  }

  private async waitForRenderer(): Promise<void> {
    const flushed = new Promise<void>((resolve) => this.flushedWaiters.push(resolve))
    if (!this.deps.requestFlush()) {
      this.flushedWaiters = []
      return
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.warn('[close] the window did not confirm its flush in time; closing with what main has')
        resolve()
      }, this.deps.flushTimeoutMs ?? FLUSH_TIMEOUT_MS)
    })
    await Promise.race([flushed, timeout])
    clearTimeout(timer)
  }
}
