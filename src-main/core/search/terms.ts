import { Charset, Encoder } from 'flexsearch'
import type { Highlight } from '../../shared/model/search'

/**
 * Words too common to tell articles apart. Leaving them out of the index keeps its largest posting lists
 * away, which is most of the memory and most of the time of a query.
 */
const STOP_WORDS = 'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their them they this to was were which who will with'.split(' ')

/**
 * One encoder for the index and for highlighting, so a word is highlighted exactly when the index matched it.
 * LatinBalance folds case, accents and close spellings ("Prigozhin"/"Prigojin"): the tolerance as-you-type needs.
 */
export const encoder = new Encoder({ ...Charset.LatinBalance, filter: new Set(STOP_WORDS), cache: 20000 })

/** Words that show what the encoder does (folding, transliteration, stop words); the index cache records their encoding. */
export const ENCODER_PROBE = `Shoigu Shoygu Prigozhin Prigojin Zelenskyy café Ærø O'Brien 10,000 ${STOP_WORDS.join(' ')} kursk-incursion`

/** Snippets encode the same few thousand words over and over; the encoder's pipeline is the cost, so remember them. */
const encoded = new Map<string, string>()
const ENCODED_MAX = 200000

export function encodeWord(word: string): string {
  let e = encoded.get(word)
  if (e === undefined) {
    if (encoded.size >= ENCODED_MAX) encoded.clear()
    e = encoder.encode(word)[0] ?? ''
    encoded.set(word, e)
  }
  return e
}

export interface ParsedQuery {
  /** The words to send to the index, each matched as a prefix. */
  words: string[]
  /** Their encoded forms, for finding them again in a snippet. */
  encoded: string[]
  /** The words as typed, as one case-insensitive pattern of word prefixes: the fast way to find them in a long text. */
  literal: RegExp | null
}

/**
 * While the analyst types, the last word is a fragment. A single letter after other words says nothing yet,
 * so it waits for the next keystroke instead of matching half the notebook.
 */
export function parseQuery(text: string): ParsedQuery {
  const raw = [...text.matchAll(WORD)].map((m) => m[0])
  if (raw.length > 1 && raw[raw.length - 1]!.length < 2 && !/\s$/.test(text)) raw.pop()
  const words: string[] = []
  const encoded: string[] = []
  for (const w of raw) {
    const e = encodeWord(w)
    if (!e || encoded.includes(e)) continue
    words.push(w)
    encoded.push(e)
  }
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const literal = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}]*`, 'giu') : null
  return { words, encoded, literal }
}

/**
 * The query words as typed, found in a text: a native regular-expression scan, quick on a long article. It misses
 * only what the encoder alone matches (a transliteration), for which matchOffsets is the slower, exact fallback.
 */
export function literalOffsets(text: string, literal: RegExp | null, span = Infinity): Highlight[] {
  if (!literal) return []
  const re = new RegExp(literal)
  const out: Highlight[] = []
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (out.length && m.index > out[0]![0] + span) break
    out.push([m.index, m.index + m[0].length])
  }
  return out
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu

/**
 * The words of a text that one of the query words is a prefix of, as offsets into the text. With `span`, the
 * scan stops that many characters after the first match: a snippet needs no more, and a long article is not read to the end.
 */
export function matchOffsets(text: string, query: readonly string[], span = Infinity): Highlight[] {
  if (query.length === 0) return []
  const out: Highlight[] = []
  const re = new RegExp(WORD.source, 'gu')
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (out.length && m.index > out[0]![0] + span) break
    const e = encodeWord(m[0])
    if (e && query.some((q) => e.startsWith(q))) out.push([m.index, m.index + m[0].length])
  }
  return out
}

/**
 * A window of text around the first match, cut at word boundaries, with the matches inside it as offsets
 * into the window. The renderer escapes the text and marks the ranges; no HTML crosses the boundary.
 */
export const SNIPPET_WIDTH = 160

export function snippetAround(text: string, matches: readonly Highlight[], width = SNIPPET_WIDTH): { snippet: string; highlights: Highlight[]; offset: number } {
  if (matches.length === 0) {
    const end = cutEnd(text, Math.min(text.length, width))
    return { snippet: text.slice(0, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : ''), highlights: [], offset: 0 }
  }
  const first = matches[0]!
  let start = Math.max(0, first[0] - Math.floor(width / 3))
  if (start > 0) start = cutStart(text, start)
  const end = cutEnd(text, Math.min(text.length, start + width))
  const lead = start > 0 ? '…' : ''
  const body = text.slice(start, end)
  // Newlines become spaces one for one, so offsets stay valid.
  const snippet = lead + body.replace(/\s/g, ' ') + (end < text.length ? '…' : '')
  const highlights: Highlight[] = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + lead.length, e - start + lead.length])
  return { snippet, highlights, offset: start }
}

function cutStart(text: string, at: number): number {
  const space = text.indexOf(' ', at)
  return space === -1 || space - at > 20 ? at : space + 1
}
function cutEnd(text: string, at: number): number {
  if (at >= text.length) return text.length
  const space = text.lastIndexOf(' ', at)
  return space === -1 || at - space > 20 ? at : space
}
