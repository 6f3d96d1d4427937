/**
 * The app hosts the search worker in an Electron utility process, so the index (hundreds of megabytes for a large
 * notebook) lives in an OS process of its own instead of in main's heap. Same script and messages as the thread
 * the CLI uses (core/search/worker-host.ts); only the transport is Electron's.
 */
import { utilityProcess } from 'electron'
import { join } from 'node:path'
import type { FromWorker, ToWorker } from '../core/search/protocol'
import { SEARCH_WORKER_BUNDLE, type SearchWorkerLauncher } from '../core/search/worker-host'

export function searchProcess(mainDir: string): SearchWorkerLauncher {
  return (events) => {
    // Nothing of the notebook goes in the arguments or the environment: the root and a protected notebook's key
    // travel in the first message, over the process's own port.
    const child = utilityProcess.fork(join(mainDir, SEARCH_WORKER_BUNDLE), [], { serviceName: 'Intel Notebook search', stdio: 'inherit' })
    // Messages are held until the process is up, so none is posted into a port that is not listening yet.
    let queue: ToWorker[] | null = []
    let ended = false
    const end = (reason: string) => {
      if (ended) return
      ended = true
      queue = null
      events.exit(reason)
    }
    child.once('spawn', () => {
      for (const m of queue ?? []) child.postMessage(m)
      queue = null
    })
    child.on('message', (m: FromWorker) => events.message(m))
    child.on('error', (type, location) => end(`${type} at ${location}`))
    child.on('exit', (code) => end(`exit ${code}`))
    return {
      post: (m) => {
        if (ended) return
        if (queue) queue.push(m)
        else child.postMessage(m)
      },
      kill: async () => {
        if (ended) return
        const gone = new Promise<void>((r) => child.once('exit', () => r()))
        child.kill()
        await gone
      },
    }
  }
}
