import { z } from 'zod'
import { idSchema } from './ids'
import type { ThemeSetting } from '../commands'

/**
 * The window's view state, kept by main in the settings file beside (never inside) the notebooks: pane widths and
 * collapsed panes for the app, and for each notebook the article that was open and how far it was scrolled.
 */
export const PaneStateSchema = z.object({ width: z.number().int().min(120).max(1600), collapsed: z.boolean() }).strict()
export type PaneState = z.infer<typeof PaneStateSchema>

export const PanesSchema = z.object({ library: PaneStateSchema, annotations: PaneStateSchema }).strict()
export type Panes = z.infer<typeof PanesSchema>

export const ArticlePlaceSchema = z.object({ articleId: idSchema('article'), scroll: z.number().min(0).max(50_000_000) }).strict()
export type ArticlePlace = z.infer<typeof ArticlePlaceSchema>

/** What the window saves: its panes, and where it is in the open notebook (null when no article is open). */
export const UiStateSchema = z.object({ panes: PanesSchema, place: ArticlePlaceSchema.nullable() }).strict()
export type UiState = z.infer<typeof UiStateSchema>

/** What the window reads back on load; null parts were never saved. */
export interface LoadedUiState {
  theme: ThemeSetting
  panes: Panes | null
  place: ArticlePlace | null
}

/** A notebook as the window sees it: a name and a folder to show, and an id to ask main to switch by. */
export interface NotebookRef {
  id: string
  name: string
  path: string
}

export interface NotebookList {
  current: NotebookRef
  /** Other notebooks opened before, newest first. */
  recent: NotebookRef[]
}

/** What became of a request to change notebooks. */
export interface NotebookSwitch {
  /** switched: the window reloads on the new one; cancelled: the dialog was closed; same: it was already open; kept: unsaved edits kept the analyst where they were. */
  outcome: 'switched' | 'cancelled' | 'same' | 'kept'
}

export const NOTEBOOK_REF_ID = /^[0-9a-f]{16}$/

/** How long a notebook protected with a passphrase may go without use before it locks itself (Settings). */
export const IDLE_LOCK_MINUTES = [1, 2, 5, 10, 15, 30, 60] as const
export const DEFAULT_IDLE_LOCK_MINUTES = 10
export const IdleLockMinutesSchema = z
  .number()
  .int()
  .refine((m) => (IDLE_LOCK_MINUTES as readonly number[]).includes(m), `Choose one of ${IDLE_LOCK_MINUTES.join(', ')} minutes.`)
