/**
 * The crash test's writer: opens the notebook, says "ready", then runs ops from the given number on, printing
 * "ack N" once op N is on disk. Writes to a pipe are synchronous on Linux, so an ack printed is an ack received.
 * It runs until the test kills it with SIGKILL.
 */
import { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { applyOp } from './crash-ops'

const [dir, from] = process.argv.slice(2)
const store = await NotebookStore.open(dir!, { holder: 'crash-test writer', spacing: { article: 0, index: 0 } })
process.stdout.write('ready\n')
for (let i = Number(from); ; i++) {
  await applyOp(store, i)
  process.stdout.write(`ack ${i}\n`)
}
