import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HotExitJournal } from '../../../../src-main/core/recovery/hot-exit-journal'
import { replayHotExit, replayTargetOf } from '../../../../src-main/core/recovery/hot-exit-replay'
import { newId } from '../../../../src-main/shared/model/ids'
import { useNotebook, paragraphs } from '../../../helpers/notebook'
import { useTempDirs } from '../../../helpers/temp-dir'

const notebook = useNotebook()
const tempDir = useTempDirs()
const NB = newId('notebook')

describe('the hot-exit journal', () => {
  it('writes unsaved edits on a short debounce, not on every keystroke', async () => {
    const path = join(await tempDir(), 'hot-exit.json')
    const journal = await HotExitJournal.open(path, { notebookId: NB, debounceMs: 40 })
    const articleId = newId('article')
    for (let rev = 1; rev <= 5; rev++) journal.record({ articleId, field: 'notes', rev, notes: `draft ${rev}` })
    expect(await readdir(join(path, '..'))).toEqual([])
    await new Promise((r) => setTimeout(r, 150))
    const file = JSON.parse(await readFile(path, 'utf8'))
    expect(file).toMatchObject({ schemaVersion: 1, notebookId: NB, entries: [{ articleId, field: 'notes', rev: 5, notes: 'draft 5' }] })
    await journal.close()
  })

  it('drops an entry once a save that includes it is on disk, keeps a newer one, and leaves no file after a clean exit', async () => {
    const path = join(await tempDir(), 'hot-exit.json')
    const journal = await HotExitJournal.open(path, { notebookId: NB })
    const a = newId('article')
    journal.record({ articleId: a, field: 'body', rev: 7, doc: paragraphs('seven') })
    await journal.flush()
    journal.settle(a, 'body', 6)
    expect(journal.pending).toHaveLength(1)
    journal.record({ articleId: a, field: 'body', rev: 3, doc: paragraphs('stale') })
    expect(journal.pending[0]).toMatchObject({ rev: 7 })
    journal.settle(a, 'body', 7)
    expect(journal.pending).toEqual([])
    await journal.close()
    expect(await readdir(join(path, '..'))).toEqual([])
  })

  it('brings back after a crash the edits that never reached the notebook, through the editor\'s own saves', async () => {
    const { dir, services } = await notebook()
    const meta = await services.createArticle({ title: 'Troop movements', text: 'Original text.' })
    const other = await services.createArticle({ title: 'Statement', text: 'Another.' })
    const path = join(dir, 'hot-exit.json')
    const before = await HotExitJournal.open(path, { notebookId: services.store.index.notebook.id })
    before.record({ articleId: meta.id, field: 'body', rev: 12, doc: paragraphs('Typed just before the crash.') })
    before.record({ articleId: other.id, field: 'notes', rev: 2, notes: '<p>A note never saved.</p>' })
    await before.flush()
    // The process dies here: no settle, no close.

    const after = await HotExitJournal.open(path, { notebookId: services.store.index.notebook.id })
    expect(after.leftover).toHaveLength(2)
    const result = await replayHotExit(after, replayTargetOf(services))
    expect(result.failed).toEqual([])
    expect(result.notice).toBe('The last session ended before some edits were saved; they were recovered and saved now ("Troop movements", "Statement").')
    expect((await services.getArticle(meta.id)).doc).toEqual(paragraphs('Typed just before the crash.'))
    expect((await services.getArticle(other.id)).notes).toBe('<p>A note never saved.</p>')
    expect(after.leftover).toEqual([])
    await after.close()
    expect(await readdir(dir)).not.toContain('hot-exit.json')
  })

  it('keeps edits it cannot apply in a file of their own and names it', async () => {
    const { dir, services } = await notebook()
    const path = join(dir, 'hot-exit.json')
    const before = await HotExitJournal.open(path, { notebookId: services.store.index.notebook.id })
    const gone = newId('article')
    before.record({ articleId: gone, field: 'notes', rev: 1, notes: '<p>orphaned draft</p>' })
    await before.flush()
    const after = await HotExitJournal.open(path, { notebookId: services.store.index.notebook.id })
    const result = await replayHotExit(after, replayTargetOf(services))
    expect(result.replayed).toEqual([])
    expect(result.notice).toMatch(/^1 unsaved edit from the last session could not be applied \(the article is no longer in the notebook\); it is kept in .+\.unapplied\.$/)
    const kept = JSON.parse(await readFile(result.keptIn!, 'utf8'))
    expect(kept.entries[0]).toMatchObject({ articleId: gone, notes: '<p>orphaned draft</p>' })
    await after.close()
  })

  it('keeps the leftover on disk until the replay has finished, so a second crash replays again', async () => {
    const path = join(await tempDir(), 'hot-exit.json')
    const a = newId('article')
    const first = await HotExitJournal.open(path, { notebookId: NB })
    first.record({ articleId: a, field: 'notes', rev: 1, notes: 'x' })
    await first.flush()
    const second = await HotExitJournal.open(path, { notebookId: NB })
    second.record({ articleId: a, field: 'notes', rev: 2, notes: 'y' })
    await second.flush()
    const third = await HotExitJournal.open(path, { notebookId: NB })
    expect(third.leftover.map((e) => e.rev)).toEqual([1, 2])
  })

  it('moves a damaged journal aside and says the edits in it could not be recovered', async () => {
    const dir = await tempDir()
    const path = join(dir, 'hot-exit.json')
    await writeFile(path, '{"schemaVersion":1,"notebookId":"x","entr')
    const journal = await HotExitJournal.open(path, { notebookId: NB })
    expect(journal.leftover).toEqual([])
    expect(journal.notices[0]).toMatch(/^The record of unsaved changes from the last session was damaged \(it is not complete JSON\), so they could not be recovered; it is kept as .+hot-exit\.json\.damaged\.$/)
    expect(await readFile(`${path}.damaged`, 'utf8')).toBe('{"schemaVersion":1,"notebookId":"x","entr')
  })

  it('never replays another notebook\'s journal into this one', async () => {
    const path = join(await tempDir(), 'hot-exit.json')
    const other = await HotExitJournal.open(path, { notebookId: newId('notebook') })
    other.record({ articleId: newId('article'), field: 'notes', rev: 1, notes: 'elsewhere' })
    await other.flush()
    const journal = await HotExitJournal.open(path, { notebookId: NB })
    expect(journal.leftover).toEqual([])
    expect(journal.notices[0]).toMatch(/from another notebook were found and not applied here/)
  })

  it('refuses an entry that is not an edit of an article', async () => {
    const journal = await HotExitJournal.open(join(await tempDir(), 'hot-exit.json'), { notebookId: NB })
    expect(() => journal.record({ articleId: '../../etc/passwd', field: 'notes', rev: 1, notes: 'x' })).toThrow()
    expect(journal.pending).toEqual([])
  })
})
