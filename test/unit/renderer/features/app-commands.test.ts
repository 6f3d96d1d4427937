import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../../src-main/shared/commands'
import { commandForKey, commandForMenu } from '../../../../src-renderer/features/app-commands'

const press = (key: string, code: string, mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}, inDialog = false) =>
  ({
    key,
    code,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    altKey: !!mods.alt,
    shiftKey: !!mods.shift,
    target: { closest: (s: string) => (inDialog && s === 'dialog[open]' ? {} : null) },
  }) as unknown as KeyboardEvent

describe('menu commands in the window', () => {
  it('knows every command of the menu and the theme choices, and nothing else', () => {
    for (const c of COMMANDS) expect(commandForMenu(c.id)).toBe(c.id)
    expect(commandForMenu('theme-dark')).toBe('theme-dark')
    expect(commandForMenu('theme-sepia')).toBeNull()
    expect(commandForMenu('find')).toBeNull()
  })
})

describe('chords in the window', () => {
  it('match the menu accelerators, on each platform', () => {
    expect(commandForKey(press('k', 'KeyK', { ctrl: true }), false, false)).toBe('command-palette')
    expect(commandForKey(press('k', 'KeyK', { meta: true }), false, true)).toBe('command-palette')
    expect(commandForKey(press('/', 'Slash', { ctrl: true }), false, false)).toBe('shortcuts')
    expect(commandForKey(press('T', 'KeyT', { ctrl: true, shift: true }), false, false)).toBe('cycle-theme')
    expect(commandForKey(press('R', 'KeyR', { ctrl: true, shift: true }), false, false)).toBe('switch-notebook')
    expect(commandForKey(press('Q', 'KeyQ', { ctrl: true, shift: true }), false, true)).toBe('tag-question')
    expect(commandForKey(press('Q', 'KeyQ', { meta: true, shift: true }), false, true)).toBeNull()
  })

  it('toggle the panel with Shift+backslash, which the keyboard reports as "|"', () => {
    expect(commandForKey(press('|', 'Backslash', { ctrl: true, shift: true }), false, false)).toBe('toggle-panel')
    expect(commandForKey(press('\\', 'Backslash', { ctrl: true }), false, false)).toBe('toggle-library')
  })

  it('leave Alt+arrows to text fields, where they move the caret', () => {
    expect(commandForKey(press('ArrowDown', 'ArrowDown', { alt: true }), false, false)).toBe('next-annotation')
    expect(commandForKey(press('ArrowDown', 'ArrowDown', { alt: true }), true, false)).toBeNull()
    expect(commandForKey(press('F8', 'F8'), true, false)).toBe('next-annotation')
  })

  it('in a dialog, only open or close the dialogs', () => {
    expect(commandForKey(press('F8', 'F8', {}, true), false, false)).toBeNull()
    expect(commandForKey(press('k', 'KeyK', { ctrl: true }, true), true, false)).toBe('command-palette')
  })
})
