import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dialog, resetElectron } from './stub-electron'
import { useTempDirs } from '../../helpers/temp-dir'

vi.mock('electron', () => import('./stub-electron'))
const { exportShellDeps, exportSaveFilters } = await import('../../../src-main/main/export-shell')

const tempDir = useTempDirs()
const win = { id: 1 } as never

beforeEach(() => resetElectron())

describe('the export save dialog', () => {
  it('suggests a notebook export as .intelnotebook, the type the OS opens with the app, and offers .json too', async () => {
    const dir = await tempDir()
    const target = join(dir, 'Case 12.intelnotebook')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const deps = exportShellDeps(() => win, () => {})
    await expect(deps.saveExport('Case 12.intelnotebook', new TextEncoder().encode('{"format":"intel-notebook-export"}'))).resolves.toBe(target)
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, Electron.SaveDialogOptions]
    expect(parent).toBe(win)
    expect(options.defaultPath).toBe('Case 12.intelnotebook')
    expect(options.filters).toEqual([
      { name: 'Intel Notebook export', extensions: ['intelnotebook'] },
      { name: 'Intel Notebook export (JSON)', extensions: ['json'] },
    ])
    expect(await readFile(target, 'utf8')).toBe('{"format":"intel-notebook-export"}')
  })

  it('offers each other format its own type, and nothing for a name it does not know', () => {
    expect(exportSaveFilters('Brief.pdf')).toEqual([{ name: 'PDF', extensions: ['pdf'] }])
    expect(exportSaveFilters('Brief.DOCX')).toEqual([{ name: 'Word document', extensions: ['docx'] }])
    expect(exportSaveFilters('Brief annotations.jsonld')[0]!.extensions).toEqual(['jsonld', 'json'])
    expect(exportSaveFilters('Brief')).toEqual([])
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const deps = exportShellDeps(() => null, () => {})
    await expect(deps.saveExport('Case.intelnotebook', new Uint8Array([1]))).resolves.toBeNull()
    expect(dialog.showSaveDialog.mock.calls[0]).toHaveLength(1)
  })
})
