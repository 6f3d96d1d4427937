/**
 * The one URL policy for links anywhere in a document: http, https and mailto only.
 * Browsers strip tabs and newlines and ignore case and leading control characters in schemes,
 * so the check normalises the same way before reading the scheme (`jAvA\tscript:` is javascript:).
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null
  const decoded = decodeEntities(raw)
  const cleaned = decoded.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)
  if (!m) return null // relative URLs point into the saved page's site, which the analyst cannot reach offline
  if (!ALLOWED.has(m[1]!.toLowerCase() + ':')) return null
  return decoded.trim()
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(colon|tab|newline);/gi, (_, n: string) => ({ colon: ':', tab: '\t', newline: '\n' })[n.toLowerCase()] ?? '')
}
