/**
 * The import worker: parses, cleans and converts one file or paste at a time, off main's event loop. It holds
 * no store and writes nothing; main adds what it returns through its one write queue. The pipeline (jsdom,
 * Readability, DOMPurify with shared/schema's policy, mammoth, markdown-it, tiptap's HTML parser) loads on the
 * first job, so a worker that is started and never used costs almost nothing.
 */
import { parentPort } from 'node:worker_threads'
import { ImportError } from './errors'
import type { FromImportWorker, ToImportWorker } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('import worker started outside a worker thread')

const pipeline = () => import('./import-file')

port.on('message', ({ id, job }: ToImportWorker) => {
  const send = (m: FromImportWorker) => port.postMessage(m)
  void (async () => {
    try {
      const { importFile, importPasted } = await pipeline()
      const article = job.kind === 'file' ? await importFile(job) : importPasted(job)
      send({ id, ok: true, article })
    } catch (err) {
      const failure =
        err instanceof ImportError
          ? { code: err.code, message: err.message, fileName: err.fileName }
          : { code: null, message: err instanceof Error ? err.message : String(err), fileName: job.kind === 'file' ? job.name : null }
      send({ id, ok: false, failure })
    }
  })()
})
