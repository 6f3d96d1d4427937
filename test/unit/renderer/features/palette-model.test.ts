import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../../src-main/shared/commands'
import { filterEntries, paletteEntries } from '../../../../src-renderer/features/commands/palette-model'

const notebooks = [{ id: 'aaaaaaaaaaaaaaaa', name: 'Ports case', path: '/cases/ports' }]
const entries = (mac = false) => paletteEntries({ mac, theme: 'dark', notebooks })
const labels = (query: string) => filterEntries(entries(), query).map((e) => `${e.group}: ${e.label}`)

describe('the palette entries', () => {
  it('hold every menu command but the palette itself, the themes, zoom and full screen, and the recent notebooks', () => {
    const keys = entries().map((e) => e.key)
    for (const c of COMMANDS) expect(keys.includes(c.id), c.id).toBe(c.id !== 'command-palette')
    expect(keys).toEqual(expect.arrayContaining(['theme-system', 'theme-light', 'theme-dark', 'zoom-in', 'zoom-out', 'zoom-reset', 'toggle-full-screen', 'notebook-aaaaaaaaaaaaaaaa']))
    expect(entries().find((e) => e.key === 'theme-dark')!.checked).toBe(true)
  })

  it('show each chord as pressed on the platform', () => {
    const chord = (key: string, mac: boolean) => entries(mac).find((e) => e.key === key)!.shortcut
    expect(chord('tag-claim', false)).toBe('Ctrl+Shift+C')
    expect(chord('tag-claim', true)).toBe('⇧⌘C')
    expect(chord('tag-question', true)).toBe('⌃⇧Q')
    expect(chord('zoom-in', false)).toBe('Ctrl+Plus')
    expect(chord('zoom-out', false)).toBe('Ctrl+Minus')
    expect(chord('toggle-full-screen', true)).toBe('⌃⌘F')
    expect(chord('shortcuts', false)).toBe('Ctrl+/')
  })
})

describe('filtering', () => {
  it('puts labels that start with the query first', () => {
    expect(labels('export')[0]).toBe('File: Export…')
    expect(labels('tag')).toEqual(['Annotate: Tag as Claim', 'Annotate: Tag as Source', 'Annotate: Tag as Question'])
  })

  it('needs every word, matched at word starts anywhere in the entry, in any order', () => {
    expect(labels('panel toggle')).toEqual(['View: Toggle Annotation Panel'])
    expect(labels('theme dark')[0]).toBe('Theme: Dark')
    expect(labels('ports')).toEqual(['Notebook: Switch to Ports case'])
    expect(labels('cases')).toEqual(['Notebook: Switch to Ports case'])
  })

  it('finds commands by words that are not in their label', () => {
    expect(labels('pdf')).toContain('File: Export…')
    expect(labels('bigger')).toEqual(['View: Zoom In'])
  })

  it('lists everything for an empty query and nothing for nonsense', () => {
    expect(filterEntries(entries(), '  ')).toHaveLength(entries().length)
    expect(labels('xyzzy')).toEqual([])
  })
})
