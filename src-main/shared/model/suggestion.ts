import { z } from 'zod'

/**
 * A suggestion the analyst dismissed, kept in its article's file by what it quoted and the words around it
 * (a W3C TextQuoteSelector), never by position or id: the dismissal holds after a restart and after edits
 * elsewhere in the text, and lapses only when the words it was about change.
 */
export const DismissedSuggestionSchema = z.object({
  kind: z.enum(['source', 'claim']),
  exact: z.string().max(20000),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
  dismissedAt: z.string().datetime(),
})
export type DismissedSuggestion = z.infer<typeof DismissedSuggestionSchema>

/** Dismissals kept per article; beyond it the oldest go first. */
export const DISMISSED_LIMIT = 2000
