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
