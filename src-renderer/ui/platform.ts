/** Whether the window runs on macOS, where Mod means Command and a few Ctrl/Cmd chords belong to the system. */
export const isMac: boolean =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '')
