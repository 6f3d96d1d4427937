/**
 * THE list of the app's commands. Main builds its menu from it (each item sends its id to the window as an
 * onMenuCommand event), the window's command palette and shortcuts sheet list it, and the window's key handler
 * derives its chords from the same accelerators, so a command has one name and one chord everywhere.
 * Pure data and string functions: main, the renderer and tests all import it.
 */
export type CommandMenu = 'File' | 'Edit' | 'Annotate' | 'View' | 'Help'

export interface CommandSpec {
  id: string
  /** The menu label; the palette shows it after the menu's name ("File: New Article…"). */
  label: string
  menu: CommandMenu
  /** Electron accelerator syntax. */
  accelerator: string
  /** Where macOS reserves the chord, the binding used there instead. */
  macAccelerator?: string
  /** More words the palette matches, for analysts who do not know the label. */
  keywords?: string
}

export const COMMANDS = [
  { id: 'new-article', label: 'New Article…', menu: 'File', accelerator: 'CmdOrCtrl+N', keywords: 'paste create add' },
  { id: 'import', label: 'Import Articles…', menu: 'File', accelerator: 'CmdOrCtrl+O', keywords: 'open file docx html markdown text' },
  { id: 'export', label: 'Export…', menu: 'File', accelerator: 'CmdOrCtrl+E', keywords: 'brief pdf docx markdown html save' },
  { id: 'new-notebook', label: 'New Notebook…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+N', keywords: 'create folder case' },
  { id: 'open-notebook', label: 'Open Notebook…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+O', keywords: 'folder case another' },
  { id: 'switch-notebook', label: 'Switch Notebook…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+R', keywords: 'recent notebooks case' },
  { id: 'notebook-protection', label: 'Passphrase Protection…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+P', keywords: 'encrypt password lock security protect passphrase' },
  { id: 'show-notebook-folder', label: 'Show Notebook Folder', menu: 'File', accelerator: 'CmdOrCtrl+Shift+E', keywords: 'reveal files explorer finder data location' },
  { id: 'restore-backup', label: 'Restore…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+B', keywords: 'backup snapshot undo revert recover earlier version' },
  { id: 'find-in-notebook', label: 'Find in Notebook', menu: 'Edit', accelerator: 'CmdOrCtrl+Shift+F', keywords: 'search filter' },
  { id: 'tag-claim', label: 'Tag as Claim', menu: 'Annotate', accelerator: 'CmdOrCtrl+Shift+C', keywords: 'annotate mark' },
  { id: 'tag-source', label: 'Tag as Source', menu: 'Annotate', accelerator: 'CmdOrCtrl+Shift+S', keywords: 'annotate mark who attribution' },
  // Shift+Cmd+Q logs the user out of macOS before any app sees it.
  { id: 'tag-question', label: 'Tag as Question', menu: 'Annotate', accelerator: 'CmdOrCtrl+Shift+Q', macAccelerator: 'Ctrl+Shift+Q', keywords: 'annotate mark follow-up' },
  { id: 'next-annotation', label: 'Next Annotation', menu: 'Annotate', accelerator: 'F8' },
  { id: 'previous-annotation', label: 'Previous Annotation', menu: 'Annotate', accelerator: 'Shift+F8' },
  { id: 'toggle-library', label: 'Toggle Library', menu: 'View', accelerator: 'CmdOrCtrl+\\', keywords: 'hide show pane left sidebar' },
  { id: 'toggle-panel', label: 'Toggle Annotation Panel', menu: 'View', accelerator: 'CmdOrCtrl+Shift+\\', keywords: 'hide show pane right sidebar' },
  { id: 'cycle-theme', label: 'Switch Theme (System, Light, Dark)', menu: 'View', accelerator: 'CmdOrCtrl+Shift+T', keywords: 'dark light appearance colour color' },
  { id: 'command-palette', label: 'Command Palette…', menu: 'View', accelerator: 'CmdOrCtrl+K', keywords: 'commands actions' },
  { id: 'shortcuts', label: 'Keyboard Shortcuts', menu: 'Help', accelerator: 'CmdOrCtrl+/', keywords: 'keys help cheat sheet' },
] as const satisfies readonly CommandSpec[]

export type CommandId = (typeof COMMANDS)[number]['id']

export function commandById(id: string): CommandSpec | undefined {
  return (COMMANDS as readonly CommandSpec[]).find((c) => c.id === id)
}

/**
 * Themes are a setting with three values rather than three commands: the View menu shows them as radio items and
 * the palette as choices. `cycle-theme` above is their chord.
 */
export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeSetting = (typeof THEMES)[number]
export const THEME_LABEL: Record<ThemeSetting, string> = { system: 'Follow System', light: 'Light', dark: 'Dark' }
/** The menu item id of a theme choice, sent to the window like a command. */
export const themeCommandId = (theme: ThemeSetting) => `theme-${theme}` as const
export function themeFromCommand(id: string): ThemeSetting | null {
  return (THEMES as readonly string[]).find((t) => id === `theme-${t}`) as ThemeSetting | undefined ?? null
}
export function nextTheme(theme: ThemeSetting): ThemeSetting {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!
}

/**
 * Electron's own menu roles that the View menu carries (zoom and full screen). The palette offers them too; main
 * runs them on the window, since a page cannot zoom or leave full screen by itself.
 */
export const WINDOW_ACTIONS = [
  { id: 'zoom-in', role: 'zoomIn', label: 'Zoom In', accelerator: 'CmdOrCtrl+Plus', keywords: 'bigger larger text font size' },
  { id: 'zoom-out', role: 'zoomOut', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', keywords: 'smaller text font size' },
  { id: 'zoom-reset', role: 'resetZoom', label: 'Actual Size', accelerator: 'CmdOrCtrl+0', keywords: 'reset zoom text font size' },
  { id: 'toggle-full-screen', role: 'togglefullscreen', label: 'Toggle Full Screen', accelerator: 'F11', macAccelerator: 'Ctrl+Cmd+F', keywords: 'fullscreen' },
] as const
export type WindowActionId = (typeof WINDOW_ACTIONS)[number]['id']
export const WINDOW_ACTION_IDS = WINDOW_ACTIONS.map((a) => a.id) as [WindowActionId, ...WindowActionId[]]

export function acceleratorFor(command: { accelerator: string; macAccelerator?: string }, platform: string): string {
  return platform === 'darwin' && command.macAccelerator ? command.macAccelerator : command.accelerator
}

/** Splits an accelerator into modifiers and key; "CmdOrCtrl++" and "CmdOrCtrl+Plus" both name the plus key. */
function parts(accelerator: string): { mods: string[]; key: string } {
  if (accelerator.endsWith('++')) return { mods: accelerator.slice(0, -2).split('+').filter(Boolean), key: 'Plus' }
  const all = accelerator.split('+')
  return { mods: all.slice(0, -1), key: all.at(-1)! }
}

/**
 * One spelling per chord on a platform ("Shift+CommandOrControl+z" and "Ctrl+Shift+Z" agree off macOS), so
 * collisions between our items and Electron's role items can be found.
 */
export function canonicalAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin'
  const { mods: raw, key } = parts(accelerator)
  const mods = new Set<string>()
  for (const r of raw) {
    const m = r.toLowerCase()
    if (m === 'cmdorctrl' || m === 'commandorcontrol') mods.add(mac ? 'cmd' : 'ctrl')
    else if (m === 'cmd' || m === 'command' || m === 'super' || m === 'meta') mods.add('cmd')
    else if (m === 'ctrl' || m === 'control') mods.add('ctrl')
    else if (m === 'alt' || m === 'option' || m === 'altgr') mods.add('alt')
    else if (m === 'shift') mods.add('shift')
    else throw new Error(`Unknown modifier "${r}" in accelerator ${accelerator}`)
  }
  return [...[...mods].sort(), key.length === 1 ? key.toUpperCase() : key].join('+')
}

/**
 * An accelerator in the window's key notation (ProseMirror's: "Mod-Shift-c", "Ctrl-Shift-q", "F8"), which the
 * editor keymap and the window's key handler match.
 */
export function keySpec(accelerator: string): string {
  const { mods, key } = parts(accelerator)
  const out = mods.map((m) => {
    const l = m.toLowerCase()
    if (l === 'cmdorctrl' || l === 'commandorcontrol') return 'Mod'
    if (l === 'cmd' || l === 'command' || l === 'meta' || l === 'super') return 'Meta'
    if (l === 'ctrl' || l === 'control') return 'Ctrl'
    if (l === 'alt' || l === 'option') return 'Alt'
    if (l === 'shift') return 'Shift'
    throw new Error(`Unknown modifier "${m}" in accelerator ${accelerator}`)
  })
  const k = key === 'Plus' ? '+' : key.length === 1 ? key.toLowerCase() : key
  return [...out, k].join('-')
}
