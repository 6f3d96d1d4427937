import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { Menu, resetElectron } from './stub-electron'
import { acceleratorFor, canonicalAccelerator, MENU_COMMANDS } from '../../../src-main/main/menu-commands'

vi.mock('electron', () => import('./stub-electron'))
const { buildMenuTemplate, installMenu } = await import('../../../src-main/main/menu')

/** Electron's default accelerators for the roles the menu uses (lib/browser/api/menu-item-roles.ts). */
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin'
  const table: Record<string, string | undefined> = {
    undo: 'CommandOrControl+Z',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    cut: 'CommandOrControl+X',
    copy: 'CommandOrControl+C',
    paste: 'CommandOrControl+V',
    pasteAndMatchStyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
    selectAll: 'CommandOrControl+A',
    close: 'CommandOrControl+W',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    minimize: 'CommandOrControl+M',
    resetZoom: 'CommandOrControl+0',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    reload: 'CmdOrCtrl+R',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
  }
  return table[role]
}
/** The items Electron puts in the role menus the template uses. */
const ROLE_MENUS: Record<string, (mac: boolean) => string[]> = {
  appMenu: () => ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'],
  windowMenu: (mac) => (mac ? ['minimize', 'zoom', 'front'] : ['minimize', 'close']),
}

function flatten(items: MenuItemConstructorOptions[], mac: boolean): MenuItemConstructorOptions[] {
  return items.flatMap((item) => {
    const nested = Array.isArray(item.submenu) ? flatten(item.submenu, mac) : []
    const implicit = item.role && ROLE_MENUS[item.role] ? ROLE_MENUS[item.role]!(mac).map((role) => ({ role }) as MenuItemConstructorOptions) : []
    return [item, ...nested, ...implicit]
  })
}

const platforms: NodeJS.Platform[] = ['linux', 'win32', 'darwin']

function template(platform: NodeJS.Platform, dev = false) {
  const sendCommand = vi.fn()
  const showNotebookFolder = vi.fn()
  return { items: buildMenuTemplate({ platform, dev, sendCommand, showNotebookFolder }), sendCommand, showNotebookFolder }
}

beforeEach(() => resetElectron())

describe('the command list', () => {
  it('gives every command an id, a label and an accelerator', () => {
    for (const c of MENU_COMMANDS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(c.label.length).toBeGreaterThan(2)
      expect(() => canonicalAccelerator(c.accelerator, 'linux')).not.toThrow()
    }
    expect(new Set(MENU_COMMANDS.map((c) => c.id)).size).toBe(MENU_COMMANDS.length)
  })

  it('binds the documented chords', () => {
    const byId = Object.fromEntries(MENU_COMMANDS.map((c) => [c.id, c.accelerator]))
    expect(byId).toMatchObject({
      'new-article': 'CmdOrCtrl+N',
      import: 'CmdOrCtrl+O',
      export: 'CmdOrCtrl+E',
      'find-in-notebook': 'CmdOrCtrl+Shift+F',
      'tag-claim': 'CmdOrCtrl+Shift+C',
      'tag-source': 'CmdOrCtrl+Shift+S',
      'tag-question': 'CmdOrCtrl+Shift+Q',
      'next-annotation': 'F8',
      'previous-annotation': 'Shift+F8',
      'toggle-library': 'CmdOrCtrl+\\',
      'toggle-panel': 'CmdOrCtrl+Shift+\\',
      'command-palette': 'CmdOrCtrl+K',
      shortcuts: 'CmdOrCtrl+/',
    })
  })

  it('keeps the question tag off Shift+Cmd+Q, which logs out of macOS', () => {
    const q = MENU_COMMANDS.find((c) => c.id === 'tag-question')!
    expect(canonicalAccelerator(acceleratorFor(q, 'darwin'), 'darwin')).toBe('ctrl+shift+Q')
    expect(canonicalAccelerator(acceleratorFor(q, 'linux'), 'linux')).toBe('ctrl+shift+Q')
  })

  it('canonicalises spellings of the same chord', () => {
    expect(canonicalAccelerator('Shift+CommandOrControl+z', 'linux')).toBe(canonicalAccelerator('Ctrl+Shift+Z', 'linux'))
    expect(canonicalAccelerator('CmdOrCtrl++', 'darwin')).toBe(canonicalAccelerator('Command+Plus', 'darwin'))
    expect(canonicalAccelerator('CmdOrCtrl+Z', 'darwin')).not.toBe(canonicalAccelerator('Ctrl+Z', 'darwin'))
    expect(() => canonicalAccelerator('Hyper+X', 'linux')).toThrow(/Unknown modifier/)
  })
})

describe.each(platforms)('the menu on %s', (platform) => {
  const mac = platform === 'darwin'

  it('has File, Edit, Annotate, View, Window and Help, and the app menu on macOS', () => {
    const { items } = template(platform)
    const names = items.map((i) => i.label?.replace('&', '') ?? i.role)
    expect(names).toEqual([...(mac ? ['appMenu'] : []), 'File', 'Edit', 'Annotate', 'View', 'windowMenu', 'help'])
  })

  it('contains every command once, with its accelerator, sending its id', () => {
    const { items, sendCommand } = template(platform)
    const all = flatten(items, mac)
    for (const c of MENU_COMMANDS) {
      const found = all.filter((i) => i.id === c.id)
      expect(found, c.id).toHaveLength(1)
      expect(found[0]!.accelerator).toBe(acceleratorFor(c, platform))
      found[0]!.click!({} as never, undefined, {} as never)
      expect(sendCommand).toHaveBeenLastCalledWith(c.id)
    }
    expect(sendCommand).toHaveBeenCalledTimes(MENU_COMMANDS.length)
  })

  it('uses Electron roles for editing, zoom and full screen', () => {
    const roles = flatten(template(platform).items, mac).map((i) => i.role).filter(Boolean)
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) expect(roles).toContain(role)
  })

  it.each([false, true])('has no accelerator twice, role defaults included (dev %s)', (dev) => {
    const all = flatten(template(platform, dev).items, mac)
    const chords = all
      .map((i) => (typeof i.accelerator === 'string' ? i.accelerator : i.role ? roleAccelerator(i.role, platform) : undefined))
      .filter((a): a is string => !!a)
      .map((a) => canonicalAccelerator(a, platform))
    const dupes = chords.filter((c, i) => chords.indexOf(c) !== i)
    expect(dupes).toEqual([])
    expect(chords.length).toBeGreaterThanOrEqual(MENU_COMMANDS.length + 8)
  })

  it('offers reload and developer tools only in dev', () => {
    const roles = (dev: boolean) => flatten(template(platform, dev).items, mac).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('shows the notebook folder from File', () => {
    const { items, showNotebookFolder } = template(platform)
    flatten(items, mac).find((i) => i.id === 'show-notebook-folder')!.click!({} as never, undefined, {} as never)
    expect(showNotebookFolder).toHaveBeenCalledOnce()
  })
})

it('installs the template as the application menu', () => {
  installMenu({ platform: 'linux', dev: false, sendCommand: vi.fn(), showNotebookFolder: vi.fn() })
  expect(Menu.setApplicationMenu).toHaveBeenCalledOnce()
  expect((Menu.applied as { template: MenuItemConstructorOptions[] }).template.map((i) => i.label ?? i.role)).toContain('&Annotate')
})
