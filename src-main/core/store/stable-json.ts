/**
 * Serialises notebook files so that two copies can be diffed and merged line by line (team notebooks sync
 * through git): keys in a stable order, and each record of a top-level list on a line of its own.
 * Objects are pretty-printed down to `prettyDepth`; anything deeper is written compactly on one line.
 */
export function stableStringify(value: unknown, prettyDepth = 2): string {
  // Pieces are gathered in one list and joined once into a flat string. Building each level as a string of its own
  // copied the text at every level, and again when it was encoded: an 18.8 KB article took 182 KB of heap to
  // serialise and encode, 100 KB now. Every save's allocation brings the next garbage collection nearer, and one
  // that lands while the save waits on the disk delays it by its whole pause.
  const out: string[] = []
  append(value, 0, prettyDepth, out)
  out.push('\n')
  return out.join('')
}

function write(value: unknown, depth: number, prettyDepth: number): string {
  const out: string[] = []
  append(value, depth, prettyDepth, out)
  return out.length === 1 ? out[0]! : out.join('')
}

function append(value: unknown, depth: number, prettyDepth: number, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value ?? null))
    return
  }
  const pretty = depth < prettyDepth
  // Data read from a notebook file already has its keys in order, so the engine's own serializer writes the same
  // text several times faster. A record made or reshaped since (a document as the editor sends it) is copied in key
  // order first, which is still faster; only what the engine would enumerate differently takes the key-by-key path.
  if (!pretty) {
    if (inOrder(value)) {
      out.push(JSON.stringify(value))
      return
    }
    const sorted = copyInOrder(value, true)
    if (sorted !== UNSORTABLE) {
      out.push(JSON.stringify(sorted))
      return
    }
  }
  const next = pretty ? prettyDepth : -1
  const pad = pretty ? '  '.repeat(depth + 1) : ''
  const between = pretty ? `,\n${pad}` : ','
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]')
      return
    }
    out.push(pretty ? `[\n${pad}` : '[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(between)
      append(value[i], depth + 1, next, out)
    }
    out.push(pretty ? `\n${'  '.repeat(depth)}]` : ']')
    return
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  if (keys.length === 0) {
    out.push('{}')
    return
  }
  out.push(pretty ? `{\n${pad}` : '{')
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out.push(between)
    out.push(`${JSON.stringify(keys[i])}:${pretty ? ' ' : ''}`)
    append(record[keys[i]!], depth + 1, next, out)
  }
  out.push(pretty ? `\n${'  '.repeat(depth)}}` : '}')
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
 * The same bytes as `stableStringify` encoded in UTF-8, produced in slices of about `sliceMs` of work with the event
 * loop free in between, as a list of chunks of at most about 64 KB. Writing the notebook index (megabytes at 10,000
 * articles) so never freezes the window: no step builds, joins or encodes the whole text at once.
 * Top-level lists are taken as they stand when the call starts; a record changed in place while the bytes are
 * being produced may appear in its newer state, which the write that change scheduled will repeat anyway.
 */
export async function stableBytesInSlices(value: unknown, prettyDepth = 2, sliceMs = 4): Promise<Buffer[]> {
  const out = new ChunkWriter()
  const clock = { deadline: performance.now() + sliceMs }
  const breathe = async () => {
    if (performance.now() < clock.deadline) return
    await new Promise<void>((r) => setImmediate(r))
    clock.deadline = performance.now() + sliceMs
  }
  await emit(value, 0, prettyDepth, out, breathe)
  out.push('\n')
  return out.finish()
}

/** The text of `stableBytesInSlices`, for callers and tests that want a string. */
export async function stableStringifyInSlices(value: unknown, prettyDepth = 2, sliceMs = 4): Promise<string> {
  return Buffer.concat(await stableBytesInSlices(value, prettyDepth, sliceMs)).toString('utf8')
}

const CHUNK = 64 * 1024

class ChunkWriter {
  private pending = ''
  private chunks: Buffer[] = []

  push(s: string): void {
    this.pending += s
    if (this.pending.length >= CHUNK) this.flush()
  }

  finish(): Buffer[] {
    this.flush()
    return this.chunks
  }

  private flush(): void {
    if (this.pending) this.chunks.push(Buffer.from(this.pending, 'utf8'))
    this.pending = ''
  }
}

async function emit(value: unknown, depth: number, prettyDepth: number, out: ChunkWriter, breathe: () => Promise<void>): Promise<void> {
  if (depth >= prettyDepth || value === null || typeof value !== 'object') {
    out.push(write(value, depth, prettyDepth))
    return
  }
  const pad = '  '.repeat(depth + 1)
  const close = '  '.repeat(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return out.push('[]')
    const items = value.slice()
    out.push(`[\n${pad}`)
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.push(`,\n${pad}`)
      await emit(items[i], depth + 1, prettyDepth, out, breathe)
      await breathe()
    }
    out.push(`\n${close}]`)
    return
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  if (keys.length === 0) return out.push('{}')
  const fields = keys.map((k) => [k, record[k]] as const)
  out.push(`{\n${pad}`)
  for (let i = 0; i < fields.length; i++) {
    const [k, v] = fields[i]!
    out.push(`${i > 0 ? `,\n${pad}` : ''}${JSON.stringify(k)}: `)
    await emit(v, depth + 1, prettyDepth, out, breathe)
    await breathe()
  }
  out.push(`\n${close}}`)
}
