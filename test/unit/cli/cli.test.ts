import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readdir, writeFile, chmod } from 'node:fs/promises'
import { join } from 'node:path'
import { cli } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp-dir'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'

const tempDir = useTempDirs()
const REPORT = 'Troops seen near the border\nNovember 5, 2024\n\nAbout 10,000 soldiers have moved, the National Intelligence Service said.\n\nOfficials said a team may be sent.\n'

async function setup() {
  const dir = await tempDir()
  const store = join(dir, 'nb')
  const file = join(dir, 'report.txt')
  await writeFile(file, REPORT)
  return { dir, store, file }
}

describe('cli', () => {
  it('imports a text file, lists it and shows it', async () => {
    const { store, file } = await setup()
    const imported = await cli('--store', store, 'import', file)
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    const id = imported.stdout.trim()
    expect(id).toMatch(/^art_/)
    const list = await cli('--store', store, 'list', '--json')
    expect(JSON.parse(list.stdout)).toMatchObject([{ id, title: 'Troops seen near the border', publishedAt: '2024-11-05' }])
    const shown = await cli('--store', store, 'show', id)
    expect(shown.stdout).toContain('the National Intelligence Service said')
  })

  it('prints one JSON result per file with --json', async () => {
    const { store, file } = await setup()
    const out = await cli('--store', store, 'import', file, '--json')
    const [r] = JSON.parse(out.stdout)
    expect(r).toMatchObject({ status: 'imported', title: 'Troops seen near the border', file: 'report.txt' })
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/)
    const again = JSON.parse((await cli('--store', store, 'import', file, '--json')).stdout)
    expect(again[0]).toMatchObject({ status: 'duplicate', id: r.id })
  })

  it('annotates by quote and shows the annotations with selectors and grades', async () => {
    const { store, file } = await setup()
    const id = (await cli('--store', store, 'import', file)).stdout.trim()
    const src = await cli('--store', store, 'annotate', id, '--kind', 'source', '--quote', 'the National Intelligence Service', '--reliability', 'B', '--source-name', 'NIS', '--json')
    expect(src.code).toBe(0)
    const srcId = JSON.parse(src.stdout).id
    const claim = await cli('--store', store, 'annotate', id, '--kind', 'claim', '--quote', 'About 10,000 soldiers have moved', '--credibility', '2', '--likelihood', 'likely', '--confidence', 'moderate', '--source-annotation', srcId)
    expect(claim.code).toBe(0)
    const shown = JSON.parse((await cli('--store', store, 'show', id, '--json')).stdout)
    expect(shown.annotations).toHaveLength(2)
    expect(shown.annotations[0]).toMatchObject({ kind: 'claim', credibility: '2', likelihood: 'likely', confidence: 'moderate', sourceIds: [srcId], anchor: { exact: 'About 10,000 soldiers have moved' } })
    expect((await cli('--store', store, 'show', id)).stdout).toMatch(/claim +ann_\w+ B2 unverified · likely · moderate confidence/)
  })

  it.each([
    [['--kind', 'claim', '--quote', 'Kursk'], /not in the article/],
    [['--kind', 'claim', '--quote', 'said', '--occurrence', '3'], /no occurrence 3/],
    [['--kind', 'claim', '--quote', 'said', '--credibility', '9'], /--credibility must be one of: 1, 2, 3, 4, 5, 6/],
    [['--kind', 'claim', '--quote', 'said', '--status', 'maybe'], /--status must be one of/],
    [['--kind', 'source', '--quote', 'said', '--reliability', 'G'], /--reliability must be one of/],
    [['--kind', 'opinion', '--quote', 'said'], /--kind must be one of/],
  ])('refuses %j with one clear line and changes nothing', async (flags, message) => {
    const { store, file } = await setup()
    const id = (await cli('--store', store, 'import', file)).stdout.trim()
    const before = (await cli('--store', store, 'show', id, '--json')).stdout
    const out = await cli('--store', store, 'annotate', id, ...(flags as string[]))
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(message as RegExp)
    expect(out.stderr.trim().split('\n')).toHaveLength(1)
    expect((await cli('--store', store, 'show', id, '--json')).stdout).toBe(before)
  })

  it('never touches the store for a missing, empty or unreadable file', async () => {
    const { dir, store } = await setup()
    const empty = join(dir, 'empty.txt')
    await writeFile(empty, '')
    const locked = join(dir, 'locked.txt')
    await writeFile(locked, 'Title\nbody')
    await chmod(locked, 0o000)
    for (const f of [join(dir, 'missing.txt'), empty, ...(process.getuid?.() === 0 ? [] : [locked])]) {
      const out = await cli('--store', store, 'import', f)
      expect(out.code).toBe(1)
      expect(out.stderr).toMatch(/^intel-notebook: .+\n$/)
    }
    const list = await cli('--store', store, 'list', '--json')
    expect(JSON.parse(list.stdout)).toEqual([])
  })

  it('starts a new store empty: the sample article is for the app only', async () => {
    const { store, file } = await setup()
    await cli('--store', store, 'import', file)
    expect(JSON.parse((await cli('--store', store, 'list', '--json')).stdout)).toHaveLength(1)
  })

  it('refuses to write while another process holds the notebook', async () => {
    const { store, file } = await setup()
    const app = await NotebookStore.open(store, { holder: 'Intel Notebook app' })
    try {
      // The lock names this very process; pretend it is another one by asking through a child process.
      const run = promisify(execFile)
      const child = await run('npx', ['tsx', 'src-main/cli/index.ts', '--store', store, 'import', file], { cwd: process.cwd() }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      )
      expect(child.code).toBe(1)
      expect(child.stderr).toMatch(/open in another process \(Intel Notebook app/)
      expect((await readdir(join(store, 'articles'))).length).toBe(0)
    } finally {
      await app.close()
    }
  })

  it('explains bad usage on stderr with exit code 2', async () => {
    const out = await cli('list')
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/--store DIR/)
    expect((await cli('--store', '/tmp/x', 'frobnicate')).stderr).toMatch(/unknown command "frobnicate"/)
  })
})
