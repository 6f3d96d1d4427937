import { isMac } from './platform'
import { acceleratorFor, commandById, keySpec, type CommandId } from '../../src-main/shared/commands'

/** A menu command's chord in this notation: the menu, the palette and this table read one list (shared/commands.ts). */
function chord(id: CommandId): string {
  return keySpec(acceleratorFor(commandById(id)!, isMac ? 'darwin' : 'linux'))
}

/**
 * Every keyboard shortcut of the window, in ProseMirror's key notation, so the editor keymap, the global handler
 * and the labels in tooltips and menus all read one table.
 *
 * Collisions checked against tiptap 3.32 and the platforms:
 * - Mod-Shift-S is tiptap's strikethrough: the tag-source binding runs at a higher priority and strikethrough
 *   moves to Mod-Shift-X.
 * - Cmd-Shift-Q logs the user out on macOS before an app sees it, so on a Mac the question tag is Ctrl-Shift-Q.
 * - Mod-Alt-1…4 are tiptap's headings and Ctrl-Alt-letter is AltGr on European keyboards, so neither is used.
 */
export const SHORTCUTS = {
  tagClaim: [chord('tag-claim')],
  tagSource: [chord('tag-source')],
  tagQuestion: [chord('tag-question')],
  strike: ['Mod-Shift-x'],
  nextAnnotation: [chord('next-annotation'), 'Alt-ArrowDown'],
  previousAnnotation: [chord('previous-annotation'), 'Alt-ArrowUp'],
  removeAnnotation: ['Delete'],
  newArticle: [chord('new-article')],
  importFiles: [chord('import')],
  findArticle: [chord('find-in-notebook')],
  exportDocument: [chord('export')],
  toggleLibrary: [chord('toggle-library')],
  toggleAnnotations: [chord('toggle-panel')],
  commandPalette: [chord('command-palette')],
  keyboardShortcuts: [chord('shortcuts')],
  undo: ['Mod-z'],
  redo: [isMac ? 'Mod-Shift-z' : 'Mod-y'],
  bold: ['Mod-b'],
  italic: ['Mod-i'],
} satisfies Record<string, readonly string[]>

export type ShortcutName = keyof typeof SHORTCUTS

const MAC_SYMBOL: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥', Meta: '⌘' }
const KEY_LABEL: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→', Delete: 'Del', Backspace: '⌫' }
/** Written out where "+" joins the keys of a chord. */
const PUNCTUATION_LABEL: Record<string, string> = { '+': 'Plus', '-': 'Minus' }

/** A key spec's modifiers and key; the key may itself be "-" ("Mod--", zoom out). */
export function splitSpec(spec: string): { mods: string[]; key: string } {
  if (spec === '-' || spec.endsWith('--')) return { mods: spec.slice(0, -2).split('-').filter(Boolean), key: '-' }
  const parts = spec.split('-')
  return { mods: parts.slice(0, -1), key: parts.at(-1)! }
}

/** How a key spec reads in a tooltip: "Ctrl+Shift+C" on Windows and Linux, "⇧⌘C" on a Mac. */
export function keyLabel(spec: string, mac: boolean = isMac): string {
  const { mods: parts, key } = splitSpec(spec)
  const shown = KEY_LABEL[key] ?? (mac ? undefined : PUNCTUATION_LABEL[key]) ?? (key.length === 1 ? key.toUpperCase() : key)
  if (mac) {
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod', 'Meta']
    const mods = [...parts].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((m) => MAC_SYMBOL[m] ?? m)
    return mods.join('') + shown
  }
  return [...parts.map((m) => (m === 'Mod' ? 'Ctrl' : m)), shown].join('+')
}

/** The first (main) binding of a shortcut as a label. */
export function shortcutLabel(name: ShortcutName, mac: boolean = isMac): string {
  return keyLabel(SHORTCUTS[name][0]!, mac)
}

/** All bindings of a shortcut, for help text: "F8 or Alt+↓". */
export function shortcutLabels(name: ShortcutName, mac: boolean = isMac): string {
  return SHORTCUTS[name].map((s) => keyLabel(s, mac)).join(' or ')
}

/** Physical keys of punctuation, so Shift+\ (typed as "|") still matches a backslash binding. */
const CODE_OF: Record<string, string> = { '\\': 'Backslash', '/': 'Slash', '[': 'BracketLeft', ']': 'BracketRight' }

/** Whether a keyboard event is the given key spec, with exactly its modifiers. */
export function matchesKey(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, spec: string, mac: boolean = isMac): boolean {
  const { mods: parts, key } = splitSpec(spec)
  const want = { ctrl: false, meta: false, alt: false, shift: false }
  for (const p of parts) {
    if (p === 'Mod') want[mac ? 'meta' : 'ctrl'] = true
    else if (p === 'Ctrl') want.ctrl = true
    else if (p === 'Meta') want.meta = true
    else if (p === 'Alt') want.alt = true
    else if (p === 'Shift') want.shift = true
  }
  if (event.ctrlKey !== want.ctrl || event.metaKey !== want.meta || event.altKey !== want.alt || event.shiftKey !== want.shift) return false
  if (key.length === 1) {
    // Match letters by physical key as well, so Alt or Shift turning "c" into "ç" or "C" still counts.
    const letter = key.toLowerCase()
    return event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}` || event.code === `Digit${letter}` || event.code === CODE_OF[letter]
  }
  return event.key === key
}

export function matchesShortcut(event: Parameters<typeof matchesKey>[0], name: ShortcutName, mac: boolean = isMac): boolean {
  return SHORTCUTS[name].some((spec) => matchesKey(event, spec, mac))
}

/** The aria-keyshortcuts form of a shortcut's bindings, e.g. "Control+Shift+C F8". */
export function ariaShortcut(name: ShortcutName, mac: boolean = isMac): string {
  return SHORTCUTS[name]
    .map((spec) => {
      const { mods: parts, key } = splitSpec(spec)
      const mods = parts.map((m) => (m === 'Mod' ? (mac ? 'Meta' : 'Control') : m === 'Ctrl' ? 'Control' : m))
      return [...mods, key.length === 1 ? key.toUpperCase() : key].join('+')
    })
    .join(' ')
}
