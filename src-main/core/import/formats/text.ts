import { decodeText } from '../decode-text'
import { datelineDate } from '../dates'
import { textToDoc } from '../html-to-doc'
import type { Converted, SourceFile } from './types'

/** Longer first lines are the start of the text, not a headline. */
const MAX_TITLE_LINE = 300

/**
 * Plain text, wire-copy style: the first non-empty line is the headline, an optional next line holding only a date
 * is the publication date, and the rest is the body.
 */
export function importText(file: SourceFile): Converted {
  const lines = decodeText(file.bytes).text.replace(/\r\n?/g, '\n').split('\n')
  const titleAt = lines.findIndex((line) => line.trim())
  const titleLine = (lines[titleAt] ?? '').trim()
  if (titleLine.length > MAX_TITLE_LINE) {
    return { fields: { title: file.stem }, doc: textToDoc(lines.join('\n')), mediaType: 'text/plain' }
  }

  const nextAt = lines.findIndex((line, i) => i > titleAt && line.trim())
  const publishedAt = nextAt === -1 ? '' : datelineDate(lines[nextAt]!)
  const bodyFrom = publishedAt ? nextAt + 1 : titleAt + 1
  const body = lines.slice(bodyFrom).join('\n')
  // A one-line file is its own body: an article with a title and no text would be useless to annotate.
  const doc = textToDoc(body.trim() ? body : titleLine)
  return { fields: { title: titleLine, publishedAt }, doc, mediaType: 'text/plain' }
}
