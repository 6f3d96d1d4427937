/**
 * A stand-in import worker that misbehaves on cue, for the pool's failure handling: a file named hang.* never gets
 * an answer, exit.* ends the thread, throw.* throws outside any handler, balloon.* fills the heap; any other file
 * comes back as a one-paragraph article holding its name, after a delay its name may give (slow-40.txt waits 40 ms).
 */
import { parentPort } from 'node:worker_threads'
import type { ToImportWorker, FromImportWorker } from '../../../../src-main/core/import/worker-protocol'

const port = parentPort!
const hoard: unknown[] = []

port.on('message', ({ id, job }: ToImportWorker) => {
  const name = job.kind === 'file' ? job.name : job.title
  if (name.startsWith('hang.')) return
  if (name.startsWith('exit.')) process.exit(3)
  if (name.startsWith('throw.')) setImmediate(() => { throw new Error('parser fault') })
  if (name.startsWith('balloon.')) for (;;) hoard.push(new Array(1e6).fill(name))
  const delay = Number(/^slow-(\d+)/.exec(name)?.[1] ?? 0)
  setTimeout(() => {
    const answer: FromImportWorker = {
      id,
      ok: true,
      article: {
        fields: { title: name, outlet: '', byline: '', publishedAt: '', url: '', language: '', excerpt: '' },
        doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Text of ${name}.` }] }] },
        mediaType: 'text/plain',
      },
    }
    port.postMessage(answer)
  }, delay)
})
