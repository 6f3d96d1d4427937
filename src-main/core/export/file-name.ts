/**
 * A file name an analyst can save on any desktop system, made from a title that came from content.
 * Path separators, control characters, characters Windows reserves, leading dots and dashes (hidden files,
 * options to a later command) and reserved device names are all removed, and the result is never empty.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const MAX_STEM = 80

export function sanitizeFileName(title: string, extension: string): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase()
  let stem = title
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    // Bidirectional controls let "report\u202Efdp.exe" display as "reportexe.pdf".
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|$`'!;&{}[\]#%~^=+,]/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\-\s]+/, '')
    .replace(/[.\s]+$/, '')
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/[.\s]+$/, '')
  if (!stem || RESERVED.test(stem)) stem = `export ${stem}`.trim()
  return ext ? `${stem}.${ext}` : stem
}
