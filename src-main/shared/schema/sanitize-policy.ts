import { rebuildBlocks } from './rebuild-blocks'

/**
 * THE sanitizing policy, used for every piece of HTML that enters a notebook: imported files, pasted and dropped
 * content, JSON imports and content read back from the store. Two layers:
 *  1. DOMPurify parses the HTML and removes everything executable or remote (scripts, styles, event handlers,
 *     iframes, forms, embeds, SVG, images and so tracking pixels, comments), keeping structure for step 2.
 *  2. `rebuildBlocks` copies what is left into fresh elements of a small allowlist, so the output holds only
 *     paragraphs, headings h1-h4, lists, block quotes, b/strong/i/em/u/s, links (http, https, mailto), br, hr and
 *     annotation marks, always nested the way an HTML parser would rebuild them (which makes the policy idempotent).
 *
 * It lives in shared so that main (DOMPurify over jsdom) and the window (DOMPurify over the page) apply the very
 * same rules; each side brings its own DOMPurify instance and document, since shared holds no DOM code.
 */

/** Elements DOMPurify may pass on: the final allowlist plus layout and inline wrappers whose text and structure step 2 keeps. */
const PASS_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br',
  'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'a', 'mark', 'span', 'font',
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'address', 'center',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'details', 'summary', 'hgroup',
]

/** Removed with everything inside them: their text is interface or advertising, never the article. */
const DROP_WITH_CONTENT = ['form', 'button', 'select', 'textarea', 'object', 'embed', 'applet', 'canvas', 'dialog', 'nav', 'map']

/** The subset of DOMPurify's options the policy sets, spelled out so shared need not import DOMPurify. */
export interface PurifyConfig {
  ALLOWED_TAGS: string[]
  ALLOWED_ATTR: string[]
  ADD_URI_SAFE_ATTR: string[]
  ALLOW_DATA_ATTR: boolean
  ALLOW_ARIA_ATTR: boolean
  ALLOWED_URI_REGEXP: RegExp
  ADD_FORBID_CONTENTS: string[]
  KEEP_CONTENT: boolean
  WHOLE_DOCUMENT: boolean
  RETURN_DOM_FRAGMENT: true
}

/** A DOMPurify instance bound to a window (jsdom in main, the page in the renderer). */
export interface Purifier {
  /** Null when the HTML parses to a document without a body (a `<frameset>` page), which holds no article. */
  sanitize(html: string, config: PurifyConfig): DocumentFragment | null
}

export const PURIFY_CONFIG: Readonly<PurifyConfig> = Object.freeze({
  ALLOWED_TAGS: PASS_TAGS,
  // style is read (bold and italic spans from Word and Google Docs) and never written out.
  ALLOWED_ATTR: ['href', 'style', 'data-kind', 'data-annotation-id'],
  // DOMPurify checks every attribute not listed as URI-safe against the URI pattern; the mark attributes are plain values.
  ADD_URI_SAFE_ATTR: ['data-kind', 'data-annotation-id'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
})

/**
 * Clean HTML holding only what an article body may hold. Never throws; garbage in gives empty or plain text out.
 * `doc` only creates the output elements: give it an inert one (never the live page), so nothing built here
 * is ever connected to a rendered page.
 */
export function sanitizeWith(purifier: Purifier, doc: Document, html: string): string {
  // DOMPurify copies its config arrays into sets; a fresh object keeps the frozen policy out of its reach.
  const fragment = purifier.sanitize(String(html ?? ''), { ...PURIFY_CONFIG })
  if (!fragment) return ''
  const root = doc.createElement('div')
  rebuildBlocks(doc, fragment, root)
  return root.innerHTML
}
