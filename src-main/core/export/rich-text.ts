import type { Block } from './doc-blocks'
import { htmlBlocks } from './html-blocks'

/**
 * Notes and key judgments are stored as rich text. For export they are read into blocks that every format
 * renders itself, escaping all text, so no stored HTML is ever copied into an export as it stands.
 */
export function richBlocks(html: string): Block[] {
  return html.trim() ? htmlBlocks(html) : []
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
