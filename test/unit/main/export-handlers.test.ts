import { describe, expect, it, vi } from 'vitest'
import { useNotebook } from '../../helpers/notebook'
import { createHandlers, type ShellDeps } from '../../../src-main/main/ipc/handlers'
import type { ExportProgress } from '../../../src-main/shared/ipc-contract'
import { appShellMocks } from '../../helpers/app-shell-fake'

const open = useNotebook()

function shell(savePath: string | null) {
  return {
    pickImportFiles: vi.fn(async () => []),
    confirmOpenExternal: vi.fn(async () => false),
    openExternal: vi.fn(async () => {}),
    windowFlushed: vi.fn(),
    saveExport: vi.fn(async (_name: string, _bytes: Uint8Array) => savePath),
    showInFolder: vi.fn((_path: string) => {}),
    printToPdf: vi.fn(async (_html: string) => new TextEncoder().encode('%PDF-')),
    exportProgress: vi.fn((_p: ExportProgress) => {}),
    importProgress: vi.fn(),
    ...appShellMocks(),
  } satisfies ShellDeps
}

describe('export channels', () => {
  it('export:save renders, lets main pick the path, and Show in folder reveals only that file', async () => {
    const { services } = await open()
    const article = await services.createArticle({ title: 'A report', text: 'Officials said troops moved.' })
    const deps = shell('/home/analyst/A report.pdf')
    const handlers = createHandlers(() => services, deps)
    expect(await handlers.showExportInFolder(undefined)).toEqual({ shown: false })
    const saved = await handlers.exportSave({ target: { kind: 'articles', ids: [article.id] }, format: 'pdf' })
    expect(saved).toEqual({ path: '/home/analyst/A report.pdf', fileName: 'A report.pdf', bytes: 5 })
    expect(deps.printToPdf.mock.calls[0]![0]).toMatch(/^<!DOCTYPE html>/)
    expect(deps.saveExport).toHaveBeenCalledWith('A report.pdf', expect.any(Uint8Array))
    expect(deps.exportProgress.mock.calls.map(([p]) => p.stage)).toEqual(['collecting', 'collecting', 'rendering', 'rendering', 'saving', 'done'])
    expect(await handlers.showExportInFolder(undefined)).toEqual({ shown: true })
    expect(deps.showInFolder).toHaveBeenCalledWith('/home/analyst/A report.pdf')
  })

  it('a cancelled save dialog saves nothing and leaves Show in folder with nothing to show', async () => {
    const { services } = await open()
    await services.createArticle({ title: 'A report', text: 'Officials said troops moved.' })
    const deps = shell(null)
    const handlers = createHandlers(() => services, deps)
    expect(await handlers.exportSave({ target: { kind: 'all' }, format: 'md' })).toMatchObject({ path: null })
    expect(await handlers.showExportInFolder(undefined)).toEqual({ shown: false })
  })

  it('refuses a path or an unknown format from the window: only the contract\'s fields pass', async () => {
    const { services } = await open()
    const handlers = createHandlers(() => services, shell('/x'))
    await expect(handlers.exportSave({ target: { kind: 'all' }, format: 'md', path: '/etc/passwd' })).rejects.toThrow(/Invalid request to export:save/)
    await expect(handlers.exportSave({ target: { kind: 'all' }, format: 'exe' })).rejects.toThrow(/Invalid request to export:save \(format\)/)
    await expect(handlers.showExportInFolder({ path: '/etc' })).rejects.toThrow(/Invalid request to export:show-in-folder/)
  })
})
