/**
 * The "startup" section of the benchmarks: cold starts of main's built bundle (out/main/index.js) against a stub
 * `electron`, since the Electron binary cannot run here. Each start is a fresh Node process on a notebook that
 * already exists (first-launch seeding is not counted), and reports how long, from process start, until the
 * bundle's modules are evaluated and until the window is created.
 *
 *   npm run build && npm run bench -- startup [--bundle other/out/main/index.js] [--runs 7]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BenchContext } from './lib/section'

const here = import.meta.dirname

interface Start {
  evaluated: number
  windowCreated: number | null
}

function coldStart(entry: string, userData: string): Start {
  const out = execFileSync(process.execPath, ['--import', join(here, 'startup', 'register.mjs'), join(here, 'startup', 'run-once.mjs'), entry], {
    env: { ...process.env, INTEL_NOTEBOOK_USER_DATA: userData },
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').at(-1)!) as Start
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const arg = (args: string[], name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

export async function startupBench(ctx: BenchContext): Promise<void> {
  const entry = resolve(arg(ctx.args, '--bundle') ?? join(here, '..', 'out', 'main', 'index.js'))
  const runs = Number(arg(ctx.args, '--runs') ?? 7)
  const userData = mkdtempSync(join(tmpdir(), 'intel-notebook-startup-'))
  try {
    coldStart(entry, userData)
    const starts = Array.from({ length: runs }, () => coldStart(entry, userData))
    const evaluated = starts.map((s) => s.evaluated)
    const window = starts.map((s) => s.windowCreated ?? Number.NaN)
    const row = (label: string, xs: number[]) =>
      `   ${label.padEnd(22)} median ${median(xs).toFixed(0).padStart(5)} ms   min ${Math.min(...xs).toFixed(0).padStart(5)}   max ${Math.max(...xs).toFixed(0).padStart(5)}`
    ctx.out(`   main bundle: ${entry}, ${runs} cold starts`)
    ctx.out(row('modules evaluated', evaluated))
    ctx.out(row('window created', window))
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
}
