import { memo } from 'react'

/**
 * A compact grade or code (`B2`, `A`, `likely · moderate`). It is an abbreviation with its meaning in words as the
 * title, which is both the hover tooltip and what assistive technology reads out.
 */
export const Chip = memo(function Chip({ text, meaning, tone = 'plain' }: { text: string; meaning: string; tone?: 'plain' | 'code' | 'warn' | 'muted' }) {
  return (
    <abbr className={`chip chip-${tone}`} title={meaning}>
      {text}
    </abbr>
  )
})
