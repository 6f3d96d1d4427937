import { describe, expect, it } from 'vitest'
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkNotebook, hasDamage, repairNotebook, type DoctorReport } from '../../../../src-main/core/recovery/doctor'
import { createSnapshot } from '../../../../src-main/core/backup/snapshot'
import { articleFile } from '../store/store-fixtures'
import { useNotebook } from '../../../helpers/notebook'

const notebook = useNotebook()

/** A small real notebook made through the services, with a backup, closed so doctor may repair it. */
async function healthy() {
  const nb = await notebook()
  const a = await nb.services.createArticle({ title: 'Troop movements', text: 'About 10,000 soldiers have moved, the ministry said.' })
  const b = await nb.services.createArticle({ title: 'Statement', text: 'The ministry denied it.' })
  await nb.services.annotateQuote({ articleId: a.id, kind: 'claim', quote: 'About 10,000 soldiers have moved' })
  await createSnapshot(nb.dir, { reason: 'manual' })
  await nb.store.close()
  return { dir: nb.dir, layout: nb.store.layout, a, b }
}

const damage = (r: DoctorReport) => r.findings.filter((f) => f.severity === 'damage')

describe('doctor', () => {
  it('finds nothing wrong with a healthy notebook, having checked every file', async () => {
    const { dir } = await healthy()
    const report = await checkNotebook(dir)
    expect(hasDamage(report)).toBe(false)
    expect(report.findings.filter((f) => f.severity === 'warning')).toEqual([])
    expect(report.checked).toEqual({ index: true, articles: 2, originals: 2, backups: 1 })
  })

  it('reports each damaged, missing or tampered file, and changes nothing', async () => {
    const { dir, layout, a, b } = await healthy()
    await writeFile(layout.article(a.id), '\u0000'.repeat(64))
    await unlink(layout.article(b.id))
    await writeFile(layout.original(a.provenance.sha256), 'tampered')
    const report = await checkNotebook(dir)
    expect(damage(report)).toEqual([
      { severity: 'damage', file: `articles/${a.id}.json`, message: 'Damaged: it holds NUL bytes (article "Troop movements").' },
      { severity: 'damage', file: `articles/${b.id}.json`, message: 'Missing: the article "Statement" is listed in the index but its file is gone.' },
      { severity: 'damage', file: `originals/${a.provenance.sha256}`, message: 'Its bytes no longer match its SHA-256: the original of an import is damaged.' },
    ].sort((x, y) => x.file.localeCompare(y.file)))
    expect(await readFile(layout.article(a.id), 'utf8')).toBe('\u0000'.repeat(64))
  })

  it('reports a damaged index, leftovers of interrupted saves and unlisted article files', async () => {
    const { dir, layout } = await healthy()
    await writeFile(join(layout.articlesDir, '.art_x.json.99999.abcdef.tmp'), 'half')
    const orphan = articleFile('art_0orphan000000001', 'An orphan article')
    await writeFile(layout.article(orphan.id), JSON.stringify(orphan))
    let report = await checkNotebook(dir)
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'articles/.art_x.json.99999.abcdef.tmp' }))
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', file: `articles/${orphan.id}.json`, message: expect.stringMatching(/^Not listed in the index/) }))
    expect(hasDamage(report)).toBe(false)
    await writeFile(layout.index, '{')
    report = await checkNotebook(dir)
    expect(damage(report)).toEqual([{ severity: 'damage', file: 'notebook.json', message: expect.stringMatching(/^Damaged: it is not complete JSON\. "doctor --repair" moves it aside/) }])
    // With the index unreadable, every article file is still checked on its own.
    expect(report.checked.articles).toBe(3)
    await writeFile(layout.article(orphan.id), '')
    expect(damage(await checkNotebook(dir))).toContainEqual({ severity: 'damage', file: `articles/${orphan.id}.json`, message: 'Damaged: it is empty.' })
  })

  it('repairs the way the app recovers, then finds no damage', async () => {
    const { dir, layout, a, b } = await healthy()
    const orphan = articleFile('art_0orphan000000001', 'An orphan article')
    await writeFile(layout.article(orphan.id), JSON.stringify(orphan))
    await writeFile(layout.article(a.id), '')
    await unlink(layout.original(b.provenance.sha256))
    await writeFile(join(layout.articlesDir, '.art_x.json.99999.abcdef.tmp'), 'half')
    const result = await repairNotebook(dir, { holder: 'test' })
    expect(hasDamage(result.before)).toBe(true)
    expect(hasDamage(result.after)).toBe(false)
    expect(result.after.findings.filter((f) => f.severity === 'warning')).toEqual([])
    expect(result.actions.join('\n')).toMatch(/^Took backup .+ of the notebook as it was before the repair\./)
    expect(result.actions).toContainEqual(expect.stringMatching(/^The article "Troop movements" was damaged \(it is empty\); it was restored from the backup of/))
    expect(result.actions).toContain(`Added the unlisted article file articles/${orphan.id}.json to the library as "An orphan article".`)
    expect(result.actions).toContainEqual(expect.stringMatching(/^Restored the missing original [0-9a-f]{12}… from backup /))
    expect(await readFile(`${layout.article(a.id)}.damaged`, 'utf8')).toBe('')
    expect((await readdir(layout.articlesDir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(result.after.findings).toContainEqual(expect.objectContaining({ severity: 'info', file: `articles/${a.id}.json.damaged` }))
  })

  it('rebuilds a missing index, and leaves damage it cannot repair reported', async () => {
    const { dir, layout, b } = await healthy()
    await unlink(layout.index)
    await rmBackups(layout.backupsDir)
    await writeFile(layout.article(b.id), 'nope')
    const result = await repairNotebook(dir, { holder: 'test' })
    // The damaged article is set aside while the index is rebuilt, so one readable article file remains.
    expect(result.actions[0]).toMatch(/^Took backup .+ of the notebook as it was before the repair\.$/)
    expect(result.actions[1]).toMatch(/^The notebook index was missing, so it was rebuilt from the 1 article file on disk\. No backup was available/)
    expect(hasDamage(result.after)).toBe(false)
    expect(result.after.checked.articles).toBe(1)
    expect(result.actions).toContainEqual(expect.stringMatching(/^The article .+ was damaged \(it is not complete JSON\), and no backup holds a readable copy of it\./))
  })

  it('refuses to repair while the app has the notebook open', async () => {
    const { dir } = await healthy()
    const nb = await import('../../../../src-main/core/store/notebook-store')
    const open = await nb.NotebookStore.open(dir, { holder: 'Intel Notebook app' })
    await expect(repairNotebook(dir, { holder: 'test' })).rejects.toThrow(/open in another process \(Intel Notebook app/)
    await open.close()
  })
})

async function rmBackups(dir: string) {
  const { rm } = await import('node:fs/promises')
  await rm(dir, { recursive: true, force: true })
}
