import { join } from 'node:path'

/** The folder inside Electron's userData that holds the analyst's notebook. */
export const NOTEBOOK_FOLDER = 'Notebook'

/**
 * Electron names userData after package.json's productName ("Intel Notebook"), so the notebook lives at:
 * - Linux: ~/.config/Intel Notebook/Notebook (or $XDG_CONFIG_HOME/Intel Notebook/Notebook)
 * - macOS: ~/Library/Application Support/Intel Notebook/Notebook
 * - Windows: %APPDATA%\Intel Notebook\Notebook
 */
export function notebookDir(userData: string): string {
  return join(userData, NOTEBOOK_FOLDER)
}

/**
 * Setting this variable moves userData (and so the notebook, and the single-instance lock) elsewhere: a second
 * profile for a separate case, or a throwaway one for a smoke test.
 */
export const USER_DATA_ENV = 'INTEL_NOTEBOOK_USER_DATA'

/** The built bundles, relative to out/main/index.js: electron-vite writes main, preload and renderer side by side. */
export function bundlePaths(mainDir: string) {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
    rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
  }
}
