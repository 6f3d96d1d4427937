import type { Block, Run } from './doc-blocks'
import { escapeMarkdown } from './escape'

/**
 * CommonMark has no highlight, so an annotated span is set in brackets and followed by a footnote reference
 * whose note gives its label, kind and grading.
 */
export interface MarkdownLabels {
  get(id: string): { label: string; footnote: string } | undefined
}

/**
 * Blocks as CommonMark. Text is escaped so it can never form markup; emphasis delimiters are set only around
 * non-blank text (CommonMark ignores `** x**`); lists indent children to their parent's content column.
 */
export function blocksToMarkdown(blocks: readonly Block[], headingOffset: number, labels?: MarkdownLabels): string {
  const out: string[] = []
  const columns: number[] = []
  for (const b of blocks) {
    const quote = '> '.repeat(b.quoteDepth)
    if (b.type === 'rule') {
      out.push(`${quote}***`)
      columns.length = 0
      continue
    }
    const text = runsToMarkdown(b.runs, labels)
    if (b.type === 'heading') {
      columns.length = 0
      out.push(`${quote}${'#'.repeat(Math.min(6, b.level + headingOffset))} ${text}`)
    } else if (b.type === 'item') {
      columns.length = Math.min(columns.length, b.depth)
      const indent = columns.reduce((n, c) => n + c, 0)
      const marker = b.ordered ? `${b.number}. ` : '- '
      columns[b.depth] = marker.length
      out.push(`${quote}${' '.repeat(indent)}${marker}${text.replace(/\n/g, `\n${quote}${' '.repeat(indent + marker.length)}`)}`)
    } else {
      columns.length = 0
      out.push(`${quote}${text.replace(/\n/g, `\n${quote}`)}`)
    }
  }
  // Items of one list stay together (a blank line between them would still parse, but loosely); blocks get a blank line.
  let md = ''
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1]
    const tight = b.type === 'item' && prev?.type === 'item'
    md += (i === 0 ? '' : tight ? '\n' : '\n\n') + out[i]
  })
  return md
}

export function runsToMarkdown(runs: readonly Run[], labels?: MarkdownLabels): string {
  let md = ''
  for (const run of runs) {
    if (run.lineBreak) {
      md += '\\\n'
      continue
    }
    const { lead, inner, trail } = styled(run)
    const opens = (run.starts ?? []).filter((id) => labels?.get(id)).length
    let closes = ''
    for (const id of run.ends ?? []) {
      const l = labels?.get(id)
      if (l) closes += `\\][^${l.footnote}]`
    }
    md += lead + '\\['.repeat(opens) + inner + closes + trail
  }
  return md.replace(/^\s+/, '')
}

function styled(run: Run): { lead: string; inner: string; trail: string } {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!
  const lead = (m[1] ?? '').replace(/\s+/g, ' ')
  const core = m[2] ?? ''
  const trail = (m[3] ?? '').replace(/\s+/g, ' ')
  if (!core) return { lead: lead || trail, inner: '', trail: '' }
  let inner = escapeMarkdown(core)
  if (run.bold && run.italic) inner = `***${inner}***`
  else if (run.bold) inner = `**${inner}**`
  else if (run.italic) inner = `*${inner}*`
  if (run.href) inner = `[${inner}](<${linkDestination(run.href)}>)`
  return { lead, inner, trail }
}

/** A URL inside `<…>`: only `<`, `>`, backslash, and line breaks could end or bend it, so those are percent-encoded. */
function linkDestination(url: string): string {
  return url.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c))
}
