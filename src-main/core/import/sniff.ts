/**
 * Recognises common binary formats by their first bytes, so a file that is not what its extension says
 * is refused with a name the analyst recognises instead of being imported as garbage.
 */
interface Signature {
  kind: string
  bytes: number[]
  offset?: number
}

const SIGNATURES: Signature[] = [
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'an old-style Word (.doc) or Office file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'an RTF document', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] },
  { kind: 'a WebP image or RIFF media file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { kind: 'a video or audio file', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { kind: 'an MP3 audio file', bytes: [0x49, 0x44, 0x33, 0x03, 0x00] },
  { kind: 'an MP3 audio file', bytes: [0x49, 0x44, 0x33, 0x04, 0x00] },
  { kind: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'a program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00] },
]

/** A short description such as "a PDF document", or null when the bytes start like no known binary format. */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    const at = sig.offset ?? 0
    if (bytes.length < at + sig.bytes.length) continue
    if (sig.bytes.every((b, i) => bytes[at + i] === b)) return sig.kind
  }
  return null
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
