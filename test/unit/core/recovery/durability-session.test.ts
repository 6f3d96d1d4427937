import { describe, expect, it } from 'vitest'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startDurability } from '../../../../src-main/core/recovery/durability-session'
import { HotExitJournal } from '../../../../src-main/core/recovery/hot-exit-journal'
import { listBackups } from '../../../../src-main/core/backup/backup-list'
import { useNotebook, paragraphs } from '../../../helpers/notebook'

const notebook = useNotebook()

describe('startDurability', () => {
  it('takes the launch snapshot, replays what a crash left after it, and tells the analyst', async () => {
    const { dir, services, store } = await notebook()
    const meta = await services.createArticle({ title: 'Convoy', text: 'Saved text.' })
    const crashed = await HotExitJournal.open(store.layout.hotExit, { notebookId: store.index.notebook.id })
    crashed.record({ articleId: meta.id, field: 'body', rev: 4, doc: paragraphs('Typed before the crash.') })
    await crashed.flush()

    const session = await startDurability(services)
    expect(session.notices).toEqual(['The last session ended before some edits were saved; they were recovered and saved now ("Convoy").'])
    expect(store.notices).toContain(session.notices[0])
    expect((await services.getArticle(meta.id)).doc).toEqual(paragraphs('Typed before the crash.'))
    const launch = (await session.launchSnapshot)!
    expect(launch.manifest.reason).toBe('launch')
    // The snapshot holds the article as it was before the replay, so the replay itself can be undone.
    expect(await readFile(join(launch.dir, store.layout.articleRel(meta.id)), 'utf8')).toContain('Saved text.')

    session.journal.record({ articleId: meta.id, field: 'notes', rev: 1, notes: '<p>draft</p>' })
    session.journal.settle(meta.id, 'notes', 1)
    await session.stop()
    expect(await readdir(dir)).not.toContain('hot-exit.json')
    expect((await listBackups(dir)).length).toBe(1)
  })

  it('starts quietly when the last session ended cleanly', async () => {
    const { services } = await notebook()
    await services.createArticle({ title: 'Convoy', text: 'Saved text.' })
    const session = await startDurability(services)
    expect(session.notices).toEqual([])
    expect(await session.launchSnapshot).not.toBeNull()
    await session.stop()
  })
})
