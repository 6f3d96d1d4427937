/** Characters a JSON string cannot hold as they are, and surrogates, which UTF-8 cannot encode unpaired. */
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/
const HEX = '0123456789abcdef'
/** Strings up to this long are tried as plain ASCII first: keys, marks, ids, most words of a document's text. */
const SHORT = 64
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72, 0x22: 0x22, 0x5c: 0x5c }

/**
 * A growing buffer that JSON text is written into as UTF-8 bytes, with strings escaped exactly as JSON.stringify
 * escapes them (lone surrogates as \udxxx), so the text itself never exists as a string on the heap.
 */
export class JsonBytes {
  private buf: Buffer
  private len = 0

  constructor(private readonly initialSize: number) {
    this.buf = Buffer.allocUnsafeSlow(initialSize)
  }

  get length(): number {
    return this.len
  }

  /** Starts over, letting go of the room one very large file needed. */
  reset(): void {
    this.len = 0
    if (this.buf.length > this.initialSize * 16) this.buf = Buffer.allocUnsafeSlow(this.initialSize)
  }

  /** A copy of the bytes written so far, which then start over. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.len)
    this.buf.copy(out, 0, 0, this.len)
    this.len = 0
    return out
  }

  byte(c: number): void {
    this.reserve(1)
    this.buf[this.len++] = c
  }

  /** Text known to be ASCII with nothing to escape: punctuation, literals, numbers. */
  ascii(s: string): void {
    this.reserve(s.length)
    const b = this.buf
    let p = this.len
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i)
    this.len = p
  }

  /** A line break and the indent of `depth` levels of two spaces. */
  indent(depth: number): void {
    this.reserve(1 + depth * 2)
    this.buf[this.len] = 0x0a
    this.buf.fill(0x20, this.len + 1, this.len + 1 + depth * 2)
    this.len += 1 + depth * 2
  }

  number(n: number): void {
    if (!Number.isFinite(n)) return this.ascii('null')
    // Whole numbers below 10^15, offsets and counts, are written digit by digit; dividing them by ten is exact.
    const whole = Number.isInteger(n) && Math.abs(n) < 1e15
    if (!whole) return this.ascii(String(n))
    this.reserve(17)
    const b = this.buf
    // -0 is written as 0, as JSON.stringify writes it.
    if (n < 0) b[this.len++] = 0x2d
    let m = Math.abs(n)
    let digits = 1
    for (let rest = Math.floor(m / 10); rest > 0; rest = Math.floor(rest / 10)) digits++
    let p = this.len + digits
    this.len = p
    do {
      b[--p] = 0x30 + (m % 10)
      m = Math.floor(m / 10)
    } while (m > 0)
  }

  string(s: string): void {
    // At most three bytes per UTF-16 unit, or six for an escape; a surrogate pair takes four bytes for two units.
    this.reserve(s.length * 6 + 2)
    const b = this.buf
    b[this.len++] = 0x22
    if (s.length > SHORT || !this.plainAscii(s, b)) {
      if (!NEEDS_CARE.test(s)) this.len += b.write(s, this.len, 'utf8')
      else this.len = this.escaped(s, b, this.len)
    }
    b[this.len++] = 0x22
  }

  /** Writes a short string that is plain ASCII byte by byte, cheaper than a call into the encoder; false, writing nothing, otherwise. */
  private plainAscii(s: string, b: Buffer): boolean {
    const at = this.len
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false
      b[at + i] = c
    }
    this.len = at + s.length
    return true
  }

  private escaped(s: string, b: Buffer, at: number): number {
    let p = at
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
          b[p++] = c
          continue
        }
        b[p++] = 0x5c
        const short = SHORT_ESCAPES[c]
        if (short !== undefined) b[p++] = short
        else p = this.unicodeEscape(c, b, p)
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6)
        b[p++] = 0x80 | (c & 0x3f)
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >> 12)
        b[p++] = 0x80 | ((c >> 6) & 0x3f)
        b[p++] = 0x80 | (c & 0x3f)
      } else {
        const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
          b[p++] = 0xf0 | (cp >> 18)
          b[p++] = 0x80 | ((cp >> 12) & 0x3f)
          b[p++] = 0x80 | ((cp >> 6) & 0x3f)
          b[p++] = 0x80 | (cp & 0x3f)
          i++
        } else {
          b[p++] = 0x5c
          p = this.unicodeEscape(c, b, p)
        }
      }
    }
    return p
  }

  /** `uXXXX` in lower-case hex, after the backslash already written. */
  private unicodeEscape(c: number, b: Buffer, at: number): number {
    b[at] = 0x75
    b[at + 1] = HEX.charCodeAt(c >> 12)
    b[at + 2] = HEX.charCodeAt((c >> 8) & 0xf)
    b[at + 3] = HEX.charCodeAt((c >> 4) & 0xf)
    b[at + 4] = HEX.charCodeAt(c & 0xf)
    return at + 5
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + n) size *= 2
    const grown = Buffer.allocUnsafeSlow(size)
    this.buf.copy(grown, 0, 0, this.len)
    this.buf = grown
  }
}
