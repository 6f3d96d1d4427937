import { shortcutLabel, shortcutLabels, type ShortcutName } from './shortcuts'

/** A shortcut as the analyst presses it, e.g. Ctrl+Shift+C. */
export function Kbd({ name, all = false }: { name: ShortcutName; all?: boolean }) {
  return <kbd className="kbd">{all ? shortcutLabels(name) : shortcutLabel(name)}</kbd>
}
