import type { Provenance } from '../../../src-main/shared/model/article'

/** Formats by the media type the importer recorded, in the words an analyst would cite them by. */
const FORMATS: Record<string, string> = {
  'text/html': 'Web page (HTML)',
  'text/plain': 'Plain text',
  'text/markdown': 'Markdown',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (DOCX)',
  'application/json': 'Notebook export (JSON)',
}

export function formatName(mediaType: string): string {
  return FORMATS[mediaType] ?? (mediaType || 'Unknown')
}

/** Where the article came from: the file name or URL as imported, or how it entered the notebook. */
export function originName(p: Provenance): string {
  if (p.origin === 'file' || p.origin === 'url') return p.name
  return p.origin === 'paste' ? 'Pasted text' : 'Sample article'
}

export function originLabel(p: Provenance): string {
  return p.origin === 'url' ? 'URL' : p.origin === 'file' ? 'File' : 'Source'
}

/** Bytes in the unit that reads best, with the exact count beside anything rounded, as provenance should be exact. */
export function sizeText(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`
  if (bytes < 1024) return exact
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB']
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit} (${exact})`
}

/** The import time to the second, in the analyst's time zone. */
export function importTimeText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })
}
