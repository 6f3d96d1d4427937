import { z } from 'zod'

/**
 * Ids are random, never counters, so two copies of a notebook edited apart can be merged without clashes.
 * A prefix tells the kind of record at a glance in files and diffs.
 */
export const ID_PREFIX = {
  article: 'art',
  annotation: 'ann',
  source: 'src',
  link: 'lnk',
  brief: 'brf',
  notebook: 'nbk',
} as const
export type IdKind = keyof typeof ID_PREFIX

const ID_BODY = /^[a-z]{3}_[0-9a-z]{16}$/

export function newId(kind: IdKind): string {
  // 16 symbols of base 36 carry about 82 bits: plenty for a career's worth of records without a registry.
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let body = ''
  for (const b of bytes) body += (b % 36).toString(36)
  return `${ID_PREFIX[kind]}_${body}`
}

export function idSchema(kind: IdKind) {
  return z
    .string()
    .regex(ID_BODY, 'not a valid id')
    .refine((s) => s.startsWith(`${ID_PREFIX[kind]}_`), `not a ${kind} id`)
}

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && ID_BODY.test(value) && value.startsWith(`${ID_PREFIX[kind]}_`)
}
