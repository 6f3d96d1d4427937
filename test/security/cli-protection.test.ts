/**
 * The command line over a protected notebook: protect, rekey and unprotect, every other command given the
 * passphrase by environment (there is no terminal here to prompt on), and never accepting one as an argument.
 * The CLI derives keys at the app's full scrypt cost, so each command here takes a second or two.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { PASSPHRASE_ENV, NEW_PASSPHRASE_ENV } from '../../src-main/cli/passphrase'

const PASS = 'ferry timetable clarinet'
const NEXT = 'winter orchard lantern'
const SECRET = 'CORMORANT'

let dir = ''
let work = ''
const saved = { [PASSPHRASE_ENV]: process.env[PASSPHRASE_ENV], [NEW_PASSPHRASE_ENV]: process.env[NEW_PASSPHRASE_ENV] }
const setEnv = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value))

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'intel-notebook-cli-crypto-'))
  dir = join(work, 'notebook')
  setEnv(PASSPHRASE_ENV, undefined)
  setEnv(NEW_PASSPHRASE_ENV, undefined)
  await writeFile(join(work, 'report.txt'), `Harbour pilots reported ${SECRET} at dawn.\n\nNo one confirmed it.`)
  expect((await cli('--store', dir, 'import', join(work, 'report.txt'))).code).toBe(0)
})
afterEach(async () => {
  setEnv(PASSPHRASE_ENV, saved[PASSPHRASE_ENV])
  setEnv(NEW_PASSPHRASE_ENV, saved[NEW_PASSPHRASE_ENV])
  await rm(work, { recursive: true, force: true })
})

async function folderHas(phrase: string): Promise<boolean> {
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && (await readFile(join(e.parentPath, e.name))).includes(phrase)) return true
  }
  return false
}

describe('the CLI and a passphrase', () => {
  it('never takes a passphrase as an argument', async () => {
    for (const flag of ['--passphrase', '--password', '--key']) {
      const r = await cli('--store', dir, 'protect', flag, PASS)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/Unknown option/)
    }
    expect(await folderHas(SECRET)).toBe(true)
  })

  it('protects from the environment, then every command needs the passphrase and nothing is left in the clear', async () => {
    setEnv(PASSPHRASE_ENV, PASS)
    const protect = await cli('--store', dir, 'protect')
    expect(protect.code, protect.stderr).toBe(0)
    expect(protect.stdout).toMatch(/protected/)
    expect(await folderHas(SECRET)).toBe(false)

    const list = await cli('--store', dir, 'list')
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout).toContain('report')
    const id = /art_[0-9a-z]{16}/.exec((await cli('--store', dir, 'list', '--json')).stdout)![0]
    expect((await cli('--store', dir, 'show', id)).stdout).toContain(SECRET)

    setEnv(PASSPHRASE_ENV, undefined)
    const missing = await cli('--store', dir, 'list')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(PASSPHRASE_ENV)

    setEnv(PASSPHRASE_ENV, 'not the passphrase at all')
    const wrong = await cli('--store', dir, 'show', id)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/does not open this notebook; nothing was changed/)

    setEnv(PASSPHRASE_ENV, PASS)
    const doctor = await cli('--store', dir, 'doctor')
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0)
    expect(doctor.stdout).toMatch(/No damage found/)
  }, 60_000)

  it('doctor and repair refuse a protected notebook they cannot read, instead of taking it for damaged', async () => {
    setEnv(PASSPHRASE_ENV, PASS)
    expect((await cli('--store', dir, 'protect')).code).toBe(0)
    setEnv(PASSPHRASE_ENV, undefined)
    const before = await readdir(dir, { recursive: true })
    const repair = await cli('--store', dir, 'doctor', '--repair')
    expect(repair.code).toBe(1)
    expect(repair.stderr).toMatch(/protected/)
    expect(await readdir(dir, { recursive: true })).toEqual(before)
  }, 60_000)

  it('rekey needs the current passphrase, and afterwards only the new one opens the notebook', async () => {
    setEnv(PASSPHRASE_ENV, PASS)
    expect((await cli('--store', dir, 'protect')).code).toBe(0)
    setEnv(NEW_PASSPHRASE_ENV, NEXT)
    setEnv(PASSPHRASE_ENV, 'wrong passphrase here')
    expect((await cli('--store', dir, 'rekey')).code).toBe(1)
    setEnv(PASSPHRASE_ENV, PASS)
    const rekey = await cli('--store', dir, 'rekey')
    expect(rekey.code, rekey.stderr).toBe(0)
    expect((await cli('--store', dir, 'list')).code).toBe(1)
    setEnv(PASSPHRASE_ENV, NEXT)
    expect((await cli('--store', dir, 'list')).stdout).toContain('report')
    const unprotect = await cli('--store', dir, 'unprotect')
    expect(unprotect.code, unprotect.stderr).toBe(0)
    setEnv(PASSPHRASE_ENV, undefined)
    expect((await cli('--store', dir, 'list')).stdout).toContain('report')
    expect(await folderHas(SECRET)).toBe(true)
  }, 60_000)
})
