/**
 * A crash in the middle of protecting a notebook, removing its protection or changing its passphrase: a child
 * process does the work and is killed with SIGKILL, either by itself right after a chosen step or by this process
 * after a random delay. Whatever the moment, the notebook must then open with the old passphrase or the new one
 * (exactly one of them), hold every article as it was, and keep nothing of the interrupted change lying around.
 */
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { isSealed, sealedGeneration } from '../../src-main/core/crypto/envelope'
import { KEY_FILE, MIN_KDF_N, readKeyFile } from '../../src-main/core/crypto/key-file'
import { openProtection, protectNotebook, TRANSITION_FILE } from '../../src-main/core/crypto/protection'
import { TRANSITION_MARK } from '../../src-main/core/crypto/encrypted-fs'

const OLD = 'the old passphrase, long enough'
const NEW = 'the new passphrase, also long'
const KDF = { N: MIN_KDF_N, r: 8, p: 1 }
const ROOT = resolve(import.meta.dirname, '../..')
const CHILD = join(import.meta.dirname, 'crypto-child.ts')
// Each run starts a TypeScript child process; a handful per kind of change covers early, middle and late stops.
const RUNS = Number(process.env.CRASH_RUNS ?? 6)

type Mode = 'protect' | 'unprotect' | 'rekey'
interface Expected {
  title: string
  doc: string
  notes: string
}

let work = ''
let plainBase = ''
let protectedBase = ''
let expected = new Map<string, Expected>()

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'intel-notebook-crash-'))
  plainBase = join(work, 'plain')
  const store = await NotebookStore.open(plainBase, { holder: 'crash test setup' })
  const services = createServices(store)
  for (let i = 0; i < 8; i++) {
    const a = await services.createArticle({ title: `Article ${i}`, html: `<p>Paragraph ${i} of the report, with enough words to matter.</p>` })
    await services.saveArticleNotes(a.id, `<p>Note ${i}.</p>`)
  }
  await store.flush()
  const { createSnapshot } = await import('../../src-main/core/backup/snapshot')
  await createSnapshot(plainBase, { reason: 'manual' })
  expected = new Map()
  for (const m of services.listArticles()) {
    const v = await services.getArticle(m.id)
    expected.set(m.id, { title: v.meta.title, doc: JSON.stringify(v.doc), notes: v.notes })
  }
  await store.close()
  protectedBase = join(work, 'protected')
  await cp(plainBase, protectedBase, { recursive: true })
  await protectNotebook(protectedBase, OLD, { kdf: KDF })
}, 120_000)
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/** Runs the child to its end or to its death; returns the steps it reported. */
function runChild(mode: Mode, dir: string, stop: { atStep?: number; afterMs?: number }): Promise<{ steps: string[]; killed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    // One node process with tsx's loader in it (not the tsx launcher, which would outlive a killed child).
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dir, String(stop.atStep ?? '')], {
      cwd: ROOT,
      env: { ...process.env, OLD_PASSPHRASE: OLD, NEW_PASSPHRASE: NEW },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    // The delay is counted from the first step, so it lands inside the change and not in the child's start-up.
    if (stop.afterMs !== undefined) {
      const onFirst = (d: Buffer) => {
        if (!d.toString().includes('STEP 1 ')) return
        child.stdout.off('data', onFirst)
        setTimeout(() => child.kill('SIGKILL'), stop.afterMs)
      }
      child.stdout.on('data', onFirst)
    }
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const steps = out.split('\n').filter((l) => l.startsWith('STEP '))
      if (signal === 'SIGKILL') return resolvePromise({ steps, killed: true })
      if (code !== 0) return reject(new Error(`child failed (${code}): ${err} ${out.slice(-500)}`))
      resolvePromise({ steps, killed: false })
    })
  })
}

async function files(root: string): Promise<string[]> {
  return (await readdir(root, { withFileTypes: true, recursive: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Which passphrases open the notebook now (null standing for "opens without one"). */
async function opensWith(dir: string): Promise<Array<string | null>> {
  // A plain notebook opens whatever is typed, since nothing is asked; it counts as opening without a passphrase.
  if (!(await readKeyFile(dir))) return [null]
  const out: Array<string | null> = []
  for (const candidate of [OLD, NEW]) {
    try {
      await openProtection(dir, candidate)
      out.push(candidate)
    } catch {
      // Refused: not this one.
    }
  }
  return out
}

async function checkIntact(dir: string, passphrase: string | null, context: string): Promise<void> {
  const { fs } = await openProtection(dir, passphrase)
  const leftovers = (await files(dir)).filter((f) => f.includes(TRANSITION_MARK) || f.endsWith(TRANSITION_FILE))
  expect(leftovers, context).toEqual([])
  const generation = (await readKeyFile(dir))?.generation ?? null
  for (const f of await files(dir)) {
    const rel = relative(dir, f)
    if (rel === KEY_FILE || rel === '.lock') continue
    const bytes = await readFile(f)
    if (generation) expect(sealedGeneration(bytes), `${context}: ${rel}`).toBe(generation)
    else expect(isSealed(bytes), `${context}: ${rel}`).toBe(false)
  }
  const store = await NotebookStore.open(dir, { holder: 'crash test check', fs })
  try {
    const services = createServices(store)
    expect(store.notices, context).toEqual([])
    expect(services.listArticles().map((a) => a.id).sort(), context).toEqual([...expected.keys()].sort())
    for (const [id, e] of expected) {
      const v = await services.getArticle(id)
      expect({ title: v.meta.title, doc: JSON.stringify(v.doc), notes: v.notes }, `${context}: ${id}`).toEqual(e)
    }
  } finally {
    await store.close()
  }
}

const ALLOWED: Record<Mode, Array<Array<string | null>>> = {
  protect: [[null], [NEW]],
  unprotect: [[OLD], [null]],
  rekey: [[OLD], [NEW]],
}

describe.each(['rekey', 'protect', 'unprotect'] as const)('a crash while running %s', (mode) => {
  it('leaves a notebook that opens one way, whole, wherever the process dies', async () => {
    const base = mode === 'protect' ? plainBase : protectedBase
    const dry = join(work, `${mode}-dry`)
    await cp(base, dry, { recursive: true })
    const full = await runChild(mode, dry, {})
    expect(full.killed).toBe(false)
    const total = full.steps.length
    expect(total).toBeGreaterThan(10)
    await checkIntact(dry, ALLOWED[mode][1]![0]!, `${mode} completed`)

    const outcomes = new Set<string>()
    for (let run = 0; run < RUNS; run++) {
      const dir = join(work, `${mode}-${run}`)
      await cp(base, dir, { recursive: true })
      // Half the runs stop right after a chosen step (first, last, and between); the rest at a random instant.
      const stop = run % 2 === 0 ? { atStep: [1, total - 1, Math.ceil(total / 2)][run / 2] ?? 1 + Math.floor(Math.random() * (total - 1)) } : { afterMs: Math.floor(Math.random() * 400) }
      const result = await runChild(mode, dir, stop)
      const context = `${mode} stopped ${JSON.stringify(stop)} after ${result.steps.length}/${total} steps`
      const opens = await opensWith(dir)
      expect(ALLOWED[mode].map((a) => JSON.stringify(a)), `${context}: opens with ${JSON.stringify(opens)}`).toContain(JSON.stringify(opens))
      await checkIntact(dir, opens[0]!, context)
      outcomes.add(JSON.stringify(opens))
      await rm(dir, { recursive: true, force: true })
    }
    // The stops chosen cover both sides of the switch-over, so both outcomes must have been seen.
    expect(outcomes.size, `outcomes ${[...outcomes].join(' ')}`).toBe(2)
  }, 600_000)
})
