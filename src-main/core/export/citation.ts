import type { ArticleMeta } from '../../shared/model/article'
import { safeUrl } from '../../shared/schema/safe-url'

/**
 * The full citation every quoted claim carries: outlet, title, published date, URL or file name, import time and
 * the SHA-256 of the original bytes, so a reader can find the source and check it is the one the analyst read.
 */
export interface CitationField {
  label: string
  value: string
}

export function citationFields(meta: ArticleMeta): CitationField[] {
  const p = meta.provenance
  const fields: CitationField[] = [
    { label: 'Outlet', value: meta.outlet || 'outlet not recorded' },
    { label: 'Title', value: meta.title },
    { label: 'Published', value: meta.publishedAt ? meta.publishedAt.slice(0, 10) : 'date not recorded' },
  ]
  const url = webUrl(meta)
  if (url) fields.push({ label: 'URL', value: url })
  if (p.origin === 'file' || !url) fields.push({ label: p.origin === 'file' ? 'File' : 'Origin', value: p.origin === 'file' ? p.name : originWords(p.origin, p.name) })
  fields.push({ label: 'Imported', value: p.importedAt }, { label: 'SHA-256', value: p.sha256 })
  return fields
}

/** The citation as one sentence, for footnotes. */
export function citationText(meta: ArticleMeta): string {
  const f = Object.fromEntries(citationFields(meta).map((x) => [x.label, x.value]))
  const where = f.URL ? `URL ${f.URL}` : f.File ? `file ${f.File}` : f.Origin
  return `${f.Outlet}, “${f.Title}”, published ${f.Published}. ${where}. Imported ${f.Imported}. SHA-256 ${f['SHA-256']}.`
}

/**
 * The article's web address when it has a safe one (http or https), else null. It is parsed and serialised again,
 * which percent-encodes what a URI may not hold (spaces, quotes, angle brackets) so the address is a valid IRI.
 */
export function webUrl(meta: ArticleMeta): string | null {
  const raw = safeUrl(meta.url) ?? (meta.provenance.origin === 'url' ? safeUrl(meta.provenance.name) : null)
  if (!raw) return null
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * The IRI a W3C annotation targets: the article's web address, else a name for its exact bytes (RFC 6920
 * `ni:` URI of the SHA-256), which any holder of the original file can verify.
 */
export function citationIri(meta: ArticleMeta): string {
  return webUrl(meta) ?? niUri(meta.provenance.sha256)
}

export function niUri(sha256Hex: string): string {
  const b64 = Buffer.from(sha256Hex, 'hex').toString('base64url')
  return `ni:///sha-256;${b64}`
}

function originWords(origin: string, name: string): string {
  if (origin === 'paste') return 'pasted into the notebook'
  if (origin === 'sample') return 'Intel Notebook sample article'
  return name
}
