/**
 * How the harness carries IPC payloads over HTTP: JSON, with byte arrays tagged so that a Uint8Array
 * arrives as a Uint8Array, as it would through Electron's structured clone.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return { __bytes: Buffer.from(v).toString('base64') }
    return v
  })
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && '__bytes' in v && typeof (v as { __bytes: unknown }).__bytes === 'string') {
      return new Uint8Array(Buffer.from((v as { __bytes: string }).__bytes, 'base64'))
    }
    return v
  })
}
