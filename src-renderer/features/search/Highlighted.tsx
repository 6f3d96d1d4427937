import type { Highlight } from '../../../src-main/shared/model/search'

/** Text with some ranges marked, built as React text nodes: whatever the article says is never parsed as HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Highlight[] }) {
  const parts: Array<string | { mark: string }> = []
  let at = 0
  for (const [s, e] of ranges) {
    if (s < at || e > text.length) continue
    if (s > at) parts.push(text.slice(at, s))
    parts.push({ mark: text.slice(s, e) })
    at = e
  }
  if (at < text.length) parts.push(text.slice(at))
  return (
    <>
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>))}
    </>
  )
}
