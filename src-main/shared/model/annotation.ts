import { z } from 'zod'
import { idSchema } from './ids'
import {
  CLAIM_STATUS,
  CONFIDENCE,
  CREDIBILITY,
  LIKELIHOOD,
  QUESTION_PRIORITY,
  QUESTION_STATUS,
  RELIABILITY,
} from './grading'

export const ANNOTATION_KINDS = ['claim', 'source', 'question'] as const
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number]

/**
 * A W3C Web Annotation anchor over the article's plain text (see shared/schema/plain-text.ts):
 * TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end).
 * It lets an annotation survive lost marks and lets exports speak the standard.
 */
export const AnchorSchema = z.object({
  exact: z.string().max(20000),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type Anchor = z.infer<typeof AnchorSchema>

const tag = z.string().trim().min(1).max(60)

const base = {
  id: idSchema('annotation'),
  anchor: AnchorSchema,
  /** The note is rich text, kept as sanitized HTML limited to the note schema. */
  note: z.string().max(100000),
  tags: z.array(tag).max(50),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  /** Set when the marked text is gone from the document: shown with its quote, never dropped silently. */
  orphaned: z.boolean(),
}

export const ClaimSchema = z.object({
  ...base,
  kind: z.literal('claim'),
  status: z.enum(CLAIM_STATUS),
  likelihood: z.enum(LIKELIHOOD).nullable(),
  confidence: z.enum(CONFIDENCE).nullable(),
  credibility: z.enum(CREDIBILITY).nullable(),
  /** The source annotations (in any article) the claim is attributed to. */
  sourceIds: z.array(idSchema('annotation')).max(50),
})

export const SourceSchema = z.object({
  ...base,
  kind: z.literal('source'),
  /** The source registry entry this span names; null until the analyst picks or creates one. */
  registryId: idSchema('source').nullable(),
  reliability: z.enum(RELIABILITY).nullable(),
  /** Who relayed it, outermost first: e.g. ["The Guardian", "Reuters", "NIS"]. */
  chain: z.array(z.string().trim().min(1).max(300)).max(10),
})

export const QuestionSchema = z.object({
  ...base,
  kind: z.literal('question'),
  status: z.enum(QUESTION_STATUS),
  priority: z.enum(QUESTION_PRIORITY),
  due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'due dates are written YYYY-MM-DD')]),
  answer: z.string().max(20000),
  /** Annotation or article ids that answer the question. */
  answeredBy: z.array(z.union([idSchema('annotation'), idSchema('article')])).max(50),
})

export const AnnotationSchema = z.discriminatedUnion('kind', [ClaimSchema, SourceSchema, QuestionSchema])
export type Claim = z.infer<typeof ClaimSchema>
export type SourceAnnotation = z.infer<typeof SourceSchema>
export type Question = z.infer<typeof QuestionSchema>
export type Annotation = z.infer<typeof AnnotationSchema>

/** Fields an analyst may change after creation; kind, id, anchor and times are the store's business. */
export const AnnotationPatchSchema = z
  .object({
    note: base.note,
    tags: base.tags,
    status: z.union([z.enum(CLAIM_STATUS), z.enum(QUESTION_STATUS)]),
    likelihood: z.enum(LIKELIHOOD).nullable(),
    confidence: z.enum(CONFIDENCE).nullable(),
    credibility: z.enum(CREDIBILITY).nullable(),
    sourceIds: ClaimSchema.shape.sourceIds,
    registryId: SourceSchema.shape.registryId,
    reliability: z.enum(RELIABILITY).nullable(),
    chain: SourceSchema.shape.chain,
    priority: z.enum(QUESTION_PRIORITY),
    due: QuestionSchema.shape.due,
    answer: QuestionSchema.shape.answer,
    answeredBy: QuestionSchema.shape.answeredBy,
  })
  .partial()
  .strict()
export type AnnotationPatch = z.infer<typeof AnnotationPatchSchema>

/** A fresh annotation of a kind with the defaults an analyst expects: unverified, open, ungraded. */
export function newAnnotation(kind: AnnotationKind, id: string, anchor: Anchor, now: string): Annotation {
  const common = { id, anchor, note: '', tags: [], createdAt: now, updatedAt: now, orphaned: false }
  switch (kind) {
    case 'claim':
      return { ...common, kind, status: 'unverified', likelihood: null, confidence: null, credibility: null, sourceIds: [] }
    case 'source':
      return { ...common, kind, registryId: null, reliability: null, chain: [] }
    case 'question':
      return { ...common, kind, status: 'open', priority: 'normal', due: '', answer: '', answeredBy: [] }
  }
}

/**
 * Applies a patch and re-validates the whole record, so a field that belongs to another kind
 * (a reliability on a claim, say) is refused with a clear message instead of being stored.
 */
export function applyAnnotationPatch(current: Annotation, patch: AnnotationPatch, now: string): Annotation {
  const allowed = new Set(Object.keys(current))
  for (const key of Object.keys(patch)) {
    if (!allowed.has(key)) throw new Error(`A ${current.kind} has no field "${key}".`)
  }
  if (patch.status !== undefined) {
    const statuses: readonly string[] = current.kind === 'claim' ? CLAIM_STATUS : current.kind === 'question' ? QUESTION_STATUS : []
    if (!statuses.includes(patch.status)) throw new Error(`"${patch.status}" is not a ${current.kind} status.`)
  }
  return AnnotationSchema.parse({ ...current, ...patch, updatedAt: now })
}
