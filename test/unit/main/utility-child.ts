/**
 * Plays Electron's part inside a utility process that the stub forks as a Node child process: `process.parentPort`
 * over Node's IPC channel, handing messages over as `{ data }` events and holding them until the script listens,
 * as Electron's port does. The script to run is the first argument.
 */
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

const held: unknown[] = []
const port = Object.assign(new EventEmitter(), { postMessage: (m: unknown) => void process.send?.(m) })
port.on('newListener', (event: string) => {
  if (event === 'message') queueMicrotask(() => held.splice(0).forEach((m) => port.emit('message', { data: m, ports: [] })))
})
process.on('message', (m) => (port.listenerCount('message') ? port.emit('message', { data: m, ports: [] }) : held.push(m)))
process.on('disconnect', () => process.exit(0))
Object.defineProperty(process, 'parentPort', { value: port })
await import(pathToFileURL(process.argv[2]!).href)
