import { generateJSON } from '@tiptap/html/server'
import type { DocJson } from '../../shared/model/notebook'
import { documentExtensions } from '../../shared/schema/document-extensions'
import { docFromJson } from '../../shared/schema/annotate-doc'
import { plainText } from '../../shared/schema/plain-text'
import { ANNOTATION_MARK_NAMES } from '../../shared/schema/annotation-marks'
import { sanitizeHtml } from './sanitize'

/** The content held no text once cleaned; the caller says so in terms of the file or paste it came from. */
export class NoContentError extends Error {
  override readonly name = 'NoContentError'
  constructor() {
    super('There is no text in it.')
  }
}

export interface DocOptions {
  /**
   * Keep claim, source and question marks. Only content that comes with its annotation records (the store,
   * a notebook export) may keep them; an imported page's marks would point at annotations that do not exist.
   */
  keepAnnotationMarks?: boolean
}

/** Sanitized HTML as a document of the shared schema, which is the final allowlist: what it cannot express is dropped. */
export function htmlToDoc(html: string, options: DocOptions = {}): DocJson {
  const json = generateJSON(sanitizeHtml(html), documentExtensions()) as DocJson
  return validated(options.keepAnnotationMarks ? json : withoutAnnotationMarks(json))
}

/**
 * Plain text as a document. Blank lines separate paragraphs. Within a paragraph, lines hard-wrapped at a
 * fixed width (wire copy, e-mail) are joined back into running text, and other line breaks (addresses,
 * datelines, verse) are kept as hard breaks. A text with no blank lines at all has one paragraph per line.
 */
export function textToDoc(text: string): DocJson {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
  const lines = normalized.split('\n').map((line) => line.trim())
  const hasBlankLines = /\n[ \t\f\v\u00a0]*\n/.test(normalized.trim())
  const paragraphs = hasBlankLines ? splitOnBlankLines(lines) : lines.filter(Boolean).map((line) => [line])
  const content = paragraphs.map((para) => paragraphNode(isHardWrapped(para) ? [para.join(' ')] : para))
  return validated({ type: 'doc', content })
}

function splitOnBlankLines(lines: string[]): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (line) current.push(line)
    else if (current.length) {
      paragraphs.push(current)
      current = []
    }
  }
  if (current.length) paragraphs.push(current)
  return paragraphs
}

const LIST_ITEM = /^(?:[-*•–]\s|\d{1,3}[.)]\s)/

/** Lines of similar, typewriter width with no list markers: a paragraph broken only to fit a column. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false
  const body = lines.slice(0, -1)
  return body.every((line) => line.length >= 40 && line.length <= 100) && !lines.some((line) => LIST_ITEM.test(line))
}

function paragraphNode(lines: string[]): Record<string, unknown> {
  const content: Array<Record<string, unknown>> = []
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' })
    content.push({ type: 'text', text: line })
  })
  return { type: 'paragraph', content }
}

function withoutAnnotationMarks(json: DocJson): DocJson {
  const strip = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    const n = node as Record<string, unknown>
    const next: Record<string, unknown> = { ...n }
    if (Array.isArray(n.marks)) {
      const marks = (n.marks as Array<{ type?: string }>).filter((m) => !(ANNOTATION_MARK_NAMES as readonly string[]).includes(m.type ?? ''))
      if (marks.length) next.marks = marks
      else delete next.marks
    }
    if (Array.isArray(n.content)) next.content = n.content.map(strip)
    return next
  }
  return strip(json) as DocJson
}

/** Checks the document against the schema and refuses one without text. */
function validated(json: DocJson): DocJson {
  if (!json.content?.length) throw new NoContentError()
  const doc = docFromJson(json)
  if (!plainText(doc).trim()) throw new NoContentError()
  return doc.toJSON() as DocJson
}
