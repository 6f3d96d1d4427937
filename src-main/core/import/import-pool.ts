import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { spawnWorker } from '../workers/spawn-worker'
import { ImportError } from './errors'
import type { ImportedArticle } from './import-file'
import type { FromImportWorker, ImportJob, WorkerFailure } from './worker-protocol'

/** Parses files and pastes into articles; the services add what it returns to the store. */
export interface Importer {
  importFile(file: { name: string; bytes: Uint8Array }): Promise<ImportedArticle>
  importPasted(input: { title: string; html?: string; text?: string }): Promise<ImportedArticle>
}

export interface ImportPoolOptions {
  /** Workers at most; by default one per core beyond the first, one or two, so main keeps a core of its own. */
  size?: number
  /** A file still being parsed after this long is given up and its worker replaced. */
  timeoutMs?: number
  /** A worker with nothing to do for this long is stopped, handing back the memory its parsers hold. */
  idleMs?: number
  /** The worker script; by default next to this module (from source) or next to the main bundle. */
  workerUrl?: URL
  /** The old-generation heap of each worker: a pathological page fails alone instead of swapping the machine. */
  maxHeapMb?: number
}

export const IMPORT_TIMEOUT_MS = 60_000
const IDLE_MS = 30_000
const MAX_HEAP_MB = 1536

interface Task {
  id: number
  job: ImportJob
  resolve: (article: ImportedArticle) => void
  reject: (err: ImportError) => void
}

interface Slot {
  worker: Worker
  task: Task | null
  timer: NodeJS.Timeout | null
  idle: NodeJS.Timeout | null
}

/**
 * jsdom and Readability take 100–700 ms per page, so imports run in a small pool of worker threads and main's
 * event loop stays free for the window. Jobs queue in the order given and each is answered on its own promise;
 * a worker that crashes, runs out of memory or overruns the timeout fails only the job it was on, and a new
 * worker takes the rest. Idle workers never keep the process alive.
 */
export class ImportPool implements Importer {
  private readonly queue: Task[] = []
  private readonly slots = new Set<Slot>()
  private nextId = 1
  private closed = false
  private readonly size: number
  private readonly timeoutMs: number
  private readonly idleMs: number
  private readonly maxHeapMb: number

  constructor(private readonly options: ImportPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1))
    this.timeoutMs = options.timeoutMs ?? IMPORT_TIMEOUT_MS
    this.idleMs = options.idleMs ?? IDLE_MS
    this.maxHeapMb = options.maxHeapMb ?? MAX_HEAP_MB
  }

  importFile(file: { name: string; bytes: Uint8Array }): Promise<ImportedArticle> {
    return this.run({ kind: 'file', name: file.name, bytes: file.bytes })
  }

  importPasted(input: { title: string; html?: string; text?: string }): Promise<ImportedArticle> {
    return this.run({ kind: 'paste', ...input })
  }

  /** Workers it runs at most. */
  get capacity(): number {
    return this.size
  }

  /** Workers running now (tests and the benchmark look; nothing else needs to). */
  get workers(): number {
    return this.slots.size
  }

  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0)) task.reject(new ImportError('importer-stopped', `${subject(task.job)} was not imported because the notebook closed.`, fileName(task.job)))
    const slots = [...this.slots]
    this.slots.clear()
    await Promise.all(
      slots.map((slot) => {
        this.clearTimers(slot)
        slot.task?.reject(new ImportError('importer-stopped', `${subject(slot.task.job)} was not imported because the notebook closed.`, fileName(slot.task.job)))
        return slot.worker.terminate()
      }),
    )
  }

  private run(job: ImportJob): Promise<ImportedArticle> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new ImportError('importer-stopped', `${subject(job)} was not imported because the notebook closed.`, fileName(job)))
        return
      }
      this.queue.push({ id: this.nextId++, job, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.task === null)
      if (!slot) {
        if (this.slots.size >= this.size) return
        slot = this.spawn()
      }
      this.assign(slot, this.queue.shift()!)
    }
  }

  private spawn(): Slot {
    const worker = spawnWorker(this.workerUrl(), undefined, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } })
    const slot: Slot = { worker, task: null, timer: null, idle: null }
    worker.on('message', (m: FromImportWorker) => this.answer(slot, m))
    worker.on('error', (err: Error & { code?: string }) => this.lose(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : err.message))
    worker.on('exit', (code) => this.lose(slot, `it exited with code ${code}`))
    this.slots.add(slot)
    return slot
  }

  private workerUrl(): URL {
    if (this.options.workerUrl) return this.options.workerUrl
    const here = import.meta.url
    // Variables, so the bundler leaves the names alone instead of treating them as assets.
    const name = /\.ts$/.test(here) ? './worker.ts' : './import-worker.js'
    return new URL(name, here)
  }

  private assign(slot: Slot, task: Task): void {
    this.clearTimers(slot)
    slot.task = task
    // A job in flight must keep the CLI alive until it is answered; an idle worker must not.
    slot.worker.ref()
    slot.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs)
    slot.worker.postMessage({ id: task.id, job: task.job })
  }

  private answer(slot: Slot, m: FromImportWorker): void {
    const task = slot.task
    if (!task || task.id !== m.id) return
    this.clearTimers(slot)
    slot.task = null
    if (m.ok) task.resolve(m.article)
    else task.reject(failureError(m.failure, task.job))
    this.pump()
    if (slot.task === null) this.rest(slot)
  }

  private rest(slot: Slot): void {
    slot.worker.unref()
    slot.idle = setTimeout(() => this.retire(slot), this.idleMs)
    slot.idle.unref()
  }

  private retire(slot: Slot): void {
    if (slot.task || !this.slots.delete(slot)) return
    this.clearTimers(slot)
    void slot.worker.terminate()
  }

  private timeOut(slot: Slot): void {
    const task = slot.task
    if (!task || !this.slots.delete(slot)) return
    this.clearTimers(slot)
    void slot.worker.terminate()
    const seconds = Math.round(this.timeoutMs / 100) / 10
    task.reject(new ImportError('timed-out', `${subject(task.job)} took longer than ${seconds} seconds to read, so it was skipped; ${advice(task.job)}`, fileName(task.job)))
    this.pump()
  }

  /** The worker died (crashed, ran out of memory, or exited): its job fails with the reason, the queue goes on in a new one. */
  private lose(slot: Slot, why: string): void {
    if (!this.slots.delete(slot)) return
    this.clearTimers(slot)
    const task = slot.task
    slot.task = null
    task?.reject(new ImportError('importer-stopped', `${subject(task.job)} stopped the importer (${why}), so it was skipped; ${advice(task.job)}`, fileName(task.job)))
    if (!this.closed) this.pump()
  }

  private clearTimers(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.idle) clearTimeout(slot.idle)
    slot.timer = null
    slot.idle = null
  }
}

function subject(job: ImportJob): string {
  return job.kind === 'file' ? `"${job.name}"` : 'The pasted content'
}

function fileName(job: ImportJob): string | null {
  return job.kind === 'file' ? job.name : null
}

function advice(job: ImportJob): string {
  return job.kind === 'file'
    ? 'check in a browser that it is the article page itself, or copy the article text and use New article.'
    : 'paste it again as plain text instead.'
}

function failureError(failure: WorkerFailure, job: ImportJob): ImportError {
  if (failure.code) return new ImportError(failure.code, failure.message, failure.fileName)
  return new ImportError('unreadable', `${subject(job)} could not be read (${failure.message}); ${advice(job)}`, fileName(job))
}

let shared: ImportPool | null = null

/** The process's one pool: every open notebook, the CLI and the e2e harness import through it. */
export function sharedImportPool(): ImportPool {
  shared ??= new ImportPool()
  return shared
}
