import type { AnnotationKind } from '../../shared/model/annotation'
import type { Block, Run } from './doc-blocks'
import { escapeHtml } from './escape'

/** How annotated spans are shown: their label (C1…) and the id of the note it links to, by annotation id. */
export interface SpanLabels {
  get(id: string): { label: string; kind: AnnotationKind; anchor: string } | undefined
}

export interface BlockHtmlOptions {
  /** Heading levels of the body start below the export's own headings. */
  headingOffset: number
  labels?: SpanLabels
}

/** Blocks as HTML in which every character of text is escaped and only safe links remain. */
export function blocksToHtml(blocks: readonly Block[], options: BlockHtmlOptions): string {
  const out: string[] = []
  const lists: Array<'ul' | 'ol'> = []
  const closeLists = (depth: number) => {
    while (lists.length > depth) out.push(`</li></${lists.pop()}>`)
  }
  for (const b of blocks) {
    if (b.type === 'item') {
      const tag = b.ordered ? 'ol' : 'ul'
      closeLists(b.depth + 1)
      if (lists.length === b.depth + 1 && lists[b.depth] !== tag) closeLists(b.depth)
      if (lists.length === b.depth + 1) out.push('</li><li>')
      while (lists.length < b.depth + 1) {
        const t = lists.length === b.depth ? tag : 'ul'
        out.push(`<${t}${t === 'ol' && b.number !== 1 && lists.length === b.depth ? ` start="${b.number}"` : ''}><li>`)
        lists.push(t)
      }
      out.push(runsToHtml(b.runs, options.labels))
      continue
    }
    closeLists(0)
    const open = '<blockquote>'.repeat(b.quoteDepth)
    const close = '</blockquote>'.repeat(b.quoteDepth)
    if (b.type === 'rule') out.push(`${open}<hr>${close}`)
    else if (b.type === 'heading') {
      const level = Math.min(6, b.level + options.headingOffset)
      out.push(`${open}<h${level}>${runsToHtml(b.runs, options.labels)}</h${level}>${close}`)
    } else out.push(`${open}<p>${runsToHtml(b.runs, options.labels)}</p>${close}`)
  }
  closeLists(0)
  return out.join('\n')
}

/**
 * A run inside several annotations gets one <mark> per annotation, outermost first. Where an annotation's span
 * ends for the last time, its label follows as a superscript link to its note: the label is what keeps kinds apart in grey print.
 */
export function runsToHtml(runs: readonly Run[], labels?: SpanLabels): string {
  let html = ''
  for (const run of runs) {
    if (run.lineBreak) {
      html += '<br>'
      continue
    }
    let inner = escapeHtml(run.text)
    if (run.bold) inner = `<strong>${inner}</strong>`
    if (run.italic) inner = `<em>${inner}</em>`
    if (run.underline) inner = `<u>${inner}</u>`
    if (run.strike) inner = `<s>${inner}</s>`
    if (run.href) inner = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer">${inner}</a>`
    for (const a of [...run.annotations].reverse()) {
      const l = labels?.get(a.id)
      inner = `<mark class="anno anno-${a.kind}" data-kind="${a.kind}"${l ? ` title="${escapeHtml(l.label)}"` : ''}>${inner}</mark>`
    }
    html += inner
    for (const id of run.ends ?? []) {
      const l = labels?.get(id)
      if (l) html += `<sup class="tag tag-${l.kind}"><a href="#${escapeHtml(l.anchor)}">${escapeHtml(l.label)}</a></sup>`
    }
  }
  return html
}
