import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { DamagedFileError, UserError } from '../errors'
import { errorCode, realFs, type FsOps } from '../store/fs-ops'
import { FileCipher, KEY_BYTES } from './envelope'

/**
 * The key file of a protected notebook: the data key, wrapped (AES-256-GCM) under a key derived from the
 * passphrase with scrypt, plus what is needed to derive it again. The passphrase itself is never stored. Replacing
 * this one small file atomically is what switches a notebook from one key generation to the next.
 */
export const KEY_FILE = 'notebook.key'

export interface KdfParams {
  /** scrypt's cost: memory and time grow with it (128 × N × r bytes). */
  N: number
  r: number
  p: number
}

/** OWASP's recommended scrypt cost: about 128 MiB and a second or two to open a notebook, and as long per guess. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 }
/** The cheapest cost a key file may name; tests use it, and nothing below it is accepted from disk. */
export const MIN_KDF_N = 2 ** 14
const MIN_PASSPHRASE = 8

const KeyFileSchema = z
  .object({
    format: z.literal('intel-notebook-key'),
    version: z.literal(1),
    generation: z.string().regex(/^[0-9a-f]{32}$/),
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z.number().int().min(MIN_KDF_N).max(2 ** 22).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.string().regex(/^[A-Za-z0-9+/]{22,}={0,2}$/),
    }),
    /** nonce (12) ‖ wrapped data key (32) ‖ tag (16), base64. */
    wrappedKey: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict()
export type KeyFileData = z.infer<typeof KeyFileSchema>

export class WrongPassphraseError extends UserError {
  override name = 'WrongPassphraseError'
  constructor() {
    super('That passphrase does not open this notebook; nothing was changed. Check it (letter case, keyboard layout) and try again.')
  }
}

/** Refuses a passphrase too short to resist guessing, with what to do instead. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC').trim()].length < MIN_PASSPHRASE) {
    throw new UserError(`A passphrase needs at least ${MIN_PASSPHRASE} characters; a few unrelated words are both strong and easy to type.`)
  }
}

/** Derives the key that wraps the data key. The passphrase is NFC-normalised so the same text typed on another system opens it. */
export function deriveWrappingKey(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r + 32 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** What the wrap authenticates besides the key: the generation and the cost, so neither can be swapped unnoticed. */
function wrapContext(generation: string, kdf: KeyFileData['kdf']): Buffer {
  return Buffer.from(`intel-notebook-key/1/${generation}/scrypt/${kdf.N}/${kdf.r}/${kdf.p}/${kdf.salt}`, 'utf8')
}

export async function createKeyFile(passphrase: string, cipher: FileCipher, params: KdfParams = DEFAULT_KDF): Promise<KeyFileData> {
  checkNewPassphrase(passphrase)
  const salt = randomBytes(16)
  const kdf = { name: 'scrypt' as const, ...params, salt: salt.toString('base64') }
  const wrapping = await deriveWrappingKey(passphrase, salt, params)
  const nonce = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', wrapping, nonce)
  c.setAAD(wrapContext(cipher.tag, kdf))
  const wrapped = Buffer.concat([c.update(cipher.exportKey()), c.final()])
  const data: KeyFileData = { format: 'intel-notebook-key', version: 1, generation: cipher.tag, kdf, wrappedKey: Buffer.concat([nonce, wrapped, c.getAuthTag()]).toString('base64') }
  return KeyFileSchema.parse(data)
}

/** The data key, if the passphrase is right; WrongPassphraseError if not. Nothing is written either way. */
export async function unlockKeyFile(data: KeyFileData, passphrase: string): Promise<FileCipher> {
  const blob = Buffer.from(data.wrappedKey, 'base64')
  if (blob.byteLength !== 12 + KEY_BYTES + 16) throw new DamagedFileError(KEY_FILE, 'its wrapped key has the wrong length')
  const wrapping = await deriveWrappingKey(passphrase, Buffer.from(data.kdf.salt, 'base64'), data.kdf)
  const d = createDecipheriv('aes-256-gcm', wrapping, blob.subarray(0, 12))
  d.setAAD(wrapContext(data.generation, data.kdf))
  d.setAuthTag(blob.subarray(12 + KEY_BYTES))
  let key: Buffer
  try {
    key = Buffer.concat([d.update(blob.subarray(12, 12 + KEY_BYTES)), d.final()])
  } catch {
    throw new WrongPassphraseError()
  }
  return new FileCipher(Buffer.from(data.generation, 'hex'), key)
}

export function keyFilePath(root: string): string {
  return join(root, KEY_FILE)
}

/** The notebook's key file, or null when the notebook is not protected. */
export async function readKeyFile(root: string, fs: FsOps = realFs): Promise<KeyFileData | null> {
  let text: string
  try {
    text = await fs.readFile(keyFilePath(root), 'utf8')
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null
    throw err
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new DamagedFileError(keyFilePath(root), 'it is not complete JSON')
  }
  const parsed = KeyFileSchema.safeParse(raw)
  if (!parsed.success) throw new DamagedFileError(keyFilePath(root), `unexpected content at ${parsed.error.issues[0]?.path.join('.') || 'top level'}`)
  return parsed.data
}

export function keyFileText(data: KeyFileData): string {
  return `${JSON.stringify(data, null, 1)}\n`
}
