import { createHash } from 'node:crypto'

/** SHA-256 of the original bytes, lower-case hex: the provenance key an analyst can recompute to cite the evidence. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
