import { ArticleFieldsSchema, type ArticleFields } from '../../shared/model/article'
import type { DocJson } from '../../shared/model/notebook'
import { ImportError } from './errors'
import { TextDecodeError } from './decode-text'
import { htmlToDoc, NoContentError, textToDoc } from './html-to-doc'
import { isZip, sniffBinaryKind } from './sniff'
import { importText } from './formats/text'
import { importMarkdown } from './formats/markdown'
import { importHtml } from './formats/html'
import { DocxReadError, importDocx } from './formats/docx'
import { textOf } from './formats/title-from-headings'
import type { Converted, SourceFile } from './formats/types'

/** Files over this size are refused before any parsing: no article is that large, and parsing one would stall the app. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export interface ImportedArticle {
  fields: ArticleFields
  doc: DocJson
  mediaType: string
}

type FormatImporter = (file: SourceFile) => Converted | Promise<Converted>

const IMPORTERS: Partial<Record<string, FormatImporter>> = {
  txt: importText,
  text: importText,
  md: importMarkdown,
  markdown: importMarkdown,
  html: importHtml,
  htm: importHtml,
  docx: importDocx,
}

/** The extensions importFile accepts, as offered in the file dialog. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(IMPORTERS)
const SUPPORTED_LIST = '.txt, .md, .html, .htm or .docx'

/**
 * One file to an article: fields, document and media type. Every refusal is an ImportError whose message
 * names the file, says what is wrong and what to do; nothing else escapes.
 */
export async function importFile(input: { name: string; bytes: Uint8Array }): Promise<ImportedArticle> {
  const name = baseName(input.name)
  const { bytes } = input
  const quoted = `"${name}"`

  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = Math.ceil((bytes.byteLength / (1024 * 1024)) * 10) / 10
    throw new ImportError('too-large', `${quoted} is ${mb} MB, larger than the 50 MB import limit; save just the article text and import that instead.`, name)
  }
  if (bytes.byteLength === 0) {
    throw new ImportError('empty', `${quoted} is empty (0 bytes); check that you picked the right file and that it was saved completely.`, name)
  }

  const ext = extensionOf(name)
  const importer = IMPORTERS[ext]
  if (!importer) {
    const what = ext ? `.${ext} files are not supported` : 'it has no file extension'
    throw new ImportError('unsupported-type', `${quoted} can't be imported because ${what}; import a ${SUPPORTED_LIST} file instead.`, name)
  }
  refuseMismatchedContent(quoted, name, ext, bytes)

  const stem = name.replace(/\.[^.]*$/, '') || name
  try {
    const converted = await importer({ name, stem, bytes })
    return { fields: completeFields(converted.fields, stem, converted.doc), doc: converted.doc, mediaType: converted.mediaType }
  } catch (error) {
    throw explain(error, quoted, name, ext)
  }
}

/**
 * Content for the "New article" command: pasted HTML keeps its formatting (sanitized like any import),
 * plain text is split into paragraphs. The title is the one the analyst typed.
 */
export function importPasted(input: { title: string; html?: string; text?: string }): ImportedArticle {
  const attempts: Array<[string, () => DocJson]> = []
  if (input.html?.trim()) attempts.push(['text/html', () => htmlToDoc(input.html!)])
  if (input.text?.trim()) attempts.push(['text/plain', () => textToDoc(input.text!)])
  for (const [mediaType, convert] of attempts) {
    try {
      const doc = convert()
      return { fields: completeFields({ title: input.title }, 'Untitled', doc), doc, mediaType }
    } catch (error) {
      if (error instanceof NoContentError) continue
      throw new ImportError('unreadable', 'The pasted content could not be read; paste it again as plain text instead.', null, { cause: error })
    }
  }
  throw new ImportError('empty', 'The pasted content has no text in it; copy the article text again and paste it.', null)
}

function refuseMismatchedContent(quoted: string, name: string, ext: string, bytes: Uint8Array): void {
  const kind = sniffBinaryKind(bytes)
  if (ext === 'docx') {
    if (isZip(bytes)) return
    const what = kind ? `it is ${kind}` : 'every .docx is a ZIP package and this file is not one'
    throw new ImportError('wrong-type', `${quoted} is not a Word .docx document (${what}); open it in its own program and save it as .docx, or rename it to its real extension.`, name)
  }
  if (kind) {
    throw new ImportError('wrong-type', `${quoted} is not a text file: it is ${kind}; import the article as a ${SUPPORTED_LIST} file instead.`, name)
  }
}

function explain(error: unknown, quoted: string, name: string, ext: string): ImportError {
  if (error instanceof ImportError) return error
  if (error instanceof TextDecodeError) {
    return error.kind === 'binary'
      ? new ImportError('wrong-type', `${quoted} is not a text file: ${error.message}; import the article as a ${SUPPORTED_LIST} file instead.`, name, { cause: error })
      : new ImportError(
          'undecodable',
          `${quoted} is in a text encoding that could not be recognised (${error.message}); open it in a text editor, save it as UTF-8 and import it again.`,
          name,
          { cause: error },
        )
  }
  if (error instanceof NoContentError) {
    return ext === 'html' || ext === 'htm'
      ? new ImportError('no-article', `${quoted} has no article text that could be found; check in a browser that it is the article page itself, or copy the article text and use New article.`, name, { cause: error })
      : new ImportError('empty', `${quoted} has no text in it; check that you picked the right file and that it was saved completely.`, name, { cause: error })
  }
  if (error instanceof DocxReadError) {
    return new ImportError('corrupt-docx', `${quoted} could not be read as a Word document and may be damaged; open it in Word, save it again as .docx and import that.`, name, { cause: error })
  }
  const format = ext === 'docx' ? 'a Word document' : ext === 'md' || ext === 'markdown' ? 'Markdown' : ext === 'html' || ext === 'htm' ? 'HTML' : 'text'
  return new ImportError('unreadable', `${quoted} could not be read as ${format}; check that it opens in another program, or copy its text and use New article.`, name, { cause: error })
}

const EXCERPT_CHARS = 300

/** Fills what the format could not tell (the title falls back to the file name) and checks the result against the model. */
function completeFields(found: Partial<ArticleFields>, fallbackTitle: string, doc: DocJson): ArticleFields {
  const fields: ArticleFields = {
    title: clip(tidy(found.title) || tidy(fallbackTitle) || 'Untitled', 500),
    outlet: clip(tidy(found.outlet), 300),
    byline: clip(tidy(found.byline), 500),
    publishedAt: /^\d{4}-\d{2}-\d{2}/.test(found.publishedAt ?? '') ? found.publishedAt! : '',
    url: /^https?:\/\//i.test(found.url ?? '') && (found.url ?? '').length <= 2048 ? found.url!.trim() : '',
    language: languageTag(found.language),
    excerpt: clip(tidy(found.excerpt) || clip(firstParagraph(doc), EXCERPT_CHARS), 2000),
  }
  return ArticleFieldsSchema.parse(fields)
}

function firstParagraph(doc: DocJson): string {
  for (const block of (doc.content ?? []) as Array<{ type?: string }>) {
    if (block.type !== 'paragraph') continue
    const text = tidy(textOf(block))
    if (text) return text
  }
  return ''
}

function languageTag(raw: string | undefined): string {
  const tag = tidy(raw).replace(/_/g, '-')
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag) && tag.length <= 35 ? tag : ''
}

function tidy(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim()
}

/** Shortens at a word boundary with an ellipsis, so a clipped title or excerpt still reads as text. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').trim() || 'unnamed file'
}

/** The lower-case extension, or '' when the name has none. */
function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
}
