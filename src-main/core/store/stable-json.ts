/**
 * Serialises notebook files so that two copies can be diffed and merged line by line (team notebooks sync
 * through git): keys in a stable order, and each record of a top-level list on a line of its own.
 * Objects are pretty-printed down to `prettyDepth`; anything deeper is written compactly on one line.
 */
export function stableStringify(value: unknown, prettyDepth = 2): string {
  let text = ''
  for (const piece of pieces(value, 0, prettyDepth)) if (piece !== PAUSE) text += piece
  return text + '\n'
}

/**
 * The bytes of `stableStringify` in UTF-8, as chunks of at most about 64 KB, made in one go: for files small enough
 * to serialise between two frames, such as an article. Each compact record is encoded straight into the chunk, so
 * the text is never joined or flattened on the heap first: a save allocates little, and a collection seldom lands
 * in it.
 */
export function stableBytes(value: unknown, prettyDepth = 2): Buffer[] {
  const out = new ChunkWriter()
  for (const piece of pieces(value, 0, prettyDepth)) if (piece !== PAUSE) out.push(piece)
  out.push('\n')
  return out.finish()
}

/** Where the event loop may run between two pieces: after each record of the pretty-printed levels. */
const PAUSE = Symbol('pause')

/**
 * The text of a value in order, as pieces: the pretty-printed levels piece by piece, anything deeper as one compact
 * piece. Top-level lists are taken as they stand when the walk reaches them.
 */
function* pieces(value: unknown, depth: number, prettyDepth: number): Generator<string | typeof PAUSE> {
  if (depth >= prettyDepth || value === null || typeof value !== 'object') {
    yield compact(value)
    return
  }
  const pad = '  '.repeat(depth + 1)
  const close = '  '.repeat(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]'
    const items = value.slice()
    yield `[\n${pad}`
    for (let i = 0; i < items.length; i++) {
      if (i > 0) yield `,\n${pad}`
      yield* pieces(items[i], depth + 1, prettyDepth)
      yield PAUSE
    }
    return yield `\n${close}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  if (keys.length === 0) return yield '{}'
  const fields = keys.map((k) => [k, record[k]] as const)
  yield `{\n${pad}`
  for (let i = 0; i < fields.length; i++) {
    const [k, v] = fields[i]!
    yield `${i > 0 ? `,\n${pad}` : ''}${JSON.stringify(k)}: `
    yield* pieces(v, depth + 1, prettyDepth)
    yield PAUSE
  }
  yield `\n${close}}`
}

/** A value on one line, keys sorted, undefined left out, as JSON.stringify would write it with its keys in order. */
function compact(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  // Data read from a notebook file already has its keys in order, so the engine's own serializer writes the same
  // text several times faster. A record made or reshaped since (a document as the editor sends it) is copied in key
  // order first, which is still faster; only what the engine would enumerate differently goes key by key.
  if (inOrder(value)) return JSON.stringify(value)
  const sorted = copyInOrder(value, true)
  if (sorted !== UNSORTABLE) return JSON.stringify(sorted)
  if (Array.isArray(value)) return `[${value.map(compact).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${compact(record[k])}`).join(',')}}`
}

/**
 * Whether JSON.stringify writes `value` exactly as `write` does compactly: plain objects with their keys already
 * in sorted order, all the way down, and nothing JSON cannot hold.
 */
function inOrder(value: unknown): boolean {
  if (value === null) return true
  const type = typeof value
  if (type === 'string' || type === 'number' || type === 'boolean') return true
  if (type !== 'object') return false
  if (Array.isArray(value)) {
    for (const v of value) if (v !== undefined && !inOrder(v)) return false
    return true
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  const record = value as Record<string, unknown>
  let previous: string | null = null
  for (const key in record) {
    if (previous !== null && previous >= key) return false
    previous = key
    const v = record[key]
    if (v !== undefined && !inOrder(v)) return false
  }
  return true
}

const UNSORTABLE = Symbol('unsortable')

/**
 * A copy of `value` with every object's keys in sorted order (and undefined values left out), as `stableStringify`
 * writes them. The store keeps what it reads in this shape, so saving it takes the fast path of `write`.
 */
export function withKeysInOrder<T>(value: T): T {
  return copyInOrder(value, false) as T
}

/**
 * A copy of `value` with its keys in sorted order. With `forEngine`, one that JSON.stringify writes exactly as `write`
 * does compactly, or UNSORTABLE when no copy can be: the engine enumerates integer-like keys ("0", "12") before all
 * others whatever order they were added in, and writes dates and class instances its own way. Any key starting with
 * a digit counts, to keep the test cheap.
 */
function copyInOrder(value: unknown, forEngine: boolean): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) {
      const v = copyInOrder(value[i], forEngine)
      if (v === UNSORTABLE) return UNSORTABLE
      out[i] = v
    }
    return out
  }
  if (forEngine) {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return UNSORTABLE
  }
  const record = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(record).sort()) {
    if (forEngine) {
      const first = key.charCodeAt(0)
      if (first >= 48 && first <= 57) return UNSORTABLE
    }
    if (record[key] === undefined) continue
    const v = copyInOrder(record[key], forEngine)
    if (v === UNSORTABLE) return UNSORTABLE
    // A "__proto__" key read from JSON is data; assigning it would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
    else out[key] = v
  }
  return out
}

/**
 * The bytes of `stableBytes`, produced in slices of about `sliceMs` of work with the event loop free in between.
 * Writing the notebook index (megabytes at 10,000 articles) so never freezes the window: no step builds, joins or
 * encodes the whole text at once. A record changed in place while the bytes are being produced may appear in its
 * newer state, which the write that change scheduled will repeat anyway.
 */
export async function stableBytesInSlices(value: unknown, prettyDepth = 2, sliceMs = 4): Promise<Buffer[]> {
  const out = new ChunkWriter()
  let deadline = performance.now() + sliceMs
  for (const piece of pieces(value, 0, prettyDepth)) {
    if (piece !== PAUSE) out.push(piece)
    else if (performance.now() >= deadline) {
      await new Promise<void>((r) => setImmediate(r))
      deadline = performance.now() + sliceMs
    }
  }
  out.push('\n')
  return out.finish()
}

/** The text of `stableBytesInSlices`, for callers and tests that want a string. */
export async function stableStringifyInSlices(value: unknown, prettyDepth = 2, sliceMs = 4): Promise<string> {
  return Buffer.concat(await stableBytesInSlices(value, prettyDepth, sliceMs)).toString('utf8')
}

const CHUNK = 64 * 1024

/**
 * Encodes pieces of text into chunks of CHUNK bytes as they come. A piece that does not fit in what is left of
 * a chunk starts the next one; one larger than a chunk is a chunk of its own.
 */
class ChunkWriter {
  private chunk: Buffer | null = null
  private used = 0
  private chunks: Buffer[] = []

  push(piece: string): void {
    const room = this.chunk ? CHUNK - this.used : 0
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8, so most pieces fit without being measured.
    const size = piece.length * 3 <= room ? 0 : Buffer.byteLength(piece, 'utf8')
    if (size > room) {
      this.seal()
      if (size > CHUNK) {
        this.chunks.push(Buffer.from(piece, 'utf8'))
        return
      }
    }
    // Made only when a piece needs it, so sealing the last chunk does not leave a fresh 64 KB buffer to be dropped.
    this.chunk ??= Buffer.allocUnsafeSlow(CHUNK)
    this.used += this.chunk.write(piece, this.used, 'utf8')
  }

  finish(): Buffer[] {
    this.seal()
    return this.chunks
  }

  private seal(): void {
    if (this.chunk && this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used))
    this.chunk = null
    this.used = 0
  }
}
