import createDOMPurify from 'dompurify'
import type { ExportPreview } from '../../shared/ipc-contract'
import { sharedWindow } from '../import/dom-window'
import { renderBody } from './html'
import type { ExportDocument } from './model'
import { documentTitle } from './model'
import { EXPORT_CSS } from './styles'

/** Exactly the elements and attributes the export's body is made of: anything else would be a bug or an attack. */
const PREVIEW_TAGS = [
  'main', 'header', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'ol', 'ul', 'li',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'u', 's', 'b', 'a', 'mark', 'sup', 'span',
]

let purifier: ReturnType<typeof createDOMPurify> | null = null

/**
 * The preview the window shows: the export's own body, escaped as in the file, then sanitized once more because
 * the window renders it in its own DOM. Links are kept as text targets only (the window never follows them).
 */
export function previewOf(doc: ExportDocument, suggestedName: string): ExportPreview {
  purifier ??= createDOMPurify(sharedWindow() as unknown as Parameters<typeof createDOMPurify>[0])
  const html = purifier.sanitize(renderBody(doc), {
    ALLOWED_TAGS: PREVIEW_TAGS,
    ALLOWED_ATTR: ['class', 'id', 'href', 'title', 'data-kind', 'start', 'role'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    ALLOW_DATA_ATTR: false,
  })
  const counts = { articles: 0, claims: 0, sources: 0, questions: 0 }
  if (doc.kind === 'brief') {
    counts.articles = doc.articles.length
    for (const x of doc.evidence) counts[`${x.annotation.kind}s` as const]++
  } else {
    counts.articles = doc.articles.length
    for (const a of doc.articles) for (const x of a.annotations) counts[`${x.kind}s` as const]++
  }
  return { title: documentTitle(doc), html, css: EXPORT_CSS, suggestedName, counts }
}
