/**
 * Bytes to text for files that carry no reliable charset label. Order: a byte-order mark wins; then strict
 * UTF-8; then Windows-1252, the usual encoding of older Western text files, but only when the result reads
 * like text. Anything else is refused rather than imported as mojibake the analyst might quote.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
}

/** Why bytes could not be read as text; the importer turns it into a sentence naming the file. */
export class TextDecodeError extends Error {
  override readonly name = 'TextDecodeError'
  constructor(
    readonly kind: 'binary' | 'undecodable',
    message: string,
  ) {
    super(message)
  }
}

/** Share of control characters above which a decoded file is treated as binary rather than text. */
const MAX_CONTROL_RATIO = 0.01
/**
 * Share of non-ASCII bytes above which Windows-1252 is not believed. Western European prose stays well under it
 * (French runs at a few per cent); Cyrillic, Greek or CJK text in a legacy code page runs far over it.
 */
const MAX_HIGH_BYTE_RATIO = 0.3
/** Bytes Windows-1252 leaves undefined: they never occur in genuine text in that encoding. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = decodeWithBom(bytes)
  if (bom) return checked(bom)

  if (bytes.includes(0)) throw new TextDecodeError('binary', 'it contains binary data (NUL bytes)')

  const utf8 = tryUtf8(bytes)
  if (utf8 !== null) return checked({ text: utf8, encoding: 'utf-8' })

  if (plausiblyWindows1252(bytes)) return checked({ text: decodeWindows1252(bytes), encoding: 'windows-1252' })
  throw new TextDecodeError('undecodable', 'it is neither UTF-8 nor Windows-1252 text')
}

/** Strict UTF-8 without the BOM, or null when the bytes are not valid UTF-8. */
export function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * Windows-1252 by its table. Node's own TextDecoder('windows-1252') has decoded as Latin-1 since 20.18.3/22.13.0
 * (nodejs/node#60888), turning curly quotes and dashes into invisible C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] ?? b) : b))
    out += String.fromCharCode(...chunk)
  }
  return out
}

/** Code points of bytes 0x80-0x9F (WHATWG Encoding Standard); the five undefined bytes keep their C1 value. */
const CP1252_80_9F: ReadonlyArray<number | undefined> = [
  0x20ac, undefined, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, undefined, 0x017d, undefined,
  undefined, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, undefined, 0x017e, 0x0178,
]

function decodeWithBom(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes)
    if (text === null) throw new TextDecodeError('undecodable', 'it starts with a UTF-8 marker but is not valid UTF-8')
    return { text, encoding: 'utf-8' }
  }
  // A UTF-32 little-endian BOM also starts FF FE; TextDecoder cannot read UTF-32, so let it fall to the binary check.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) {
    return { text: decodeUtf16(bytes, 'utf-16le'), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 'utf-16be'), encoding: 'utf-16be' }
  return null
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    throw new TextDecodeError('undecodable', `it starts with a ${label.toUpperCase()} marker but is not valid ${label.toUpperCase()}`)
  }
}

function plausiblyWindows1252(bytes: Uint8Array): boolean {
  let high = 0
  let visible = 0
  for (const b of bytes) {
    if (UNDEFINED_1252.has(b)) return false
    if (b > 0x20) visible++
    if (b >= 0x80) high++
  }
  return visible > 0 && high / visible <= MAX_HIGH_BYTE_RATIO
}

function checked(decoded: DecodedText): DecodedText {
  assertTextual(decoded.text)
  return decoded
}

/** Refuses decoded text that is really binary data: any NUL, or more than a trace of other control characters. */
export function assertTextual(text: string): void {
  let controls = 0
  let total = 0
  for (const ch of text) {
    total++
    if (isStrayControl(ch.codePointAt(0)!)) controls++
  }
  if (text.includes('\u0000') || (total > 0 && controls / total > MAX_CONTROL_RATIO)) {
    throw new TextDecodeError('binary', 'it contains binary data')
  }
}

/** Control characters that do not occur in text: everything in C0 and C1 except tab, line feed, vertical tab, form feed and carriage return. */
function isStrayControl(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0b || cp === 0x0c || cp === 0x0d) return false
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)
}
