import { z } from 'zod'
import { idSchema } from './ids'

export const LINK_TYPES = ['supports', 'contradicts', 'same-as', 'elaborates', 'answers'] as const
export type LinkType = (typeof LINK_TYPES)[number]

const end = z.object({ articleId: idSchema('article'), annotationId: idSchema('annotation') })

/** A typed relation between two annotations, usually in different articles. */
export const LinkSchema = z.object({
  id: idSchema('link'),
  type: z.enum(LINK_TYPES),
  from: end,
  to: end,
  createdAt: z.string().datetime(),
})
export type Link = z.infer<typeof LinkSchema>
