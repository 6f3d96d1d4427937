import { claimGradingLine, reliabilityWords } from './grading-text'
import type { EvidenceEntry } from './model'
import { blocksText, richBlocks } from './rich-text'
import { KIND_STYLE } from './styles'

/**
 * The plain-text footnote of one annotation in an annotated article: quote, grading, attribution, note, tags.
 * Markdown and DOCX both print it; each escapes it for its own format.
 */
export function footnoteText(x: EvidenceEntry): string {
  const a = x.annotation
  const parts = [`${x.label} ${KIND_STYLE[a.kind].label}${a.orphaned ? ' (text no longer in the article)' : ''}: “${a.anchor.exact}”.`]
  if (a.kind === 'claim') parts.push(`${claimGradingLine(a, x.evidenceCode ?? 'F6')}.`, x.sourceNames.length ? `Attributed to ${x.sourceNames.join('; ')}.` : '')
  else if (a.kind === 'source') parts.push(`Registry entry: ${x.sourceNames[0] ?? ''}. Reliability ${reliabilityWords(a.reliability)}.${a.chain.length ? ` Relayed by ${a.chain.join(' → ')}.` : ''}`)
  else parts.push(`${a.status}, ${a.priority} priority${a.due ? `, due ${a.due}` : ''}.${a.answer ? ` Answer: ${a.answer}` : ''}`)
  const note = blocksText(richBlocks(a.note))
  if (note) parts.push(`Note: ${note}`)
  if (a.tags.length) parts.push(`Tags: ${a.tags.join(', ')}.`)
  return parts.filter(Boolean).join(' ')
}
