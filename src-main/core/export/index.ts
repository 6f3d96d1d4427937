import type { ExportFormat, ExportPreview } from '../../shared/ipc-contract'
import { renderDocx } from './docx'
import { sanitizeFileName } from './file-name'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'
import { documentTitle, FORMAT_EXTENSION, FORMAT_MEDIA_TYPE, type ExportDocument } from './model'
import { renderNotebookJson } from './notebook-json'
import { previewOf } from './preview'
import { renderW3c } from './w3c'

/** Prints self-contained HTML to PDF: Electron's printToPDF in the app, Chromium through playwright in the CLI. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>

export interface RenderedExport {
  bytes: Uint8Array
  fileName: string
  mediaType: string
}

export interface RenderOptions {
  pdf?: PdfRenderer
  /** Original bytes of an article by SHA-256, for the lossless JSON slice; absent originals are left out. */
  readOriginal?: (sha256: string) => Promise<Uint8Array | null>
}

export async function renderExport(doc: ExportDocument, format: ExportFormat, options: RenderOptions = {}): Promise<RenderedExport> {
  const text = (s: string) => new TextEncoder().encode(s)
  let bytes: Uint8Array
  switch (format) {
    case 'md':
      bytes = text(renderMarkdown(doc))
      break
    case 'html':
      bytes = text(renderHtml(doc))
      break
    case 'docx':
      bytes = await renderDocx(doc)
      break
    case 'pdf':
      if (!options.pdf) throw new Error('No PDF renderer was given for a PDF export.')
      bytes = await options.pdf(renderHtml(doc))
      break
    case 'json':
      bytes = text(await renderNotebookJson(doc, options.readOriginal))
      break
    case 'w3c':
      bytes = text(JSON.stringify(renderW3c(doc), null, 2))
      break
  }
  return { bytes, fileName: exportFileName(doc, format), mediaType: FORMAT_MEDIA_TYPE[format] }
}

export function exportFileName(doc: ExportDocument, format: ExportFormat): string {
  // The title is shortened first so that the suffix, which says what the file holds, is never the part cut off.
  const title = Array.from(documentTitle(doc)).slice(0, 64).join('')
  return sanitizeFileName(format === 'w3c' ? `${title.trim()} annotations` : title, FORMAT_EXTENSION[format])
}

export function exportPreview(doc: ExportDocument): ExportPreview {
  return previewOf(doc, sanitizeFileName(documentTitle(doc), ''))
}

export type { ExportDocument } from './model'
