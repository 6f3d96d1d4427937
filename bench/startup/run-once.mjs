/**
 * One cold start of the built main bundle against the stub: prints JSON with the milliseconds from process start
 * until the bundle's modules are evaluated and until the window is created. Run by bench/startup.ts.
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
const stub = await import('electron')
const entry = process.argv[2]
const before = performance.now()
await import(pathToFileURL(entry).href)
const evaluated = performance.now()
for (let i = 0; i < 400 && stub.marks.windowLoading === undefined; i++) await new Promise((r) => setTimeout(r, 5))
console.log(JSON.stringify({ nodeReady: before, evaluated, windowCreated: stub.marks.windowCreated ?? null, windowLoading: stub.marks.windowLoading ?? null }))
process.exit(0)
