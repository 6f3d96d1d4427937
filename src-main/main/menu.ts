import { Menu, type MenuItemConstructorOptions } from 'electron'
import { acceleratorFor, MENU_COMMANDS, type CommandMenu, type MenuCommandId } from './menu-commands'

export interface MenuContext {
  platform: NodeJS.Platform
  /** Adds reload and developer tools, which would drop up to a second of unsaved typing in normal use. */
  dev: boolean
  /** Sends onMenuCommand to the window. */
  sendCommand(command: MenuCommandId): void
  showNotebookFolder(): void
}

/**
 * The application menu. Electron fires a menu accelerator only for a key the page did not handle, so when the
 * editor handles one of these chords itself (and prevents the default) the command does not run twice.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin'
  const commands = (menu: CommandMenu): MenuItemConstructorOptions[] =>
    MENU_COMMANDS.filter((c) => c.menu === menu).map((c) => ({
      id: c.id,
      label: c.label,
      accelerator: acceleratorFor(c, ctx.platform),
      click: () => ctx.sendCommand(c.id),
    }))
  const sep: MenuItemConstructorOptions = { type: 'separator' }

  const template: MenuItemConstructorOptions[] = []
  if (mac) template.push({ role: 'appMenu' })
  template.push(
    {
      label: '&File',
      submenu: [
        ...commands('File'),
        sep,
        { id: 'show-notebook-folder', label: 'Show Notebook Folder', click: () => ctx.showNotebookFolder() },
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
        ...commands('View'),
        sep,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
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
