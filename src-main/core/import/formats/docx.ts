import mammoth from 'mammoth'
import { htmlToDoc } from '../html-to-doc'
import { titleFromHeadings } from './title-from-headings'
import type { Converted, SourceFile } from './types'

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Word's own title and quote styles, which mammoth's default map leaves as plain paragraphs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
]

/** Thrown when mammoth cannot read the file; the importer words it for the analyst. */
export class DocxReadError extends Error {
  override readonly name = 'DocxReadError'
}

/** DOCX through mammoth, which maps Word styles to semantic HTML; the title comes from the Title style or the headings. */
export async function importDocx(file: SourceFile): Promise<Converted> {
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images are not part of the document schema; skipping them also avoids inlining them as base64.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // A document must never make the importer read other files on the analyst's disk.
        externalFileAccess: false,
      },
    )
    html = result.value
  } catch (error) {
    throw new DocxReadError(error instanceof Error ? error.message : String(error), { cause: error })
  }
  const { title, doc } = titleFromHeadings(htmlToDoc(html))
  return { fields: { title }, doc, mediaType: DOCX_MEDIA_TYPE }
}
