import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { suggestInText } from '../../../../src-main/core/assistant/suggestions'

interface Fixture {
  title: string
  text: string
  gold: Array<{ kind: 'source' | 'claim'; quote: string }>
}
const { articles } = JSON.parse(readFileSync(new URL('../../../fixtures/assistant/articles.json', import.meta.url), 'utf8')) as { articles: Fixture[] }

/** A suggestion finds a gold span when it has the same kind and they share most of their characters. */
function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start)
  return union === 0 ? 0 : inter / union
}
const MATCH = 0.6

describe('attribution assistant on the labelled articles', () => {
  it('meets precision ≥ 0.8 and recall ≥ 0.7', () => {
    let tp = 0
    let suggested = 0
    let gold = 0
    const misses: string[] = []
    const wrong: string[] = []
    for (const a of articles) {
      const spans = a.gold.map((g) => {
        const start = a.text.indexOf(g.quote)
        expect(start, `gold quote "${g.quote}" is in "${a.title}"`).toBeGreaterThanOrEqual(0)
        return { ...g, start, end: start + g.quote.length, found: false }
      })
      const suggestions = suggestInText(a.text)
      suggested += suggestions.length
      gold += spans.length
      for (const s of suggestions) {
        const match = spans.find((g) => !g.found && g.kind === s.kind && overlapRatio(g, s) >= MATCH)
        if (match) {
          match.found = true
          tp++
        } else wrong.push(`${s.kind}: "${s.quote}"`)
      }
      for (const g of spans) if (!g.found) misses.push(`${g.kind}: "${g.quote}"`)
    }
    const precision = tp / suggested
    const recall = tp / gold
    console.log(`assistant on ${articles.length} articles: precision ${precision.toFixed(3)} (${tp}/${suggested}), recall ${recall.toFixed(3)} (${tp}/${gold})`)
    if (wrong.length) console.log(`not in the gold set:\n  ${wrong.join('\n  ')}`)
    if (misses.length) console.log(`missed:\n  ${misses.join('\n  ')}`)
    expect(articles.length).toBeGreaterThanOrEqual(8)
    expect(precision).toBeGreaterThanOrEqual(0.8)
    expect(recall).toBeGreaterThanOrEqual(0.7)
  })
})
