import { describe, expect, it } from 'vitest'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cli } from '../../helpers/cli'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { createServices } from '../../../src-main/core/services/notebook-services'
import { useTempDirs } from '../../helpers/temp-dir'
import { searchCachePath } from '../../../src-main/core/search/index-cache'

const tempDir = useTempDirs()

async function notebookWithTwoReports() {
  const dir = await tempDir()
  const store = join(dir, 'nb')
  await writeFile(join(dir, 'seoul.txt'), 'Seoul briefing\n\nAbout 10,000 soldiers have moved to Kursk, the National Intelligence Service said.\n\nOfficials said a team may be sent.\n')
  await writeFile(join(dir, 'moscow.txt'), 'Moscow denial\n\nThe Kremlin spokesman told reporters that no foreign troops were in Kursk.\n')
  const a = (await cli('--store', store, 'import', join(dir, 'seoul.txt'))).stdout.trim()
  const b = (await cli('--store', store, 'import', join(dir, 'moscow.txt'))).stdout.trim()
  const tag = async (id: string, ...args: string[]) => JSON.parse((await cli('--store', store, 'annotate', id, ...args, '--json')).stdout).id as string
  const nis = await tag(a, '--kind', 'source', '--quote', 'the National Intelligence Service', '--source-name', 'NIS', '--reliability', 'B')
  const claimA = await tag(a, '--kind', 'claim', '--quote', 'About 10,000 soldiers have moved to Kursk', '--source-annotation', nis, '--credibility', '2')
  const claimB = await tag(b, '--kind', 'claim', '--quote', 'no foreign troops were in Kursk', '--status', 'disputed')
  const question = await tag(a, '--kind', 'question', '--quote', 'a team may be sent')
  return { store, a, b, nis, claimA, claimB, question }
}

describe('cli: views across the notebook', () => {
  it('searches with --kind and --status, as text and as JSON', async () => {
    const t = await notebookWithTwoReports()
    const all = await cli('--store', t.store, 'search', 'kurs')
    expect(all.code).toBe(0)
    expect(all.stdout).toContain('in 2 articles')
    expect(all.stdout).toContain('[Kursk]')
    const disputed = JSON.parse((await cli('--store', t.store, 'search', 'kursk', '--kind', 'claim', '--status', 'disputed', '--json')).stdout)
    expect(disputed.totalHits).toBe(1)
    expect(disputed.groups[0].hits[0]).toMatchObject({ annotationId: t.claimB, kind: 'claim', status: 'disputed' })
    expect(await cli('--store', t.store, 'search', 'kursk', '--kind', 'rumour')).toMatchObject({ code: 1, stderr: expect.stringContaining('--kind must be one of') })
    expect(await cli('--store', t.store, 'search')).toMatchObject({ code: 1, stderr: expect.stringContaining('Say what to search for') })
  })

  it('keeps the search index in a cache file between runs, and reads an article again once it changed', async () => {
    const t = await notebookWithTwoReports()
    expect((await cli('--store', t.store, 'search', 'kremlin', '--kind', 'source', '--json')).code).toBe(0)
    expect((await stat(searchCachePath(t.store))).size).toBeGreaterThan(0)
    const spokesman = JSON.parse((await cli('--store', t.store, 'annotate', t.b, '--kind', 'source', '--quote', 'The Kremlin spokesman', '--json')).stdout).id as string
    const found = JSON.parse((await cli('--store', t.store, 'search', 'kremlin', '--kind', 'source', '--json')).stdout)
    expect(found.groups.flatMap((g: { hits: Array<{ annotationId: string }> }) => g.hits.map((h) => h.annotationId))).toEqual([spokesman])
  })

  it('links two claims in different articles, and the ledger shows the link and the flags', async () => {
    const t = await notebookWithTwoReports()
    const linked = await cli('--store', t.store, 'link', t.claimB, t.claimA, '--type', 'contradicts')
    expect(linked.code).toBe(0)
    expect(linked.stdout.trim()).toMatch(/^lnk_/)
    const rows = JSON.parse((await cli('--store', t.store, 'claims', '--json')).stdout)
    const a = rows.find((r: { claim: { id: string } }) => r.claim.id === t.claimA)
    expect(a).toMatchObject({ evidenceCode: 'B2', singleSource: true, contested: true, links: [{ type: 'contradicts', direction: 'in', annotationId: t.claimB }] })
    const text = (await cli('--store', t.store, 'claims')).stdout
    expect(text).toMatch(/B2 +unverified +SINGLE-SOURCE CONTESTED/)
    expect(await cli('--store', t.store, 'link', t.claimA, t.claimB, '--type', 'refutes')).toMatchObject({ code: 1, stderr: expect.stringContaining('--type must be one of') })
    expect(await cli('--store', t.store, 'link', t.claimA, 'ann_0000000000000000', '--type', 'supports')).toMatchObject({ code: 1, stderr: expect.stringContaining('no annotation ann_0000000000000000') })
  })

  it('lists the registry and the open questions', async () => {
    const t = await notebookWithTwoReports()
    expect((await cli('--store', t.store, 'sources')).stdout).toMatch(/src_\w+ +B +NIS +1 claim · 1 article/)
    const open = JSON.parse((await cli('--store', t.store, 'questions', '--status', 'open', '--json')).stdout)
    expect(open.map((r: { question: { id: string } }) => r.question.id)).toEqual([t.question])
    expect(JSON.parse((await cli('--store', t.store, 'questions', '--status', 'answered', '--json')).stdout)).toEqual([])
  })

  it('suggests sources and claims for an article', async () => {
    const t = await notebookWithTwoReports()
    const out = JSON.parse((await cli('--store', t.store, 'suggest', t.b, '--json')).stdout)
    expect(out.map((s: { kind: string; quote: string }) => [s.kind, s.quote])).toEqual([['source', 'The Kremlin spokesman']])
    expect((await cli('--store', t.store, 'suggest', t.b)).stdout).toContain('"The Kremlin spokesman"')
  })

  it('leaves out the suggestions the analyst dismissed in the app', async () => {
    const t = await notebookWithTwoReports()
    const store = await NotebookStore.open(t.store, { holder: 'test' })
    const services = createServices(store)
    await services.dismissSuggestions({ articleId: t.b, ids: 'all' })
    await store.close()
    expect(JSON.parse((await cli('--store', t.store, 'suggest', t.b, '--json')).stdout)).toEqual([])
    expect((await cli('--store', t.store, 'suggest', t.b)).stdout).toContain('No suggestions')
  })
})
