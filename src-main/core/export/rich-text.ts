import { htmlToDoc, NoContentError } from '../import/html-to-doc'
import { docBlocks, type Block } from './doc-blocks'

/**
 * Notes and key judgments are stored as sanitized rich text. For export they go through the same sanitizer and the
 * shared schema once more (stored content is content too) and come out as blocks every format renders itself,
 * so no stored HTML is ever copied into an export as it stands.
 */
export function richBlocks(html: string): Block[] {
  if (!html.trim()) return []
  try {
    return docBlocks(htmlToDoc(html))
  } catch (err) {
    if (err instanceof NoContentError) return []
    throw err
  }
}

/** The text of blocks on one line, for table cells and footnotes that hold a note. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.type === 'rule' ? '' : b.runs.map((r) => (r.lineBreak ? ' ' : r.text)).join('')))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}
