import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { Menu, resetElectron } from './stub-electron'
import { acceleratorFor, canonicalAccelerator, COMMANDS, keySpec, THEMES, WINDOW_ACTIONS } from '../../../src-main/shared/commands'

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

const RECENT = [
  { id: '0123456789abcdef', name: 'Border case', path: '/cases/border' },
  { id: 'fedcba9876543210', name: 'Ports', path: '/cases/ports' },
]

function template(platform: NodeJS.Platform, dev = false, extra: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const sendCommand = vi.fn()
  const openRecent = vi.fn()
  return { items: buildMenuTemplate({ platform, dev, sendCommand, theme: 'system', recent: RECENT, openRecent, ...extra }), sendCommand, openRecent }
}

beforeEach(() => resetElectron())

describe('the command list', () => {
  it('gives every command an id, a label and an accelerator', () => {
    for (const c of COMMANDS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(c.label.length).toBeGreaterThan(2)
      expect(() => canonicalAccelerator(c.accelerator, 'linux')).not.toThrow()
    }
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
  })

  it('binds the documented chords', () => {
    const byId = Object.fromEntries(COMMANDS.map((c) => [c.id, c.accelerator]))
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
      'new-notebook': 'CmdOrCtrl+Shift+N',
      'open-notebook': 'CmdOrCtrl+Shift+O',
      'switch-notebook': 'CmdOrCtrl+Shift+R',
      'show-notebook-folder': 'CmdOrCtrl+Shift+E',
      'restore-backup': 'CmdOrCtrl+Shift+B',
      'cycle-theme': 'CmdOrCtrl+Shift+T',
    })
  })

  it('gives the window the same chords in its own key notation', () => {
    expect(keySpec('CmdOrCtrl+Shift+C')).toBe('Mod-Shift-c')
    expect(keySpec('Ctrl+Shift+Q')).toBe('Ctrl-Shift-q')
    expect(keySpec('Shift+F8')).toBe('Shift-F8')
    expect(keySpec('CmdOrCtrl+Shift+\\')).toBe('Mod-Shift-\\')
    expect(keySpec('CmdOrCtrl+/')).toBe('Mod-/')
    expect(() => keySpec('Hyper+X')).toThrow(/Unknown modifier/)
  })

  it('shows for Electron\'s zoom and full-screen roles the chords Electron gives them', () => {
    for (const platform of platforms) {
      for (const a of WINDOW_ACTIONS) {
        expect(canonicalAccelerator(acceleratorFor(a, platform), platform), `${a.id} on ${platform}`).toBe(canonicalAccelerator(roleAccelerator(a.role, platform)!, platform))
      }
    }
  })

  it('keeps the question tag off Shift+Cmd+Q, which logs out of macOS', () => {
    const q = COMMANDS.find((c) => c.id === 'tag-question')!
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
    for (const c of COMMANDS) {
      const found = all.filter((i) => i.id === c.id)
      expect(found, c.id).toHaveLength(1)
      expect(found[0]!.accelerator).toBe(acceleratorFor(c, platform))
      found[0]!.click!({} as never, undefined, {} as never)
      expect(sendCommand).toHaveBeenLastCalledWith(c.id)
    }
    expect(sendCommand).toHaveBeenCalledTimes(COMMANDS.length)
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
    expect(chords.length).toBeGreaterThanOrEqual(COMMANDS.length + 8)
  })

  it('offers reload and developer tools only in dev', () => {
    const roles = (dev: boolean) => flatten(template(platform, dev).items, mac).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('has for every item a command and its accelerator, unless it is a role, a separator, a submenu or a choice', () => {
    const all = flatten(template(platform).items, mac)
    const choiceMenus = ['theme', 'open-recent']
    const choices = new Set(all.filter((i) => choiceMenus.includes(i.id ?? '')).flatMap((i) => (i.submenu as MenuItemConstructorOptions[]).map((c) => c.id)))
    const commandIds = new Set<string>(COMMANDS.map((c) => c.id))
    const loose = all.filter((i) => !i.role && i.type !== 'separator' && !Array.isArray(i.submenu) && !choices.has(i.id))
    expect(loose.length).toBe(COMMANDS.length)
    for (const item of loose) {
      expect(commandIds.has(item.id!), `${item.label} is not in the command list`).toBe(true)
      expect(item.accelerator, item.id).toBeTruthy()
    }
    // A choice's chord is the command that opens its list: the theme cycles, the notebook switcher lists the recent ones.
    expect(commandIds.has('cycle-theme') && commandIds.has('switch-notebook')).toBe(true)
  })

  it('shows the themes as radio items, the current one checked, each sending its choice', () => {
    const { items, sendCommand } = template(platform, false, { theme: 'dark' })
    const theme = flatten(items, mac).find((i) => i.id === 'theme')!.submenu as MenuItemConstructorOptions[]
    expect(theme.map((i) => [i.id, i.type, i.checked])).toEqual(THEMES.map((t) => [`theme-${t}`, 'radio', t === 'dark']))
    theme[1]!.click!({} as never, undefined, {} as never)
    expect(sendCommand).toHaveBeenCalledExactlyOnceWith('theme-light')
  })

  it('lists recent notebooks by name and folder under Open Recent, and opens the one clicked', () => {
    const { items, openRecent } = template(platform)
    const recent = flatten(items, mac).find((i) => i.id === 'open-recent')!
    const entries = recent.submenu as MenuItemConstructorOptions[]
    expect(entries.map((e) => e.label)).toEqual(['Border case — /cases/border', 'Ports — /cases/ports'])
    entries[1]!.click!({} as never, undefined, {} as never)
    expect(openRecent).toHaveBeenCalledExactlyOnceWith('fedcba9876543210')
    const empty = flatten(template(platform, false, { recent: [] }).items, mac).find((i) => i.id === 'open-recent')!
    expect(empty.enabled).toBe(false)
  })
})

it('installs the template as the application menu', () => {
  installMenu({ platform: 'linux', dev: false, sendCommand: vi.fn(), theme: 'system', recent: [], openRecent: vi.fn() })
  expect(Menu.setApplicationMenu).toHaveBeenCalledOnce()
  expect((Menu.applied as { template: MenuItemConstructorOptions[] }).template.map((i) => i.label ?? i.role)).toContain('&Annotate')
})
