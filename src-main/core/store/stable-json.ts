/**
 * Serialises notebook files so that two copies can be diffed and merged line by line (team notebooks sync
 * through git): keys in a stable order, and each record of a top-level list on a line of its own.
 * Objects are pretty-printed down to `prettyDepth`; anything deeper is written compactly on one line.
 */
export function stableStringify(value: unknown, prettyDepth = 2): string {
  return write(value, 0, prettyDepth) + '\n'
}

function write(value: unknown, depth: number, prettyDepth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  const pad = '  '.repeat(depth + 1)
  const close = '  '.repeat(depth)
  const pretty = depth < prettyDepth
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((v) => write(v, depth + 1, pretty ? prettyDepth : -1))
    return pretty ? `[\n${pad}${items.join(`,\n${pad}`)}\n${close}]` : `[${items.join(',')}]`
  }
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
  if (keys.length === 0) return '{}'
  const parts = keys.map((k) => `${JSON.stringify(k)}:${pretty ? ' ' : ''}${write((value as Record<string, unknown>)[k], depth + 1, pretty ? prettyDepth : -1)}`)
  return pretty ? `{\n${pad}${parts.join(`,\n${pad}`)}\n${close}}` : `{${parts.join(',')}}`
}

/**
 * The same text as `stableStringify`, built in slices of at most about `sliceMs` of work with the event loop
 * free in between, so writing the notebook index (megabytes at 10,000 articles) never freezes the window.
 * Top-level lists are taken as they stand when the call starts; a record changed in place while the text is
 * being built may appear in its newer state, which the write that change scheduled will repeat anyway.
 */
export async function stableStringifyInSlices(value: unknown, prettyDepth = 2, sliceMs = 4): Promise<string> {
  const clock = { deadline: performance.now() + sliceMs }
  const text = await writeSliced(value, 0, prettyDepth, clock, sliceMs)
  return text + '\n'
}

async function writeSliced(value: unknown, depth: number, prettyDepth: number, clock: { deadline: number }, sliceMs: number): Promise<string> {
  if (depth >= prettyDepth || value === null || typeof value !== 'object') return write(value, depth, prettyDepth)
  const pad = '  '.repeat(depth + 1)
  const close = '  '.repeat(depth)
  const breathe = async () => {
    if (performance.now() < clock.deadline) return
    await new Promise<void>((r) => setImmediate(r))
    clock.deadline = performance.now() + sliceMs
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items: string[] = []
    const snapshot = value.slice()
    for (const v of snapshot) {
      items.push(await writeSliced(v, depth + 1, prettyDepth, clock, sliceMs))
      await breathe()
    }
    return `[\n${pad}${items.join(`,\n${pad}`)}\n${close}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  if (keys.length === 0) return '{}'
  const fields = keys.map((k) => [k, record[k]] as const)
  const parts: string[] = []
  for (const [k, v] of fields) {
    parts.push(`${JSON.stringify(k)}: ${await writeSliced(v, depth + 1, prettyDepth, clock, sliceMs)}`)
    await breathe()
  }
  return `{\n${pad}${parts.join(`,\n${pad}`)}\n${close}}`
}
