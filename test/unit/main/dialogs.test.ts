import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dialog, resetElectron } from './stub-electron'
import { useTempDirs } from '../../helpers/temp-dir'

vi.mock('electron', () => import('./stub-electron'))
const { askUnsaved, confirmOpenExternal, pickImportFiles, EXTERNAL_LINK_BUTTONS, UNSAVED_BUTTONS } = await import('../../../src-main/main/dialogs')

const tempDir = useTempDirs()
const win = { id: 1 } as never

beforeEach(() => resetElectron())

describe('the import dialog', () => {
  it('offers several articles of the supported kinds', async () => {
    await pickImportFiles(win)
    const [, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions]
    expect(options.properties).toEqual(['openFile', 'multiSelections'])
    expect(options.filters).toEqual([{ name: expect.any(String), extensions: ['txt', 'md', 'html', 'htm', 'docx', 'intelnotebook', 'json'] }])
  })

  it('returns nothing when cancelled', async () => {
    await expect(pickImportFiles(win)).resolves.toEqual([])
  })

  it('reads the chosen files in main', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'a.txt'), 'A\nbody')
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'a.txt')] })
    const files = await pickImportFiles(win)
    expect(files).toEqual([{ name: 'a.txt', bytes: new Uint8Array(Buffer.from('A\nbody')) }])
  })

  it('works without a window', async () => {
    await pickImportFiles(null)
    expect(dialog.showOpenDialog.mock.calls[0]).toHaveLength(1)
  })
})

describe('the external link confirm', () => {
  it('shows the whole URL and defaults to Cancel', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    await expect(confirmOpenExternal(win, 'https://example.com/a?b=c')).resolves.toBe(false)
    const [, options] = dialog.showMessageBox.mock.calls[0] as [unknown, Electron.MessageBoxOptions]
    expect(options.detail).toContain('https://example.com/a?b=c')
    expect(options.buttons![options.defaultId!]).toBe('Cancel')
    expect(options.buttons![options.cancelId!]).toBe('Cancel')
    expect(EXTERNAL_LINK_BUTTONS[0]).toBe('Open in browser')
  })

  it('agrees only on the first button', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    await expect(confirmOpenExternal(win, 'https://example.com/')).resolves.toBe(true)
  })
})

describe('the unsaved-changes warning', () => {
  it.each(UNSAVED_BUTTONS.map((b, i) => [i, b.choice] as const))('maps button %i to %s', async (response, choice) => {
    dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false })
    await expect(askUnsaved(win, 'index failed')).resolves.toBe(choice)
  })

  it('keeps editing when dismissed, and says what fails', async () => {
    await askUnsaved(win, 'The disk is full, so the notebook index could not be saved.')
    const [, options] = dialog.showMessageBox.mock.calls[0] as [unknown, Electron.MessageBoxOptions]
    expect(options.type).toBe('warning')
    expect(options.detail).toContain('The disk is full')
    expect(UNSAVED_BUTTONS[options.cancelId!]!.choice).toBe('keep-editing')
    expect(UNSAVED_BUTTONS.map((b) => b.choice)).toEqual(['keep-editing', 'retry', 'quit-anyway'])
  })
})
