import { describe, expect, it } from 'vitest'
import { cp, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MIGRATIONS, migrate, type Migration } from '../../../../src-main/core/store/migrations'
import { listBackups } from '../../../../src-main/core/backup/backup-list'
import { SCHEMA_VERSION } from '../../../../src-main/shared/model/notebook'
import { useTempDirs } from '../../../helpers/temp-dir'
import { openStore } from './store-fixtures'

const tempDir = useTempDirs()
/** A notebook as version 1 of the app wrote it, kept byte for byte. */
const V1 = fileURLToPath(new URL('../../../fixtures/store/v1', import.meta.url))
const ARTICLE = 'art_0fixturev1000001'

async function v1Notebook(): Promise<string> {
  const dir = await tempDir()
  await cp(V1, dir, { recursive: true })
  return dir
}

/**
 * These stand in for the versions to come after the real list, to show the machinery runs every migration after
 * the file's version, in order, for the right kind of file. They are listed out of order on purpose.
 */
const LATER: Migration[] = [
  {
    version: 4,
    title: 'tags gain a marker of the fourth format',
    appliesTo: 'index',
    apply: (raw) => ({ ...raw, tags: [...(raw.tags as string[]), 'v4'] }),
  },
  {
    version: 3,
    title: 'tags gain a marker of the third format',
    appliesTo: 'index',
    apply: (raw) => ({ ...raw, tags: [...(raw.tags as string[]), 'v3'] }),
  },
  {
    version: 3,
    title: 'article notes gain a marker of the third format',
    appliesTo: 'article',
    apply: (raw) => ({ ...raw, notes: `${raw.notes as string}[v3]` }),
  },
  {
    version: 4,
    title: 'article notes gain a marker of the fourth format',
    appliesTo: 'article',
    apply: (raw) => ({ ...raw, notes: `${raw.notes as string}[v4]` }),
  },
]
const FUTURE: Migration[] = [...LATER, ...MIGRATIONS]

describe('migrations', () => {
  it('are listed in version order up to the version this build writes', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([2])
    expect(SCHEMA_VERSION).toBe(2)
  })

  it('version 2: the stored version 1 notebook opens with its work intact and article files gain an empty list of dismissed suggestions', async () => {
    const dir = await v1Notebook()
    const store = await openStore(dir)
    const backups = await listBackups(dir)
    expect(backups.map((b) => b.manifest.reason)).toEqual(['before-migration'])
    expect(store.notices).toEqual([`This notebook was upgraded from format 1 to 2. The notebook as it was is kept as backup ${backups[0]!.id}.`])
    expect(store.index.notebook.name).toBe('Version 1 fixture')
    expect(store.index.sources.map((s) => s.name)).toEqual(['Ministry of Defence'])
    const article = await store.readArticle(ARTICLE)
    expect(article.annotations.map((a) => a.kind)).toEqual(['source', 'claim'])
    expect(article.doc.content).toHaveLength(1)
    expect(article.dismissedSuggestions).toEqual([])
    const original = JSON.parse(await readFile(join(V1, 'articles', `${ARTICLE}.json`), 'utf8'))
    expect(MIGRATIONS[0]!.apply(original)).toEqual({ ...original, dismissedSuggestions: [] })
    await store.updateArticle(ARTICLE, (f) => void f.dismissedSuggestions.push({ kind: 'source', exact: 'ministry', prefix: 'The ', suffix: ' said', dismissedAt: '2026-01-01T00:00:00.000Z' }))
    await store.close()
    expect(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')).schemaVersion).toBe(2)
    expect(JSON.parse(await readFile(join(dir, 'articles', `${ARTICLE}.json`), 'utf8'))).toMatchObject({ schemaVersion: 2, dismissedSuggestions: [{ exact: 'ministry' }] })
    const again = await openStore(dir)
    expect(again.notices).toEqual([])
    expect((await again.readArticle(ARTICLE)).dismissedSuggestions).toHaveLength(1)
    await again.close()
  })

  it('apply each later migration of the right kind, in version order', () => {
    const raw = { schemaVersion: 1, tags: ['a'], notes: 'n' }
    expect(migrate(raw, 'index', FUTURE)).toEqual({ data: { schemaVersion: 4, tags: ['a', 'v3', 'v4'], notes: 'n' }, from: 1, newer: false })
    expect(migrate(raw, 'article', FUTURE).data).toEqual({ schemaVersion: 4, tags: ['a'], notes: 'n[v3][v4]', dismissedSuggestions: [] })
    expect(migrate({ ...raw, schemaVersion: 3 }, 'index', FUTURE).data).toMatchObject({ tags: ['a', 'v4'] })
    expect(migrate({ ...raw, schemaVersion: 5 }, 'index', FUTURE)).toMatchObject({ newer: true, from: 5 })
  })

  it('take a backup of the old files before migrating a notebook, then write the new format', async () => {
    const dir = await v1Notebook()
    const store = await openStore(dir, { migrations: FUTURE })
    expect(store.index.tags).toEqual(['crossing', 'v3', 'v4'])
    const backups = await listBackups(dir)
    expect(backups.map((b) => b.manifest.reason)).toEqual(['before-migration'])
    expect(store.notices).toEqual([`This notebook was upgraded from format 1 to 4. The notebook as it was is kept as backup ${backups[0]!.id}.`])
    for (const rel of ['notebook.json', `articles/${ARTICLE}.json`]) {
      expect(await readFile(join(backups[0]!.dir, rel), 'utf8')).toBe(await readFile(join(V1, rel), 'utf8'))
    }
    expect(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')).schemaVersion).toBe(4)
    const article = await store.readArticle(ARTICLE)
    expect(article.notes).toBe('<p>Check against satellite imagery.</p>[v3][v4]')
    await store.updateArticle(ARTICLE, (f) => void (f.notes += ' edited'))
    await store.close()
    expect(JSON.parse(await readFile(join(dir, 'articles', `${ARTICLE}.json`), 'utf8'))).toMatchObject({ schemaVersion: 4, notes: expect.stringMatching(/\[v4\] edited$/), dismissedSuggestions: [] })
    const again = await openStore(dir, { migrations: FUTURE })
    expect(again.notices).toEqual([])
    expect(again.index.tags).toEqual(['crossing', 'v3', 'v4'])
    await again.close()
    expect(await listBackups(dir)).toHaveLength(1)
  })

  it('back up before writing an article left in an older format in a current notebook', async () => {
    const dir = await v1Notebook()
    const index = JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8'))
    await writeFile(join(dir, 'notebook.json'), JSON.stringify({ ...index, schemaVersion: 4 }))
    const store = await openStore(dir, { migrations: FUTURE })
    expect(await listBackups(dir)).toEqual([])
    await store.updateArticle(ARTICLE, (f) => void (f.notes = 'rewritten'))
    const backups = await listBackups(dir)
    expect(backups.map((b) => b.manifest.reason)).toEqual(['before-migration'])
    expect(JSON.parse(await readFile(join(backups[0]!.dir, 'articles', `${ARTICLE}.json`), 'utf8')).schemaVersion).toBe(1)
    await store.close()
  })

  it('open a notebook from a newer app read-only and never move its files aside, even when they do not fit this schema', async () => {
    const dir = await v1Notebook()
    const newer = { schemaVersion: SCHEMA_VERSION + 1, notebook: { renamed: true }, articles: 'somewhere else now' }
    await writeFile(join(dir, 'notebook.json'), JSON.stringify(newer))
    await expect(openStore(dir)).rejects.toThrow(`written by a newer version of Intel Notebook (format ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION})`)
    expect(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8'))).toEqual(newer)
    expect(await readdir(dir)).not.toContain('notebook.json.damaged')
  })

  it('keep an article from a newer app readable but refuse to write it', async () => {
    const dir = await v1Notebook()
    const path = join(dir, 'articles', `${ARTICLE}.json`)
    await writeFile(path, JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), dismissedSuggestions: [], schemaVersion: SCHEMA_VERSION + 1 }))
    const store = await openStore(dir)
    expect((await store.readArticle(ARTICLE)).notes).toMatch(/satellite/)
    await expect(store.updateArticle(ARTICLE, (f) => void (f.notes = 'x'))).rejects.toThrow(/saved by a newer version of Intel Notebook, so it is read-only here/)
    expect(JSON.parse(await readFile(path, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION + 1)
    await store.close()
  })
})
