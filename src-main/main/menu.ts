import { Menu, type MenuItemConstructorOptions } from 'electron'
import { acceleratorFor, COMMANDS, THEME_LABEL, THEMES, themeCommandId, WINDOW_ACTIONS, type CommandMenu, type ThemeSetting } from '../shared/commands'

export interface RecentNotebook {
  id: string
  name: string
  path: string
}

export interface MenuContext {
  platform: NodeJS.Platform
  /** Adds reload and developer tools, which would drop up to a second of unsaved typing in normal use. */
  dev: boolean
  /** Sends onMenuCommand to the window. */
  sendCommand(command: string): void
  theme: ThemeSetting
  /** Other notebooks opened before, newest first (the open one is not among them). */
  recent: readonly RecentNotebook[]
  openRecent(id: string): void
}

/** The label of a recent notebook: its name, and its folder, since two cases can share a name. */
export function recentLabel(n: RecentNotebook): string {
  return `${n.name} — ${n.path}`
}

/**
 * The application menu, built from the shared command list. Electron fires a menu accelerator only for a key the
 * page did not handle, so when the editor handles one of these chords itself (and prevents the default) the
 * command does not run twice.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin'
  const commands = (menu: CommandMenu, ids?: readonly string[]): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c) => c.menu === menu && (!ids || ids.includes(c.id))).map((c) => ({
      id: c.id,
      label: c.label,
      accelerator: acceleratorFor(c, ctx.platform),
      click: () => ctx.sendCommand(c.id),
    }))
  const sep: MenuItemConstructorOptions = { type: 'separator' }
  const role = (id: (typeof WINDOW_ACTIONS)[number]['id']): MenuItemConstructorOptions => ({ role: WINDOW_ACTIONS.find((a) => a.id === id)!.role })

  const openRecent: MenuItemConstructorOptions = {
    id: 'open-recent',
    label: 'Open Recent',
    enabled: ctx.recent.length > 0,
    submenu: ctx.recent.map((n) => ({ id: `recent-${n.id}`, label: recentLabel(n), click: () => ctx.openRecent(n.id) })),
  }
  const themeMenu: MenuItemConstructorOptions = {
    id: 'theme',
    label: 'Theme',
    submenu: THEMES.map((t) => ({
      id: themeCommandId(t),
      label: THEME_LABEL[t],
      type: 'radio' as const,
      checked: t === ctx.theme,
      click: () => ctx.sendCommand(themeCommandId(t)),
    })),
  }

  const template: MenuItemConstructorOptions[] = []
  if (mac) template.push({ role: 'appMenu' })
  template.push(
    {
      label: '&File',
      submenu: [
        ...commands('File', ['new-article', 'import', 'export']),
        sep,
        ...commands('File', ['new-notebook', 'open-notebook', 'switch-notebook']),
        openRecent,
        ...commands('File', ['show-notebook-folder', 'notebook-protection']),
        sep,
        ...commands('File', ['restore-backup']),
        sep,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        sep,
        ...commands('Edit'),
      ],
    },
    { label: '&Annotate', submenu: commands('Annotate') },
    {
      label: '&View',
      submenu: [
        ...commands('View', ['command-palette']),
        sep,
        ...commands('View', ['toggle-library', 'toggle-panel']),
        sep,
        themeMenu,
        ...commands('View', ['cycle-theme']),
        sep,
        role('zoom-reset'),
        role('zoom-in'),
        role('zoom-out'),
        sep,
        role('toggle-full-screen'),
        ...(ctx.dev ? [sep, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [...commands('Help'), ...(mac ? [] : [sep, { role: 'about' } as const])] },
  )
  return template
}

export function installMenu(ctx: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(ctx)))
}
