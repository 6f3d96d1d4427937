import { parentPort } from 'node:worker_threads'

/** How a worker script talks to whoever started it, whether it runs as a thread or as a process of its own. */
export interface ParentChannel<In, Out> {
  post(message: Out): void
  listen(handler: (message: In) => void): void
}

/** Electron's `process.parentPort` in a utility process: messages arrive wrapped in an event's `data`. */
interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

/**
 * The channel to the parent: a worker thread's port, an Electron utility process's parentPort, or a forked Node
 * process's IPC channel. The script is the same in all three; only the transport differs.
 */
export function parentChannel<In, Out>(): ParentChannel<In, Out> {
  const thread = parentPort
  if (thread) return { post: (m) => thread.postMessage(m), listen: (h) => void thread.on('message', h) }
  const utility = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (utility) return { post: (m) => utility.postMessage(m), listen: (h) => utility.on('message', (e) => h(e.data as In)) }
  if (process.send) {
    // With its parent gone, a forked worker has no one to answer: it ends instead of lingering.
    process.on('disconnect', () => process.exit(0))
    return { post: (m) => void process.send?.(m), listen: (h) => void process.on('message', (m) => h(m as In)) }
  }
  throw new Error('the worker was started without a parent to answer to')
}
