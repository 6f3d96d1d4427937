/**
 * Native dialogs. File paths exist only here, in main: the renderer receives names and bytes (DESIGN rule 9).
 */
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { IMPORT_EXTENSIONS, readPickedFiles, type PickedFile } from './import-files'

export async function pickImportFiles(win: BrowserWindow | null): Promise<PickedFile[]> {
  const options: OpenDialogOptions = {
    title: 'Import articles',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles and notebook exports (text, Markdown, HTML, Word, Intel Notebook, JSON)', extensions: [...IMPORT_EXTENSIONS] }],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  if (result.canceled || result.filePaths.length === 0) return []
  return readPickedFiles(result.filePaths)
}

async function messageBox(win: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
  return response
}

export const EXTERNAL_LINK_BUTTONS = ['Open in browser', 'Cancel'] as const

/** Shows the whole URL, so the analyst sees where a link really goes before leaving the app. Cancel is the default. */
export async function confirmOpenExternal(win: BrowserWindow | null, url: string): Promise<boolean> {
  const response = await messageBox(win, {
    type: 'question',
    title: 'Open link',
    message: 'Open this link in your web browser?',
    detail: `${url}\n\nThe page is opened outside Intel Notebook, by your default browser or mail program.`,
    buttons: [...EXTERNAL_LINK_BUTTONS],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })
  return response === 0
}

export type UnsavedChoice = 'keep-editing' | 'retry' | 'quit-anyway'
export const UNSAVED_BUTTONS: ReadonlyArray<{ label: string; choice: UnsavedChoice }> = [
  { label: 'Keep editing', choice: 'keep-editing' },
  { label: 'Try saving again', choice: 'retry' },
  { label: 'Quit without saving', choice: 'quit-anyway' },
]

/** Asked when the window is closing and some writes still fail; escaping the dialog keeps the window open. */
export async function askUnsaved(win: BrowserWindow | null, detail: string): Promise<UnsavedChoice> {
  const response = await messageBox(win, {
    type: 'warning',
    title: 'Changes not saved',
    message: 'Some of your edits could not be saved to disk.',
    detail: `${detail}\n\nThose edits are held only in memory, and Intel Notebook keeps trying to save them while it stays open. If you quit now, they will be lost.`,
    buttons: UNSAVED_BUTTONS.map((b) => b.label),
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  return UNSAVED_BUTTONS[response]?.choice ?? 'keep-editing'
}

/** File > Open Notebook…: a folder that holds a notebook; null when cancelled. */
export async function pickNotebookFolder(win: BrowserWindow | null, near: string): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open notebook',
    buttonLabel: 'Open Notebook',
    message: 'Choose the folder that holds notebook.json.',
    defaultPath: near,
    properties: ['openDirectory'],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** File > New Notebook…: the name and place of a new folder; null when cancelled. */
export async function pickNewNotebookFolder(win: BrowserWindow | null, near: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'New notebook',
    buttonLabel: 'Create Notebook',
    message: 'Name the folder the new notebook will live in.',
    nameFieldLabel: 'Notebook:',
    defaultPath: near,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

/** Something the analyst should know that needs no decision, such as a notebook that opened instead of another. */
export async function showNotice(win: BrowserWindow | null, message: string, detail?: string): Promise<void> {
  await messageBox(win, { type: 'info', title: 'Intel Notebook', message, detail, buttons: ['OK'], noLink: true })
}

/** Before any window exists (the notebook cannot be opened), the only way to tell the analyst why the app stops. */
export function showStartupError(message: string): void {
  dialog.showErrorBox('Intel Notebook cannot open the notebook', message)
}
