import { z } from 'zod'
import { idSchema } from './ids'
import { CLAIM_STATUS } from './grading'
import { ANNOTATION_KINDS } from './annotation'

/** Picks annotations for a brief's evidence by filter, so new matching claims join the brief by themselves. */
export const BriefFilterSchema = z.object({
  articleIds: z.array(idSchema('article')).max(10000),
  kinds: z.array(z.enum(ANNOTATION_KINDS)).max(3),
  tags: z.array(z.string().max(60)).max(50),
  statuses: z.array(z.enum(CLAIM_STATUS)).max(5),
  evidenceCodes: z.array(z.string().regex(/^[A-F][1-6]$/)).max(36),
})
export type BriefFilter = z.infer<typeof BriefFilterSchema>

export const BriefSchema = z.object({
  id: idSchema('brief'),
  title: z.string().trim().min(1, 'a brief needs a title').max(500),
  author: z.string().max(300),
  date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  /** Handling caveat or classification banner, repeated in the header and footer of every exported page. */
  caveat: z.string().max(300),
  bluf: z.string().max(20000),
  /** Key judgments as sanitized rich-text HTML. */
  judgments: z.string().max(200000),
  /** Annotations picked one by one, in the order the analyst set. They stay live: exports read the current record. */
  items: z.array(z.object({ articleId: idSchema('article'), annotationId: idSchema('annotation') })).max(5000),
  filter: BriefFilterSchema.nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
})
export type Brief = z.infer<typeof BriefSchema>
