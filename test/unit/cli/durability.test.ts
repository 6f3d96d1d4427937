import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cli } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp-dir'
import { createSnapshot } from '../../../src-main/core/backup/snapshot'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { notebookLayout } from '../../../src-main/core/store/layout'

const tempDir = useTempDirs()

async function notebookWithBackup() {
  const dir = await tempDir()
  const store = join(dir, 'nb')
  const file = join(dir, 'report.txt')
  await writeFile(file, 'Troops seen near the border\n\nAbout 10,000 soldiers have moved, the ministry said.\n')
  const id = (await cli('--store', store, 'import', file)).stdout.trim()
  const backup = (await createSnapshot(store, { reason: 'manual', now: () => new Date('2026-03-04T05:06:07.089Z') }))!
  return { store, id, backup, layout: notebookLayout(store) }
}

describe('cli: doctor, backups, restore', () => {
  it('doctor exits 0 on a healthy notebook and says so', async () => {
    const { store } = await notebookWithBackup()
    const out = await cli('--store', store, 'doctor')
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/^Checked the index, 1 article file, 1 original and 1 backup in .+\.\n/)
    expect(out.stdout).toMatch(/No damage found\.\n$/)
    expect(out.stderr).toBe('')
  })

  it('doctor exits 1 on damage, names the file, and says how to repair', async () => {
    const { store, id, layout } = await notebookWithBackup()
    await writeFile(layout.article(id), '')
    const out = await cli('--store', store, 'doctor')
    expect(out.code).toBe(1)
    expect(out.stdout).toContain(`DAMAGE   articles/${id}.json: Damaged: it is empty (article "Troops seen near the border").`)
    expect(out.stdout).toContain('1 damaged or missing file.')
    expect(out.stderr).toBe('intel-notebook: the notebook is damaged; run "doctor --repair" to recover it from its backups.\n')
    expect(await readFile(layout.article(id), 'utf8')).toBe('')
  })

  it('doctor still runs when the index is too damaged to open the notebook', async () => {
    const { store, layout } = await notebookWithBackup()
    await writeFile(layout.index, '\u0000\u0000')
    expect((await cli('--store', store, 'list')).code).toBe(1)
    const out = await cli('--store', store, 'doctor', '--json')
    expect(out.code).toBe(1)
    expect(JSON.parse(out.stdout).findings[0]).toMatchObject({ severity: 'damage', file: 'notebook.json' })
  })

  it('doctor --repair recovers from the backup and exits 0', async () => {
    const { store, id, layout } = await notebookWithBackup()
    await writeFile(layout.index, '{"half')
    await writeFile(layout.article(id), '\u0000')
    const out = await cli('--store', store, 'doctor', '--repair')
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/^Repaired:\n {2}- Took backup .+ of the notebook as it was before the repair\.\n {2}- The notebook index was damaged \(it is not complete JSON\); it was moved aside as notebook\.json\.damaged and rebuilt from the backup of /)
    expect(out.stdout).toContain('No damage found.')
    const list = await cli('--store', store, 'list', '--json')
    expect(JSON.parse(list.stdout).map((a: { id: string }) => a.id)).toEqual([id])
    expect((await cli('--store', store, 'show', id)).stdout).toContain('About 10,000 soldiers have moved')
  })

  it('backups lists snapshots newest first, and restore ID brings one back', async () => {
    const { store, id, backup } = await notebookWithBackup()
    const listed = await cli('--store', store, 'backups')
    expect(listed).toMatchObject({ code: 0, stderr: '' })
    expect(listed.stdout).toMatch(new RegExp(`^${backup.id}  .+  manual +1 article\\n$`))
    const opened = await NotebookStore.open(store, { holder: 'test' })
    await opened.updateArticle(id, (f) => void (f.notes = 'after the backup'))
    await opened.close()
    const restored = await cli('--store', store, 'restore', backup.id)
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(/^Restored the backup of .+ \(1 article\)\. The notebook as it was just before is kept as backup .+; restore that one to undo this\.\n$/)
    const again = await NotebookStore.open(store, { holder: 'test', readOnly: true })
    expect((await again.readArticle(id)).notes).toBe('')
    await again.close()
    const json = JSON.parse((await cli('--store', store, 'backups', '--json')).stdout)
    expect(json.map((b: { reason: string }) => b.reason)).toEqual(['before-restore', 'manual'])
  })

  it('restore refuses an unknown id, a missing id, and a notebook the app holds, each with one line and exit 1', async () => {
    const { store, backup } = await notebookWithBackup()
    expect(await cli('--store', store, 'restore', 'nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'intel-notebook: There is no backup "nope" in this notebook; run "backups" to see the 1 there are.\n',
    })
    expect((await cli('--store', store, 'restore')).stderr).toBe('intel-notebook: Say which backup to restore: restore ID (see "backups" for ids).\n')
    const app = await NotebookStore.open(store, { holder: 'Intel Notebook app' })
    const refused = await cli('--store', store, 'restore', backup.id)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^intel-notebook: The notebook is open in another process \(Intel Notebook app, pid \d+/)
    await app.close()
  })

  it('backups says plainly when there are none yet', async () => {
    const dir = await tempDir()
    const out = await cli('--store', dir, 'backups')
    expect(out).toEqual({ code: 0, stdout: 'This notebook has no backups yet; the app takes one each time it opens the notebook.\n', stderr: '' })
  })

  it('help lists the new commands', async () => {
    const out = await cli('--help')
    expect(out.stdout).toMatch(/\n {2}doctor \[--repair\] \[--json\] /)
    expect(out.stdout).toMatch(/\n {2}backups \[--json\] /)
    expect(out.stdout).toMatch(/\n {2}restore ID /)
  })
})
