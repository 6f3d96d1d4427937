import { z } from 'zod'
import { idSchema } from './ids'
import { RELIABILITY } from './grading'

export const SOURCE_TYPES = ['person', 'organisation', 'outlet', 'document'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

/** One entry of the notebook-wide source registry: a source tagged in two articles is one entry. */
export const RegistryEntrySchema = z.object({
  id: idSchema('source'),
  name: z.string().trim().min(1, 'a source needs a name').max(300),
  type: z.enum(SOURCE_TYPES),
  /** The grade the analyst gives the entry as a whole; a source annotation may grade it differently in context. */
  reliability: z.enum(RELIABILITY).nullable(),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50),
  note: z.string().max(20000),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
})
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>
