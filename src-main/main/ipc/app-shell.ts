/**
 * The contract entries that belong to the app around the notebook rather than to the notebook: which notebook is
 * open, the window's saved view state and theme, zoom and full screen. handlers.ts spreads them into its table,
 * so they are validated and reported like every other channel; main and the e2e harness each supply the deps.
 */
import type { Api, ImportResult } from '../../shared/ipc-contract'
import type { ThemeSetting, WindowActionId } from '../../shared/commands'
import type { LoadedUiState, NotebookList, NotebookSwitch, UiState } from '../../shared/model/settings'

export interface AppShellDeps {
  listNotebooks(): NotebookList
  /** Shows main's folder dialog, then switches. */
  openNotebookFromDialog(): Promise<NotebookSwitch>
  /** Shows main's save dialog for a new folder, then creates the notebook there and switches. */
  createNotebookFromDialog(): Promise<NotebookSwitch>
  switchToRecentNotebook(id: string): Promise<NotebookSwitch>
  showNotebookFolder(): void
  loadUiState(): LoadedUiState
  saveUiState(state: UiState): void
  setTheme(theme: ThemeSetting): void
  windowAction(action: WindowActionId): void
  /** The import results of files the OS opened with the app, each handed over once. */
  takeOpenedFiles(): ImportResult[]
}

type AppShellMethods =
  | 'listNotebooks'
  | 'openNotebook'
  | 'createNotebook'
  | 'switchNotebook'
  | 'showNotebookFolder'
  | 'loadUiState'
  | 'saveUiState'
  | 'setTheme'
  | 'windowAction'
  | 'takeOpenedFiles'

export function appShellHandlers(shell: AppShellDeps): Pick<Api, AppShellMethods> {
  return {
    listNotebooks: async () => shell.listNotebooks(),
    openNotebook: () => shell.openNotebookFromDialog(),
    createNotebook: () => shell.createNotebookFromDialog(),
    switchNotebook: ({ id }) => shell.switchToRecentNotebook(id),
    showNotebookFolder: async () => {
      shell.showNotebookFolder()
      return { shown: true }
    },
    loadUiState: async () => shell.loadUiState(),
    saveUiState: async (state) => {
      shell.saveUiState(state)
      return { saved: true }
    },
    setTheme: async ({ theme }) => {
      shell.setTheme(theme)
      return { theme }
    },
    windowAction: async ({ action }) => {
      shell.windowAction(action)
      return { done: true }
    },
    takeOpenedFiles: async () => shell.takeOpenedFiles(),
  }
}
