/**
 * Cold starts of main's built bundle (out/main/index.js) against a stub `electron`, since the Electron binary cannot
 * run here. Each start is a fresh Node process on a notebook that already exists (no first-launch seeding), and
 * reports how long until the bundle's modules are evaluated and until the window is created.
 *
 *   npm run build && npx tsx bench/startup.ts [path/to/out/main/index.js] [runs]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const here = import.meta.dirname
const entry = resolve(process.argv[2] ?? join(here, '..', 'out', 'main', 'index.js'))
const runs = Number(process.argv[3] ?? 7)

interface Start {
  evaluated: number
  windowCreated: number | null
}

function coldStart(userData: string): Start {
  const out = execFileSync(process.execPath, ['--import', join(here, 'startup', 'register.mjs'), join(here, 'startup', 'run-once.mjs'), entry], {
    env: { ...process.env, INTEL_NOTEBOOK_USER_DATA: userData },
    encoding: 'utf8',
  })
  const line = out.trim().split('\n').at(-1)!
  return JSON.parse(line) as Start
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const userData = mkdtempSync(join(tmpdir(), 'intel-notebook-startup-'))
try {
  // The first start creates the notebook and seeds the sample; analysts pay that once, so it is not counted.
  coldStart(userData)
  const starts = Array.from({ length: runs }, () => coldStart(userData))
  const evaluated = starts.map((s) => s.evaluated)
  const window = starts.map((s) => s.windowCreated ?? Number.NaN)
  console.log(`main bundle: ${entry}`)
  console.log(`modules evaluated  median ${median(evaluated).toFixed(0)} ms  (min ${Math.min(...evaluated).toFixed(0)}, max ${Math.max(...evaluated).toFixed(0)}) after process start`)
  console.log(`window created     median ${median(window).toFixed(0)} ms  (min ${Math.min(...window).toFixed(0)}, max ${Math.max(...window).toFixed(0)})`)
} finally {
  rmSync(userData, { recursive: true, force: true })
}
