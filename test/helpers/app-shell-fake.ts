/**
 * Stand-ins for the app-shell part of the handler table's ShellDeps (notebooks, view state, theme, zoom), for tests
 * whose subject is elsewhere: every function is a vitest mock with a harmless answer, so a test can still assert
 * what was asked of it.
 */
import { vi } from 'vitest'
import type { AppShellDeps } from '../../src-main/main/ipc/app-shell'
import type { LoadedUiState, NotebookList, NotebookSwitch, UiState } from '../../src-main/shared/model/settings'
import type { ThemeSetting, WindowActionId } from '../../src-main/shared/commands'
import type { ImportResult } from '../../src-main/shared/ipc-contract'

export function appShellMocks() {
  const current = { id: '0000000000000000', name: 'Notebook', path: '/notebooks/Notebook' }
  return {
    listNotebooks: vi.fn((): NotebookList => ({ current, recent: [] })),
    openNotebookFromDialog: vi.fn(async (): Promise<NotebookSwitch> => ({ outcome: 'cancelled' })),
    createNotebookFromDialog: vi.fn(async (): Promise<NotebookSwitch> => ({ outcome: 'cancelled' })),
    switchToRecentNotebook: vi.fn(async (_id: string): Promise<NotebookSwitch> => ({ outcome: 'same' })),
    showNotebookFolder: vi.fn(() => {}),
    loadUiState: vi.fn((): LoadedUiState => ({ theme: 'system', panes: null, place: null })),
    saveUiState: vi.fn((_state: UiState) => {}),
    setTheme: vi.fn((_theme: ThemeSetting) => {}),
    windowAction: vi.fn((_action: WindowActionId) => {}),
    takeOpenedFiles: vi.fn((): ImportResult[] => []),
  } satisfies AppShellDeps
}
