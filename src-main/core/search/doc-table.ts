/**
 * What the index keeps per document, in typed arrays indexed by the document's FlexSearch id. A query walks up to
 * ten thousand matches on every keystroke; reading small contiguous arrays instead of one object per document keeps
 * that walk in the processor's cache instead of chasing pointers across a heap of hundreds of megabytes.
 */

/** Strings of one facet as small integer codes; code 0 is the empty value. */
export class Codes {
  readonly values: string[] = ['']
  private readonly byValue = new Map<string, number>([['', 0]])

  get size(): number {
    return this.values.length
  }

  code(value: string): number {
    let c = this.byValue.get(value)
    if (c === undefined) {
      c = this.values.length
      this.values.push(value)
      this.byValue.set(value, c)
    }
    return c
  }
}

/** The facets in a fixed order: a facet's position is its bit in the mask of filters a document fails. */
export const FACET_ORDER = ['kind', 'tag', 'status', 'reliability', 'credibility', 'source', 'outlet', 'year'] as const
export const TAG = 1
export const RELIABILITY = 3
export const SOURCE = 5
export const YEAR = 7

/** Document ids are never reused, so columns only grow; a dead document keeps its row with article -1. */
export class DocTable {
  length = 0
  /** The article's slot, or -1 for a dead document. */
  article = new Int32Array(1024)
  /** The annotation's position in its article, or -1 for the article's own document. */
  ann = new Int32Array(1024)
  /** A hash of the text the document was indexed with, to tell whether an edit changed its words. */
  hash = new Float64Array(1024)
  /** The registry version the facet codes were worked out at; -1 when not yet. */
  version = new Int32Array(1024)
  /** Per facet, the code of the document's value (its first one for tags and sources). */
  facet: Int32Array[] = FACET_ORDER.map(() => new Int32Array(1024))
  /** Publication day as YYYYMMDD, 0 when unknown: the date-range filter compares numbers. */
  day = new Int32Array(1024)
  /** Second and further tags and sources of the few documents that have several, by document id. */
  more: Array<Map<number, number[]>> = FACET_ORDER.map(() => new Map())
  readonly codes: Codes[] = FACET_ORDER.map(() => new Codes())

  add(articleSlot: number, annIndex: number, hash: number): number {
    const id = this.length++
    if (id >= this.article.length) this.grow()
    this.article[id] = articleSlot
    this.ann[id] = annIndex
    this.hash[id] = hash
    this.version[id] = -1
    return id
  }

  /** Hands out ids up to `count` as dead rows, for restore to bring the live ones back. */
  reserve(count: number): void {
    while (this.article.length < count) this.grow()
    this.article.fill(-1, 0, count)
    this.length = count
  }

  restore(id: number, articleSlot: number, annIndex: number, hash: number): void {
    this.article[id] = articleSlot
    this.ann[id] = annIndex
    this.hash[id] = hash
    this.version[id] = -1
  }

  /** Marks a document dead; returns false when it was already. */
  kill(id: number): boolean {
    if (id >= this.length || this.article[id] === -1) return false
    this.article[id] = -1
    this.more[TAG]!.delete(id)
    this.more[SOURCE]!.delete(id)
    return true
  }

  isLive(id: number): boolean {
    return id < this.length && this.article[id] !== -1
  }

  setFacet(f: number, id: number, values: readonly string[]): void {
    const codes = this.codes[f]!
    this.facet[f]![id] = values.length ? codes.code(values[0]!) : 0
    if (values.length > 1) this.more[f]!.set(id, values.slice(1).map((v) => codes.code(v)))
    else this.more[f]!.delete(id)
  }

  private grow(): void {
    const cap = this.article.length * 2
    const bigger = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap)
      b.set(a)
      return b
    }
    this.article = bigger(this.article)
    this.ann = bigger(this.ann)
    this.hash = bigger(this.hash)
    this.version = bigger(this.version)
    this.day = bigger(this.day)
    this.facet = this.facet.map(bigger)
  }
}

/** A 53-bit hash (cyrb53): equal texts hash equal, and a changed text hashes the same with negligible odds. */
export function hashText(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
