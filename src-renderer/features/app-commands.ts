import { matchesShortcut, type ShortcutName } from '../ui/shortcuts'

/**
 * The window-wide commands: what a global shortcut or one of main's menu commands runs. Both paths lead here, so a
 * chord the page handles and the menu item with the same accelerator do one thing, once.
 */
export type AppCommand =
  | 'new-article'
  | 'import'
  | 'find'
  | 'tag-claim'
  | 'tag-source'
  | 'tag-question'
  | 'next-annotation'
  | 'previous-annotation'
  | 'toggle-library'
  | 'toggle-panel'
  | 'export'

/** main's menu command ids (src-main/main/menu-commands.ts) mapped to ours. */
const MENU_TO_COMMAND: Record<string, AppCommand> = {
  'new-article': 'new-article',
  import: 'import',
  'find-in-notebook': 'find',
  'tag-claim': 'tag-claim',
  'tag-source': 'tag-source',
  'tag-question': 'tag-question',
  'next-annotation': 'next-annotation',
  'previous-annotation': 'previous-annotation',
  'toggle-library': 'toggle-library',
  'toggle-panel': 'toggle-panel',
  export: 'export',
}

export function commandForMenu(id: string): AppCommand | null {
  return MENU_TO_COMMAND[id] ?? null
}

const KEY_TO_COMMAND: Array<[ShortcutName, AppCommand]> = [
  ['newArticle', 'new-article'],
  ['importFiles', 'import'],
  ['findArticle', 'find'],
  ['tagClaim', 'tag-claim'],
  ['tagSource', 'tag-source'],
  ['tagQuestion', 'tag-question'],
  ['nextAnnotation', 'next-annotation'],
  ['previousAnnotation', 'previous-annotation'],
  ['toggleLibrary', 'toggle-library'],
  ['toggleAnnotations', 'toggle-panel'],
  ['exportDocument', 'export'],
]

/**
 * The command a key press outside the editor stands for. Alt+arrows only count outside text fields, where they
 * would otherwise move the caret; the editor binds its own copy.
 */
export function commandForKey(event: KeyboardEvent, inTextField: boolean): AppCommand | null {
  for (const [name, command] of KEY_TO_COMMAND) {
    if (!matchesShortcut(event, name)) continue
    if (inTextField && (command === 'next-annotation' || command === 'previous-annotation') && event.altKey) return null
    return command
  }
  return null
}
