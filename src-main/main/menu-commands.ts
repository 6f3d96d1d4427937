/**
 * The app's own menu commands: each is sent to the window as an onMenuCommand event carrying its id, and shows
 * its accelerator in the menu. Pure data, so the renderer can adopt the same list through shared/ later.
 */
export type CommandMenu = 'File' | 'Edit' | 'Annotate' | 'View' | 'Help'

export interface MenuCommand {
  id: string
  label: string
  menu: CommandMenu
  /** Electron accelerator syntax. */
  accelerator: string
  /** Where macOS reserves the chord, the binding used there instead. */
  macAccelerator?: string
}

export const MENU_COMMANDS = [
  { id: 'new-article', label: 'New Article…', menu: 'File', accelerator: 'CmdOrCtrl+N' },
  { id: 'import', label: 'Import Articles…', menu: 'File', accelerator: 'CmdOrCtrl+O' },
  { id: 'export', label: 'Export…', menu: 'File', accelerator: 'CmdOrCtrl+E' },
  { id: 'find-in-notebook', label: 'Find in Notebook', menu: 'Edit', accelerator: 'CmdOrCtrl+Shift+F' },
  { id: 'tag-claim', label: 'Tag as Claim', menu: 'Annotate', accelerator: 'CmdOrCtrl+Shift+C' },
  { id: 'tag-source', label: 'Tag as Source', menu: 'Annotate', accelerator: 'CmdOrCtrl+Shift+S' },
  // Shift+Cmd+Q logs the user out of macOS before any app sees it.
  { id: 'tag-question', label: 'Tag as Question', menu: 'Annotate', accelerator: 'CmdOrCtrl+Shift+Q', macAccelerator: 'Ctrl+Shift+Q' },
  { id: 'next-annotation', label: 'Next Annotation', menu: 'Annotate', accelerator: 'F8' },
  { id: 'previous-annotation', label: 'Previous Annotation', menu: 'Annotate', accelerator: 'Shift+F8' },
  { id: 'toggle-library', label: 'Toggle Library', menu: 'View', accelerator: 'CmdOrCtrl+\\' },
  { id: 'toggle-panel', label: 'Toggle Annotation Panel', menu: 'View', accelerator: 'CmdOrCtrl+Shift+\\' },
  { id: 'command-palette', label: 'Command Palette…', menu: 'View', accelerator: 'CmdOrCtrl+K' },
  { id: 'shortcuts', label: 'Keyboard Shortcuts', menu: 'Help', accelerator: 'CmdOrCtrl+/' },
] as const satisfies readonly MenuCommand[]

export type MenuCommandId = (typeof MENU_COMMANDS)[number]['id']

export function acceleratorFor(command: MenuCommand, platform: NodeJS.Platform): string {
  return platform === 'darwin' && command.macAccelerator ? command.macAccelerator : command.accelerator
}

/**
 * One spelling per chord on a platform ("Shift+CommandOrControl+z" and "Ctrl+Shift+Z" agree off macOS), so
 * collisions between our items and Electron's role items can be found.
 */
export function canonicalAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin'
  const parts = accelerator.split('+')
  // "CmdOrCtrl+Plus" and "CmdOrCtrl++" both name the plus key.
  const key = accelerator.endsWith('++') ? 'Plus' : parts.pop()!
  const mods = new Set<string>()
  for (const raw of accelerator.endsWith('++') ? parts.slice(0, -2) : parts) {
    const m = raw.toLowerCase()
    if (m === 'cmdorctrl' || m === 'commandorcontrol') mods.add(mac ? 'cmd' : 'ctrl')
    else if (m === 'cmd' || m === 'command' || m === 'super' || m === 'meta') mods.add('cmd')
    else if (m === 'ctrl' || m === 'control') mods.add('ctrl')
    else if (m === 'alt' || m === 'option' || m === 'altgr') mods.add('alt')
    else if (m === 'shift') mods.add('shift')
    else throw new Error(`Unknown modifier "${raw}" in accelerator ${accelerator}`)
  }
  return [...[...mods].sort(), key.length === 1 ? key.toUpperCase() : key].join('+')
}
