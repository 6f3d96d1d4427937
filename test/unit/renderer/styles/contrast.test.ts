import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * WCAG AA for the annotation colours, computed from the stylesheet itself: body text on each kind's translucent
 * tint (alone, and where all three overlap), muted text and the kind inks on every background, in both themes; and
 * WCAG 1.4.11's 3:1 for the graphics that mark a kind (its underline, swatch and border), on the page and on the
 * kind's own tint, where an underline close under the text is painted.
 */
const css = readFileSync(new URL('../../../../src-renderer/styles/base.css', import.meta.url), 'utf8')
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')))

type Rgba = [number, number, number, number]
type Theme = 'light' | 'dark'

function parseColor(raw: string): Rgba {
  const s = raw.trim()
  const hex = /^#([0-9a-f]{6})$/i.exec(s)
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)).concat(1) as Rgba
  const rgba = /^rgba?\(([^)]+)\)$/.exec(s)
  if (rgba) {
    const [r, g, b, a = '1'] = rgba[1]!.split(',').map((x) => x.trim())
    return [Number(r), Number(g), Number(b), Number(a)]
  }
  throw new Error(`cannot read colour ${raw}`)
}

function variable(name: string, theme: Theme): Rgba {
  const m = new RegExp(`${name}:\\s*light-dark\\((.+?),\\s*((?:#|rgb).+?)\\);`).exec(root)
  if (!m) throw new Error(`${name} is not a light-dark() pair in base.css`)
  return parseColor(theme === 'light' ? m[1]! : m[2]!)
}

/** A translucent colour painted over an opaque one. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3]
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const KINDS = ['claim', 'source', 'question'] as const
const BACKGROUNDS = ['--bg', '--bg-pane', '--bg-raised'] as const
const AA = 4.5
const GRAPHICS = 3

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  const text = variable('--text', theme)

  it.each(KINDS)('keeps body text on the %s tint at AA on every background', (kind) => {
    for (const bg of BACKGROUNDS) {
      const tinted = over(variable(`--${kind}-tint`, theme), variable(bg, theme))
      expect(contrast(text, tinted), `${kind} tint on ${bg}`).toBeGreaterThanOrEqual(AA)
    }
  })

  it('keeps body text at AA where a claim, a source and a question overlap', () => {
    const stacked = KINDS.reduce((under, kind) => over(variable(`--${kind}-tint`, theme), under), variable('--bg', theme))
    expect(contrast(text, stacked)).toBeGreaterThanOrEqual(AA)
  })

  it.each(KINDS)('writes %s labels in an ink that reads at AA on every background', (kind) => {
    for (const bg of BACKGROUNDS) expect(contrast(variable(`--${kind}-ink`, theme), variable(bg, theme)), `${kind} ink on ${bg}`).toBeGreaterThanOrEqual(AA)
  })

  it.each(KINDS)('draws the %s underline at 3:1 or more on every background and on its own tint', (kind) => {
    const line = variable(`--${kind}`, theme)
    for (const bg of BACKGROUNDS) {
      expect(contrast(line, variable(bg, theme)), `${kind} underline on ${bg}`).toBeGreaterThanOrEqual(GRAPHICS)
      const tinted = over(variable(`--${kind}-tint`, theme), variable(bg, theme))
      expect(contrast(line, tinted), `${kind} underline on its tint over ${bg}`).toBeGreaterThanOrEqual(GRAPHICS)
    }
  })

  it('keeps muted text, links and warnings at AA', () => {
    for (const bg of BACKGROUNDS) {
      expect(contrast(variable('--text-muted', theme), variable(bg, theme)), `muted on ${bg}`).toBeGreaterThanOrEqual(AA)
      expect(contrast(variable('--accent', theme), variable(bg, theme)), `accent on ${bg}`).toBeGreaterThanOrEqual(AA)
    }
    expect(contrast(variable('--warn-text', theme), variable('--warn-bg', theme))).toBeGreaterThanOrEqual(AA)
    expect(contrast(variable('--on-accent', theme), variable('--accent', theme))).toBeGreaterThanOrEqual(AA)
  })
})

it('measures contrast as WCAG defines it', () => {
  expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5)
  expect(contrast([119, 119, 119, 1], [255, 255, 255, 1])).toBeCloseTo(4.48, 2)
  expect(over([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1])
  // Okabe–Ito's own orange is the weak underline this file guards against: about 2.2:1 on the light page.
  expect(contrast(parseColor('#e69f00'), variable('--bg', 'light'))).toBeLessThan(GRAPHICS)
})
