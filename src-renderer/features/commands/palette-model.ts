import { acceleratorFor, COMMANDS, THEME_LABEL, THEMES, themeCommandId, WINDOW_ACTIONS, keySpec, type ThemeSetting, type WindowActionId } from '../../../src-main/shared/commands'
import type { NotebookRef } from '../../../src-main/shared/model/settings'
import { keyLabel } from '../../ui/shortcuts'

/** What choosing a palette entry does: a window command, a theme, a window action main runs, or a notebook switch. */
export type PaletteAction =
  | { kind: 'command'; id: string }
  | { kind: 'theme'; theme: ThemeSetting }
  | { kind: 'window'; action: WindowActionId }
  | { kind: 'notebook'; id: string }

export interface PaletteEntry {
  key: string
  /** The menu (or "Theme", "Notebook") it lives under, shown before the label. */
  group: string
  label: string
  /** The chord, as the analyst presses it on this platform. */
  shortcut: string | null
  /** A second line: a notebook's folder. */
  detail?: string
  /** More words that match. */
  keywords: string
  checked?: boolean
  action: PaletteAction
}

/** The palette opens on the command that opened it no more than a menu opens on itself. */
const NOT_LISTED = new Set(['command-palette'])

export function paletteEntries(ctx: { mac: boolean; theme: ThemeSetting; notebooks: readonly NotebookRef[] }): PaletteEntry[] {
  const platform = ctx.mac ? 'darwin' : 'linux'
  const chord = (c: { accelerator: string; macAccelerator?: string }) => keyLabel(keySpec(acceleratorFor(c, platform)), ctx.mac)
  const commands: PaletteEntry[] = COMMANDS.filter((c) => !NOT_LISTED.has(c.id)).map((c) => ({
    key: c.id,
    group: c.menu,
    label: c.label,
    shortcut: chord(c),
    keywords: ('keywords' in c ? c.keywords : '') ?? '',
    action: { kind: 'command', id: c.id },
  }))
  const themes: PaletteEntry[] = THEMES.map((t) => ({
    key: themeCommandId(t),
    group: 'Theme',
    label: THEME_LABEL[t],
    shortcut: null,
    keywords: 'appearance colour color dark light system',
    checked: t === ctx.theme,
    action: { kind: 'theme', theme: t },
  }))
  const window: PaletteEntry[] = WINDOW_ACTIONS.map((a) => ({
    key: a.id,
    group: 'View',
    label: a.label,
    shortcut: chord(a),
    keywords: a.keywords,
    action: { kind: 'window', action: a.id },
  }))
  const notebooks: PaletteEntry[] = ctx.notebooks.map((n) => ({
    key: `notebook-${n.id}`,
    group: 'Notebook',
    label: `Switch to ${n.name}`,
    shortcut: null,
    detail: n.path,
    keywords: `recent open ${n.path}`,
    action: { kind: 'notebook', id: n.id },
  }))
  return [...commands, ...themes, ...window, ...notebooks]
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)

/**
 * The entries matching what the analyst typed: every typed word must start a word of the entry (its group, label,
 * keywords or folder), or appear inside its label. Entries whose label starts with the query come first, then
 * those matching at word starts, each in the menu's order.
 */
export function filterEntries(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const typed = words(query)
  if (typed.length === 0) return [...entries]
  const q = query.trim().toLowerCase()
  const scored: Array<{ e: PaletteEntry; score: number; i: number }> = []
  entries.forEach((e, i) => {
    const label = e.label.toLowerCase()
    const all = words(`${e.group} ${e.label} ${e.keywords} ${e.detail ?? ''}`)
    const ok = typed.every((t) => all.some((w) => w.startsWith(t)) || label.includes(t))
    if (!ok) return
    const score = label.startsWith(q) ? 0 : `${e.group} ${label}`.toLowerCase().startsWith(q) ? 1 : typed.every((t) => words(label).some((w) => w.startsWith(t))) ? 2 : 3
    scored.push({ e, score, i })
  })
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.e)
}
