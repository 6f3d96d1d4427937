/**
 * What exporting needs from the shell around the window: the native save dialog (the only place an export's path
 * is chosen), the system file manager, PDF printing and progress events. Spread into main's ShellDeps.
 */
import { dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron'
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { ExportProgress } from '../shared/ipc-contract'
import type { ShellDeps } from './ipc/handlers'
import { printHtmlToPdf } from './export-pdf'

const FILTERS: Record<string, NonNullable<SaveDialogOptions['filters']>> = {
  '.md': [{ name: 'Markdown', extensions: ['md'] }],
  '.html': [{ name: 'Web page (self-contained)', extensions: ['html'] }],
  '.pdf': [{ name: 'PDF', extensions: ['pdf'] }],
  '.docx': [{ name: 'Word document', extensions: ['docx'] }],
  // The file association opens .intelnotebook with the app; .json is offered for tools that want the extension.
  '.intelnotebook': [
    { name: 'Intel Notebook export', extensions: ['intelnotebook'] },
    { name: 'Intel Notebook export (JSON)', extensions: ['json'] },
  ],
  '.jsonld': [{ name: 'W3C Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] }],
}

/** The save dialog's file types for an export's suggested name: its own first, so that is what the dialog keeps. */
export function exportSaveFilters(suggestedName: string): NonNullable<SaveDialogOptions['filters']> {
  return FILTERS[extname(suggestedName).toLowerCase()] ?? []
}

export function exportShellDeps(
  window: () => BrowserWindow | null,
  sendProgress: (progress: ExportProgress) => void,
): Pick<ShellDeps, 'saveExport' | 'showInFolder' | 'printToPdf' | 'exportProgress'> {
  return {
    async saveExport(suggestedName, bytes) {
      const win = window()
      const options: SaveDialogOptions = {
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath: suggestedName,
        filters: exportSaveFilters(suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      await writeFile(result.filePath, bytes)
      return result.filePath
    },
    showInFolder: (path) => shell.showItemInFolder(path),
    printToPdf: printHtmlToPdf,
    exportProgress: sendProgress,
  }
}
