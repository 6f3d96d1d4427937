import type { ArticlePlace, LoadedUiState, Panes, UiState } from '../../../src-main/shared/model/settings'
import { api } from '../../api/client'
import { applyTheme } from './theme'

/**
 * The window's view state lives in main's settings file: loaded once before the first render (so panes do not jump
 * and the theme does not flash), saved on a short debounce while the analyst works, and at once as the page goes.
 */
let loaded: LoadedUiState = { theme: 'system', panes: null, place: null }

export async function loadViewState(): Promise<void> {
  try {
    loaded = await api().loadUiState()
  } catch {
    // No bridge, or main could not answer: the defaults apply and the app reports the bridge itself.
  }
  applyTheme(loaded.theme)
}

export function savedPanes(): Panes | null {
  return loaded.panes
}

export function savedPlace(): ArticlePlace | null {
  return loaded.place
}

const SAVE_DELAY_MS = 400
let pending: UiState | null = null
let timer: ReturnType<typeof setTimeout> | null = null

export function saveViewState(state: UiState): void {
  pending = state
  timer ??= setTimeout(flushViewState, SAVE_DELAY_MS)
}

export function flushViewState(): void {
  if (timer) clearTimeout(timer)
  timer = null
  const state = pending
  pending = null
  if (state) void api().saveUiState(state).catch(() => {})
}
