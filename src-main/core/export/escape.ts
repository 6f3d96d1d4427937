/**
 * Escaping for every string that comes from content (titles, quotes, notes, tags, source names, file names).
 * Hostile articles are the norm for an analyst, so each output format gets its own escaper and nothing from
 * content is ever written raw.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe in element text and in double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]!)
}

/**
 * A CSS string literal. Everything outside a small safe set becomes a hex escape, so a caveat cannot close the
 * string, the rule or the style element (`</style>` has no `<` left).
 */
export function cssString(s: string): string {
  let out = '"'
  for (const ch of s.replace(/[\r\n]+/g, ' ')) {
    out += /[A-Za-z0-9 .,:;()\-_/]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `
  }
  return `${out}"`
}

/**
 * Text that Markdown must show literally. Every character that can open or close an inline construct is
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped): emphasis, code, links, footnote
 * references, raw HTML (`<`) and entities (`&`). Newlines are folded, and a leading character that could start
 * a block (heading, list, quote, thematic break) is escaped, so text can never change the document's structure.
 * Readable punctuation (full stops, commas, hyphens inside words) stays as it is.
 */
export function escapeMarkdown(s: string): string {
  const inline = s
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    // Four spaces of indentation would make a code block.
    .replace(/^\s+/, '')
    .replace(/[\\`*_\[\]<>!|~&^]/g, (c) => `\\${c}`)
  return inline.replace(/^(\s*)([#+=>-]|\d+[.)])/, (_m, sp: string, lead: string) => `${sp}${lead.replace(/([#+=>.)-])$/, '\\$1')}`)
}

/** One Markdown table cell: escaped text, never empty, so the row keeps its columns. */
export function markdownCell(s: string): string {
  return escapeMarkdown(s).trim() || ' '
}
