import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { FromWorker, ToWorker } from './protocol'
import { spawnWorker } from '../workers/spawn-worker'

/** The search worker's bundle, beside main's (electron-vite's `search-worker` entry). */
export const SEARCH_WORKER_BUNDLE = 'search-worker.js'

/** What the search service hears from its worker, wherever it runs. */
export interface SearchWorkerEvents {
  message(message: FromWorker): void
  /** The worker ended (crashed, killed, out of memory); said once, in words for the error the analyst sees. */
  exit(reason: string): void
}

/** One running search worker, as the search service drives it: the same messages whatever hosts it. */
export interface SearchWorkerHost {
  post(message: ToWorker): void
  /** Ends it at once; the service asks it to finish its cache write first. */
  kill(): Promise<void>
}

/** Starts a search worker. The app's main process hosts it in its own OS process; everything else in a thread. */
export type SearchWorkerLauncher = (events: SearchWorkerEvents) => SearchWorkerHost

/** The worker script: from source under tsx (tests, the CLI, benchmarks), else the bundle beside main's. */
export function searchWorkerUrl(): URL {
  const here = import.meta.url
  // Variables, so the bundler leaves the names alone instead of treating them as assets.
  const name = /\.ts$/.test(here) ? './worker.ts' : `./${SEARCH_WORKER_BUNDLE}`
  return new URL(name, here)
}

/** A worker thread of this process: the CLI's and the tests' host, and the default. */
export function threadWorker(url: URL = searchWorkerUrl()): SearchWorkerLauncher {
  return (events) => {
    const worker = spawnWorker(url)
    // The index is a cache of the notebook: it must never keep the app or the CLI from exiting.
    worker.unref()
    let ended = false
    const end = (reason: string) => {
      if (ended) return
      ended = true
      events.exit(reason)
    }
    worker.on('message', (m: FromWorker) => events.message(m))
    worker.on('error', (err) => end(err.message))
    worker.on('exit', (code) => end(`exit ${code}`))
    return {
      post: (m) => worker.postMessage(m),
      kill: async () => {
        await worker.terminate()
      },
    }
  }
}

/**
 * A child process of this one over Node's IPC channel: what the benchmark measures in place of the app's Electron
 * utility process (which only Electron can start), so the worker's heap is outside the measured process as in the app.
 */
export function childProcessWorker(url: URL = searchWorkerUrl()): SearchWorkerLauncher {
  return (events) => {
    const file = fileURLToPath(url)
    // Structured-clone messages, like a thread's: the data key of a protected notebook is bytes.
    // From source, the child loads tsx first, found from here rather than from wherever it was started.
    const execArgv = file.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []
    const child = fork(file, [], { serialization: 'advanced', execArgv, stdio: 'inherit' })
    let ended = false
    child.on('message', (m) => events.message(m as FromWorker))
    child.on('error', (err) => {
      if (!ended) events.exit(err.message)
      ended = true
    })
    child.on('exit', (code, signal) => {
      if (!ended) events.exit(signal ? `stopped by ${signal}` : `exit ${code}`)
      ended = true
    })
    return {
      post: (m) => {
        if (child.connected) child.send(m)
      },
      kill: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return
        const gone = new Promise<void>((r) => child.once('exit', () => r()))
        child.kill()
        await gone
      },
    }
  }
}
