import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DamagedFileError } from '../errors'

/**
 * One encrypted notebook file: AES-256-GCM under the notebook's data key, with a header saying which key.
 *
 *   0   4  magic "INBK"
 *   4   1  format version (1)
 *   5  16  key generation: which data key sealed it (a passphrase change makes a new one)
 *  21  12  nonce, random per write
 *  33   n  ciphertext
 * 33+n 16  GCM tag
 *
 * The header is authenticated as associated data, so neither the generation nor the version can be altered
 * unnoticed. A fresh random nonce per write is safe far beyond a notebook's lifetime of writes under one key.
 */
const MAGIC = Buffer.from('INBK', 'ascii')
const VERSION = 1
const GENERATION_BYTES = 16
const NONCE_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = MAGIC.length + 1 + GENERATION_BYTES
const OVERHEAD = HEADER_BYTES + NONCE_BYTES + TAG_BYTES

export const KEY_BYTES = 32

/** A file of a protected notebook that cannot be used as it is: altered, cut short, or sealed under another key. */
export class SealedFileError extends DamagedFileError {
  override name = 'SealedFileError'
  constructor(
    file: string,
    readonly reason: 'tampered' | 'not-sealed' | 'other-key' | 'unknown-version',
  ) {
    super(file, SealedFileError.explain(reason))
  }

  private static explain(reason: SealedFileError['reason']): string {
    switch (reason) {
      case 'tampered':
        return 'its encrypted content was altered or cut short, so it does not match its authentication tag'
      case 'not-sealed':
        return 'it is not encrypted, although this notebook is protected'
      case 'other-key':
        return 'it was encrypted under another key of this notebook, one no passphrase opens any more'
      case 'unknown-version':
        return 'it was encrypted in a format this version of Intel Notebook does not know'
    }
  }
}

/** The data key of one generation: seals and opens the notebook's files. */
export class FileCipher {
  readonly generation: Buffer
  private readonly key: Buffer

  constructor(generation: Uint8Array, key: Uint8Array) {
    if (generation.byteLength !== GENERATION_BYTES || key.byteLength !== KEY_BYTES) throw new Error('A file cipher needs a 16-byte generation and a 32-byte key.')
    this.generation = Buffer.from(generation)
    this.key = Buffer.from(key)
  }

  static generate(): FileCipher {
    return new FileCipher(randomBytes(GENERATION_BYTES), randomBytes(KEY_BYTES))
  }

  /** The generation as text, for key files and the names of files written during a passphrase change. */
  get tag(): string {
    return this.generation.toString('hex')
  }

  /**
   * Overwrites the key in memory when the notebook locks, so nothing that kept a reference to this cipher can
   * open a file afterwards. (JavaScript cannot promise no other copy exists; this removes the one it holds.)
   */
  destroy(): void {
    this.key.fill(0)
    this.destroyed = true
  }

  private destroyed = false

  /** The raw key, only so a key file can wrap it; never written anywhere in the clear. */
  exportKey(): Buffer {
    return Buffer.from(this.key)
  }

  seal(plain: Uint8Array): Buffer {
    if (this.destroyed) throw new Error('The notebook is locked; its key is gone from memory.')
    const header = Buffer.concat([MAGIC, Buffer.of(VERSION), this.generation])
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce)
    cipher.setAAD(header)
    const body = Buffer.concat([cipher.update(plain), cipher.final()])
    return Buffer.concat([header, nonce, body, cipher.getAuthTag()])
  }

  /** The plaintext of a sealed file; `file` only names it in the error. */
  open(sealed: Uint8Array, file: string): Buffer {
    if (this.destroyed) throw new Error('The notebook is locked; its key is gone from memory.')
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    if (!isSealed(data)) throw new SealedFileError(file, data.byteLength >= MAGIC.length && data.subarray(0, MAGIC.length).equals(MAGIC) ? 'tampered' : 'not-sealed')
    if (data[MAGIC.length] !== VERSION) throw new SealedFileError(file, 'unknown-version')
    const header = data.subarray(0, HEADER_BYTES)
    if (!header.subarray(MAGIC.length + 1).equals(this.generation)) throw new SealedFileError(file, 'other-key')
    const nonce = data.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES)
    const tag = data.subarray(data.byteLength - TAG_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce)
    decipher.setAAD(header)
    decipher.setAuthTag(tag)
    try {
      return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES + NONCE_BYTES, data.byteLength - TAG_BYTES)), decipher.final()])
    } catch {
      throw new SealedFileError(file, 'tampered')
    }
  }
}

/** Whether bytes look like a sealed file (magic and room for header and tag); says nothing about their integrity. */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.byteLength >= OVERHEAD && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC)
}

/** The generation a sealed file names, as hex, or null for bytes that are not a sealed file. */
export function sealedGeneration(bytes: Uint8Array): string | null {
  if (!isSealed(bytes)) return null
  return Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 1, GENERATION_BYTES).toString('hex')
}
