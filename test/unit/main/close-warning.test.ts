import { readFile } from 'node:fs/promises'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { realFs, type FsOps } from '../../../src-main/core/store/fs-ops'
import { NotebookStore } from '../../../src-main/core/store/notebook-store'
import { createServices } from '../../../src-main/core/services/notebook-services'
import { useTempDirs } from '../../helpers/temp-dir'
import { BrowserWindow, dialog, resetElectron } from './stub-electron'

vi.mock('electron', () => import('./stub-electron'))
const { askUnsaved, UNSAVED_BUTTONS } = await import('../../../src-main/main/dialogs')
const { CloseGuard, describeFailingWrites } = await import('../../../src-main/main/close-guard')

/**
 * Closing while the disk refuses writes, with the real store behind a failing file system and the real warning
 * dialog (Electron's dialog is the stub's spy): the window stays unless the analyst says otherwise, and the warning
 * says the edits are held in memory and lost on quitting.
 */
const tempDir = useTempDirs()

function failingRenames() {
  const faults = { fail: true }
  const fs: FsOps = {
    ...realFs,
    rename: async (from, to) => {
      if (faults.fail) throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' })
      return realFs.rename(from, to)
    },
  }
  return { fs, faults }
}

async function failingNotebook() {
  const dir = await tempDir()
  const { fs, faults } = failingRenames()
  faults.fail = false
  const store = await NotebookStore.open(dir, { holder: 'close warning test', fs, retry: { first: 60_000, max: 60_000 } })
  const services = createServices(store)
  const article = await services.createArticle({ title: 'Depot fire', text: 'Satellite images show a fire at the depot.' })
  faults.fail = true
  await expect(services.saveArticleNotes(article.id, '<p>Second source needed.</p>')).rejects.toThrow(/cannot be written \(EROFS\)/)
  const win = new BrowserWindow({})
  const guard = new CloseGuard({
    requestFlush: () => false,
    store,
    describeFailures: (files) => describeFailingWrites(files, store.failingWrites, dir),
    askUnsaved: (detail) => askUnsaved(win as never, detail),
  })
  return { dir, store, faults, guard, article }
}

const answer = (choice: (typeof UNSAVED_BUTTONS)[number]['choice']) =>
  dialog.showMessageBox.mockResolvedValueOnce({ response: UNSAVED_BUTTONS.findIndex((b) => b.choice === choice), checkboxChecked: false })

beforeEach(() => resetElectron())

describe('closing while writes fail', () => {
  it('warns that the edits are held in memory and would be lost, and keeps the window when asked to', async () => {
    const { dir, store, guard, faults } = await failingNotebook()
    answer('keep-editing')
    await expect(guard.prepareToClose()).resolves.toBe(false)
    expect(guard.mayClose).toBe(false)
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
    const options = dialog.showMessageBox.mock.calls[0]![1] as { type: string; message: string; detail: string; buttons: string[]; cancelId: number }
    expect(options.type).toBe('warning')
    expect(options.detail).toContain('The notebook folder cannot be written (EROFS), so the article "Depot fire" was not saved.')
    expect(options.detail).toContain('held only in memory')
    expect(options.detail).toContain('If you quit now, they will be lost.')
    expect(options.detail).toContain(`The notebook is in ${dir}.`)
    expect(options.buttons).toEqual(['Keep editing', 'Try saving again', 'Quit without saving'])
    expect(UNSAVED_BUTTONS[options.cancelId]!.choice).toBe('keep-editing')
    expect(store.failingFiles).toHaveLength(1)
    faults.fail = false
    await store.close()
  })

  it('tries again when asked, and closes once the edits are on disk', async () => {
    const { store, faults, guard, article } = await failingNotebook()
    answer('retry')
    answer('keep-editing')
    // Still failing: the retry fails too and the analyst is asked again.
    await expect(guard.prepareToClose()).resolves.toBe(false)
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2)

    faults.fail = false
    answer('retry')
    await expect(guard.prepareToClose()).resolves.toBe(true)
    expect(guard.mayClose).toBe(true)
    expect(store.failingFiles).toEqual([])
    expect(await readFile(store.layout.article(article.id), 'utf8')).toContain('Second source needed.')
    await store.close()
  })

  it('closes without the edits only when the analyst chooses to quit without saving', async () => {
    const { store, guard, faults } = await failingNotebook()
    answer('quit-anyway')
    await expect(guard.prepareToClose()).resolves.toBe(true)
    expect(store.failingFiles).toHaveLength(1)
    faults.fail = false
    await store.close()
  })
})
