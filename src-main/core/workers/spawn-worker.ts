import { Worker, type WorkerOptions } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * Starts a worker from a built .js file, or from a TypeScript source file (tests, the CLI and benchmarks under
 * tsx). A worker loads TypeScript only after registering tsx's loader in its own thread, hence the bootstrap.
 */
export function spawnWorker(url: URL, workerData?: unknown, options: Pick<WorkerOptions, 'resourceLimits'> = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { ...options, workerData })
  // createRequire finds the package's require entry; the bootstrap imports, so it takes the module entry beside it.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}) })`
  return new Worker(bootstrap, { ...options, eval: true, workerData })
}
