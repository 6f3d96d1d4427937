import { describe, expect, it } from 'vitest'
import { decodeText, TextDecodeError } from '../../../../src-main/core/import/decode-text'

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)))

function decodeError(input: Uint8Array): TextDecodeError {
  try {
    decodeText(input)
  } catch (error) {
    if (error instanceof TextDecodeError) return error
    throw error
  }
  throw new Error('decodeText accepted the bytes')
}

describe('decodeText', () => {
  it('reads UTF-8 and strips its byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Café “quoted”', 'utf8')]))).toEqual({ text: 'Café “quoted”', encoding: 'utf-8' })
    expect(decodeText(Buffer.from('Plain ASCII', 'utf8'))).toEqual({ text: 'Plain ASCII', encoding: 'utf-8' })
  })

  it('reads UTF-16 with a byte-order mark, either way round', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Zürich – report', 'utf16le')])
    const beBody = Buffer.from('Zürich – report', 'utf16le').swap16()
    const be = new Uint8Array([0xfe, 0xff, ...beBody])
    expect(decodeText(le)).toEqual({ text: 'Zürich – report', encoding: 'utf-16le' })
    expect(decodeText(be)).toEqual({ text: 'Zürich – report', encoding: 'utf-16be' })
  })

  it('falls back to Windows-1252 for Western text that is not UTF-8', () => {
    // 0x93/0x94 are curly double quotes, 0x92 an apostrophe, 0xE9 é, 0x96 an en dash in Windows-1252.
    const input = bytes('The minister said ', [0x93], 'the caf', [0xe9], ' was closed', [0x94], ' ', [0x96], ' it wasn', [0x92], 't.')
    expect(decodeText(input)).toEqual({ text: 'The minister said “the café was closed” – it wasn’t.', encoding: 'windows-1252' })
  })

  it('refuses legacy text that Windows-1252 would turn into gibberish', () => {
    // "Министерство обороны сообщило" in Windows-1251: almost every byte is above 0x7F.
    const cyrillic = new Uint8Array([0xcc, 0xe8, 0xed, 0xe8, 0xf1, 0xf2, 0xe5, 0xf0, 0xf1, 0xf2, 0xe2, 0xee, 0x20, 0xee, 0xe1, 0xee, 0xf0, 0xee, 0xed, 0xfb, 0x20, 0xf1, 0xee, 0xee, 0xe1, 0xf9, 0xe8, 0xeb, 0xee])
    expect(decodeError(cyrillic).kind).toBe('undecodable')
    // Bytes Windows-1252 leaves undefined never occur in its text.
    expect(decodeError(bytes('plain words ', [0x81, 0x8d], ' more words')).kind).toBe('undecodable')
    // A UTF-8 byte-order mark in front of bytes that are not UTF-8.
    expect(decodeError(bytes([0xef, 0xbb, 0xbf], 'caf', [0xe9])).kind).toBe('undecodable')
  })

  it('refuses binary data: NUL bytes or a mass of control characters', () => {
    expect(decodeError(bytes('looks like text', [0x00], 'but is not')).kind).toBe('binary')
    const controls = new Uint8Array(200).map((_, i) => (i % 10 === 0 ? 0x01 : 0x61))
    expect(decodeError(controls).kind).toBe('binary')
  })

  it('accepts ordinary whitespace controls: tabs, form feeds, CRLF', () => {
    expect(decodeText(bytes('a\tb\r\nc\fd')).text).toBe('a\tb\r\nc\fd')
  })
})
