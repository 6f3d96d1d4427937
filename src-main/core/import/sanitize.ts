import createDOMPurify from 'dompurify'
import { sanitizeWith, type Purifier } from '../../shared/schema/sanitize-policy'
import { safeUrl } from '../../shared/schema/safe-url'
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

/**
 * Tokens of the policy's own output, exactly as the sanitizer serializes it: allowlisted tags without attributes,
 * links with one href, annotation marks with their two attributes, and text (which holds no `<` once serialized).
 */
const CANONICAL_TOKEN =
  /<\/?(?:p|h[1-4]|ul|ol|li|blockquote|strong|em|u|s|a|mark)>|<br>|<hr>|<a href="((?:[^&"<>]|&amp;)*)">|<mark data-kind="(?:claim|source|question)" data-annotation-id="ann_[0-9a-z]{16}">|[^<]+/y

/**
 * Rich text read back from the store, where it was written sanitized: text already in the policy's output form
 * passes as it is (a long article's thousand notes must not each be re-parsed on open), anything else, such as a
 * file edited or synced from elsewhere, goes through the policy again.
 */
export function sanitizeStoredHtml(html: string): string {
  return isPolicyOutput(html) ? html : sanitizeHtml(html)
}

/** True when the text is made only of the policy's output tokens, links passing the URL policy. */
export function isPolicyOutput(html: string): boolean {
  CANONICAL_TOKEN.lastIndex = 0
  while (CANONICAL_TOKEN.lastIndex < html.length) {
    const m = CANONICAL_TOKEN.exec(html)
    if (!m) return false
    if (m[1] !== undefined && safeUrl(m[1].replace(/&amp;/g, '&')) === null) return false
  }
  return true
}
