import { describe, expect, it } from 'vitest'
import { SHORTCUTS, ariaShortcut, keyLabel, matchesKey, shortcutLabel } from '../../../../src-renderer/ui/shortcuts'

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}, code = '') => ({
  key: k,
  code,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
})

describe('shortcut labels', () => {
  it('reads as Windows/Linux users press them', () => {
    expect(keyLabel('Mod-Shift-c', false)).toBe('Ctrl+Shift+C')
    expect(keyLabel('Alt-ArrowDown', false)).toBe('Alt+↓')
    expect(keyLabel('Shift-F8', false)).toBe('Shift+F8')
  })
  it('uses the Mac symbols in the Mac order', () => {
    expect(keyLabel('Mod-Shift-c', true)).toBe('⇧⌘C')
    expect(keyLabel('Ctrl-Shift-q', true)).toBe('⌃⇧Q')
  })
  it('gives aria-keyshortcuts values in the ARIA spelling', () => {
    expect(ariaShortcut('tagClaim', false)).toBe('Control+Shift+C')
    expect(ariaShortcut('nextAnnotation', false)).toBe('F8 Alt+ArrowDown')
  })
  it('shows the three tag shortcuts the issue asks for off macOS', () => {
    expect(['tagClaim', 'tagSource', 'tagQuestion'].map((n) => shortcutLabel(n as 'tagClaim', false))).toEqual(
      // On a Mac the question tag is Ctrl-Shift-Q, which reads the same off macOS.
      ['Ctrl+Shift+C', 'Ctrl+Shift+S', 'Ctrl+Shift+Q'],
    )
  })
})

describe('matching key events', () => {
  it('needs exactly the modifiers of the binding', () => {
    expect(matchesKey(key('C', { ctrl: true, shift: true }, 'KeyC'), 'Mod-Shift-c', false)).toBe(true)
    expect(matchesKey(key('C', { ctrl: true, shift: true, alt: true }, 'KeyC'), 'Mod-Shift-c', false)).toBe(false)
    expect(matchesKey(key('c', { ctrl: true }, 'KeyC'), 'Mod-Shift-c', false)).toBe(false)
  })
  it('maps Mod to Command on a Mac', () => {
    expect(matchesKey(key('c', { meta: true, shift: true }, 'KeyC'), 'Mod-Shift-c', true)).toBe(true)
    expect(matchesKey(key('c', { ctrl: true, shift: true }, 'KeyC'), 'Mod-Shift-c', true)).toBe(false)
  })
  it('matches by physical key when a layout or modifier changes the character', () => {
    expect(matchesKey(key('|', { ctrl: true, shift: true }, 'Backslash'), 'Mod-Shift-\\', false)).toBe(true)
    expect(matchesKey(key('ç', { ctrl: true, shift: true }, 'KeyC'), 'Mod-Shift-c', false)).toBe(true)
  })
  it('matches named keys', () => {
    expect(matchesKey(key('F8'), 'F8', false)).toBe(true)
    expect(matchesKey(key('F8', { shift: true }), 'F8', false)).toBe(false)
    expect(matchesKey(key('ArrowDown', { alt: true }), 'Alt-ArrowDown', false)).toBe(true)
  })
})

describe('the shortcut table', () => {
  it('never binds one chord to two actions', () => {
    const seen = new Map<string, string>()
    for (const [name, specs] of Object.entries(SHORTCUTS)) {
      for (const spec of specs) {
        const other = seen.get(spec)
        expect(other, `${spec} is bound to both ${other} and ${name}`).toBeUndefined()
        seen.set(spec, name)
      }
    }
  })
  it('avoids the chords tiptap uses for headings and macOS reserves', () => {
    const all = Object.values(SHORTCUTS).flat() as string[]
    for (const level of [1, 2, 3, 4]) expect(all).not.toContain(`Mod-Alt-${level}`)
    expect(all).not.toContain('Mod-Shift-3')
    expect(all).not.toContain('Mod-Shift-4')
  })
})
