import { acceleratorFor, COMMANDS, keySpec, THEMES, themeCommandId, type CommandId } from '../../src-main/shared/commands'
import { isMac } from '../ui/platform'
import { matchesKey } from '../ui/shortcuts'

/**
 * The window-wide commands: what a global shortcut, one of main's menu commands or the command palette runs. All
 * three lead here with the ids of shared/commands.ts, so a chord the page handles and the menu item with the same
 * accelerator do one thing, once.
 */
export type AppCommand = CommandId | ReturnType<typeof themeCommandId>

const KNOWN = new Set<string>([...COMMANDS.map((c) => c.id), ...THEMES.map(themeCommandId)])

export function commandForMenu(id: string): AppCommand | null {
  return KNOWN.has(id) ? (id as AppCommand) : null
}

/** Extra chords that are not in the menu: Alt+arrows step through annotations like F8 and Shift+F8. */
const ALIASES: Array<[string, AppCommand]> = [
  ['Alt-ArrowDown', 'next-annotation'],
  ['Alt-ArrowUp', 'previous-annotation'],
]

function bindings(mac: boolean): Array<[string, AppCommand]> {
  return [...COMMANDS.map((c): [string, AppCommand] => [keySpec(acceleratorFor(c, mac ? 'darwin' : 'linux')), c.id]), ...ALIASES]
}
const BINDINGS = bindings(isMac)

/** Commands that still work while a dialog is open: the ones that open or close the dialogs. */
const IN_DIALOG = new Set<AppCommand>(['command-palette', 'shortcuts'])

/**
 * The command a key press stands for. Alt+arrows only count outside text fields, where they would otherwise move
 * the caret; the editor binds its own copy. In a dialog only the dialogs' own chords count.
 */
export function commandForKey(event: KeyboardEvent, inTextField: boolean, mac: boolean = isMac): AppCommand | null {
  const target = event.target as { closest?: (selector: string) => unknown } | null
  const inDialog = !!target?.closest?.('dialog[open]')
  for (const [spec, command] of mac === isMac ? BINDINGS : bindings(mac)) {
    if (!matchesKey(event, spec, mac)) continue
    if (inTextField && event.altKey && (command === 'next-annotation' || command === 'previous-annotation')) return null
    if (inDialog && !IN_DIALOG.has(command)) return null
    return command
  }
  return null
}
