import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { acceleratorFor, COMMANDS, keySpec } from '../../../src-main/shared/commands'
import { keyLabel } from '../../../src-renderer/ui/shortcuts'

/** The README's shortcut table is written by hand; it must say what the menu binds. */
it('lists every command of the menu with its chords on both platforms', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
  const rows = new Map(
    readme
      .split('\n')
      .filter((l) => l.startsWith('| ') && l.split('|').length === 5)
      .map((l) => l.split('|').slice(1, 4).map((c) => c.trim().replace(/\\\\/g, '\\')))
      .map(([label, other, mac]) => [label!, { other: other!, mac: mac! }]),
  )
  for (const c of COMMANDS) {
    const row = rows.get(c.label)
    expect(row, `${c.label} is missing from the README's table`).toBeDefined()
    expect(row!.other.split(' ')[0], c.label).toBe(keyLabel(keySpec(acceleratorFor(c, 'linux')), false))
    expect(row!.mac.split(' ')[0], c.label).toBe(keyLabel(keySpec(acceleratorFor(c, 'darwin')), true))
  }
})
