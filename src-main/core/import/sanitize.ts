import createDOMPurify from 'dompurify'
import { sanitizeWith, type Purifier } from '../../shared/schema/sanitize-policy'
import { sharedWindow } from './dom-window'

/**
 * The sanitizing policy of shared/schema/sanitize-policy.ts, run in main over the import pipeline's jsdom window:
 * for imported files, pasted "New article" content, notes, JSON notebook imports and content read from the store.
 */

let purifier: Purifier | null = null

function purify(): Purifier {
  purifier ??= createDOMPurify(sharedWindow() as unknown as Parameters<typeof createDOMPurify>[0])
  return purifier
}

/** Clean HTML holding only what an article body may hold. Never throws; garbage in gives empty or plain text out. */
export function sanitizeHtml(html: string): string {
  return sanitizeWith(purify(), sharedWindow().document, html)
}
