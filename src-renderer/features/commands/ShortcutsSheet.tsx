import { acceleratorFor, COMMANDS, keySpec, WINDOW_ACTIONS, type CommandMenu } from '../../../src-main/shared/commands'
import { Dialog } from '../../ui/Dialog'
import { isMac } from '../../ui/platform'
import { keyLabel, shortcutLabels, type ShortcutName } from '../../ui/shortcuts'
import './commands.css'

const MENUS: CommandMenu[] = ['File', 'Edit', 'Annotate', 'View', 'Help']

/** Keys that live in the editor or a list rather than in a menu. */
const IN_THE_TEXT: Array<[string, string]> = [
  ['Bold', 'bold'],
  ['Italic', 'italic'],
  ['Strikethrough', 'strike'],
  ['Undo', 'undo'],
  ['Redo', 'redo'],
  ['Next annotation (also)', 'Alt-ArrowDown'],
  ['Previous annotation (also)', 'Alt-ArrowUp'],
  ['Delete the selected annotation (in the panel)', 'removeAnnotation'],
]
const ELSEWHERE: Array<[string, string]> = [
  ['Move through the library, panel rows and menus', '↑ ↓'],
  ['Resize a focused pane edge', '← →'],
  ['Open the focused article or row', 'Enter'],
  ['Close a dialog, a menu or the search', 'Esc'],
]

const NAMED = new Set<string>(['bold', 'italic', 'strike', 'undo', 'redo', 'removeAnnotation'])
/** A shortcut of the window's table by name, or a raw key spec. */
const label = (key: string) => (NAMED.has(key) ? shortcutLabels(key as ShortcutName) : keyLabel(key))

/** Every chord in one place (Ctrl/Cmd+/), grouped as the menus are. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const platform = isMac ? 'darwin' : 'linux'
  const chord = (c: { accelerator: string; macAccelerator?: string }) => keyLabel(keySpec(acceleratorFor(c, platform)))
  return (
    <Dialog title="Keyboard shortcuts" className="shortcuts-sheet" onClose={onClose}>
      {/* Focusable, so the list scrolls from the keyboard when the window is short. */}
      <div className="sheet-columns" tabIndex={0} role="region" aria-label="All shortcuts">
        {MENUS.map((menu) => (
          <section key={menu} className="sheet-group" aria-label={menu}>
            <h3>{menu}</h3>
            <table>
              <tbody>
                {COMMANDS.filter((c) => c.menu === menu).map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.label}</th>
                    <td>
                      <kbd className="kbd">{chord(c)}</kbd>
                    </td>
                  </tr>
                ))}
                {menu === 'View' &&
                  WINDOW_ACTIONS.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.label}</th>
                      <td>
                        <kbd className="kbd">{chord(a)}</kbd>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
        <section className="sheet-group" aria-label="In the text">
          <h3>In the text</h3>
          <table>
            <tbody>
              {IN_THE_TEXT.map(([what, key]) => (
                <tr key={what}>
                  <th scope="row">{what}</th>
                  <td>
                    <kbd className="kbd">{label(key)}</kbd>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="sheet-group" aria-label="Lists, panes and dialogs">
          <h3>Lists, panes and dialogs</h3>
          <table>
            <tbody>
              {ELSEWHERE.map(([what, keys]) => (
                <tr key={what}>
                  <th scope="row">{what}</th>
                  <td>
                    <kbd className="kbd">{keys}</kbd>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
