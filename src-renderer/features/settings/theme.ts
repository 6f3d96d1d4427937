import { THEME_LABEL, type ThemeSetting } from '../../../src-main/shared/commands'
import { api } from '../../api/client'

/**
 * The theme the analyst chose. "system" leaves the colours to the OS (prefers-color-scheme); light and dark set
 * data-theme on the root, which pins color-scheme and with it every light-dark() colour in base.css. Main keeps the
 * setting in its settings file and sets nativeTheme to match, so native menus and dialogs agree.
 */
let current: ThemeSetting = 'system'
const listeners = new Set<() => void>()

export function applyTheme(theme: ThemeSetting): void {
  current = theme
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
  for (const l of listeners) l()
}

/** Applies the theme at once and asks main to keep it; a failure to save is reported, the look stays. */
export async function chooseTheme(theme: ThemeSetting): Promise<void> {
  applyTheme(theme)
  await api().setTheme({ theme })
}

export const themeStore = {
  get: (): ThemeSetting => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
}

export function themeLabel(theme: ThemeSetting): string {
  return theme === 'system' ? `Theme: ${THEME_LABEL.system} (${matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'} now)` : `Theme: ${THEME_LABEL[theme]}`
}
