import { Readability } from '@mozilla/readability'
import { assertTextual, decodeText, decodeWindows1252, tryUtf8 } from '../decode-text'
import { isOnlyDates, normalizeDate } from '../dates'
import { htmlToDoc, NoContentError } from '../html-to-doc'
import { parsePage } from '../dom-window'
import { readPageMetadata } from './html-metadata'
import type { Converted, SourceFile } from './types'

/**
 * Embedded foreign content goes before extraction: Readability re-serializes what it keeps, and markup that has been
 * through a parser twice can come out of an <svg> or <math> island as ordinary HTML.
 */
const EMBEDDED = 'svg, math, template, iframe, frame, frameset, object, embed, applet, canvas'

/**
 * A page saved from a browser. It is parsed into an inert document (nothing in it runs or reaches the network),
 * its self-described metadata is read, Readability extracts the article, and only the extracted article goes
 * through the sanitizer into the document. Sanitizing before extraction would
 * strip the class names, meta tags and JSON-LD that extraction and metadata depend on.
 */
export function importHtml(file: SourceFile): Converted {
  const document = parsePage(decodeHtml(file.bytes))
  const meta = readPageMetadata(document)
  for (const el of Array.from(document.querySelectorAll(EMBEDDED))) el.remove()
  // Readability resolves relative links against the document's base; the canonical URL is the page's real address.
  if (meta.url && !document.querySelector('base[href]')) {
    const base = document.createElement('base')
    base.setAttribute('href', meta.url)
    document.head.prepend(base)
  }
  const article = new Readability(document).parse()
  if (!article?.content) throw new NoContentError()
  const doc = htmlToDoc(article.content)

  // Some pages put the dateline where Readability looks for the byline; it is then a date, not an author.
  const readabilityByline = article.byline ?? ''
  const bylineIsDate = isOnlyDates(readabilityByline)
  return {
    fields: {
      title: article.title || meta.title,
      outlet: article.siteName || meta.siteName,
      byline: (bylineIsDate ? '' : readabilityByline) || meta.byline,
      publishedAt: normalizeDate(article.publishedTime) || normalizeDate(meta.published) || (bylineIsDate ? normalizeDate(readabilityByline) : ''),
      language: article.lang || meta.language,
      excerpt: article.excerpt || meta.description,
      url: meta.url,
    },
    doc,
    mediaType: 'text/html',
  }
}

/**
 * HTML bytes to text: a byte-order mark wins, then a <meta> charset other than UTF-8 (the page's own word on its
 * legacy encoding), then the plain-text rules. A page that is valid UTF-8 with non-ASCII text was re-encoded
 * when saved, whatever its stale meta tag says.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const declared = bom ? null : declaredCharset(bytes)
  if (declared && !bytes.includes(0)) {
    const utf8 = tryUtf8(bytes)
    if (utf8 === null || !/[^\x00-\x7f]/.test(utf8)) {
      const text = decodeWith(declared, bytes)
      if (text !== null) {
        assertTextual(text)
        return text
      }
    }
  }
  return decodeText(bytes).text
}

/** The charset a page declares in its first few kilobytes, unless it is UTF-8 or UTF-16 (which HTML reads as UTF-8 here). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 8192))
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.()-]+)/i.exec(head)
  const label = m?.[1]?.toLowerCase()
  if (!label || /^utf-?(?:8|16)/.test(label)) return null
  return label
}

/** Decodes by a declared label, or null for a label no decoder knows. Latin-1 labels mean Windows-1252 on the web. */
function decodeWith(label: string, bytes: Uint8Array): string | null {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label)
  } catch {
    return null
  }
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes)
}
