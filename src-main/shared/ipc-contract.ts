/**
 * THE contract between the window and the main process. One table names every channel and the zod schema of
 * its argument; `Api` is derived from it, main's handler table `satisfies` it, the preload builds one function
 * per entry and the renderer types `window.api` from it. There is no generic invoke.
 */
import { z } from 'zod'
import { channels, events, type EventName } from './ipc-channels'
import { idSchema } from './model/ids'
import { ArticleFieldsSchema, type ArticleMeta } from './model/article'
import { ANNOTATION_KINDS, AnnotationPatchSchema, type Annotation } from './model/annotation'
import { RegistryEntrySchema, SOURCE_TYPES, type RegistryEntry } from './model/source'
import { RELIABILITY } from './model/grading'
import { LINK_TYPES, type Link } from './model/link'
import { DocJsonSchema, type NotebookInfo } from './model/notebook'
import { SearchQuerySchema, type SearchResponse } from './model/search'
import type { LedgerRow, LinkEnd, QuestionRow, RegistryRow, SuggestionView } from './model/ledger'
import { QUESTION_STATUS } from './model/grading'
import { BriefSchema, type Brief } from './model/brief'
import { IdleLockMinutesSchema, NOTEBOOK_REF_ID, UiStateSchema, type LoadedUiState, type NotebookList, type NotebookSwitch } from './model/settings'
import { THEMES, WINDOW_ACTION_IDS, type ThemeSetting } from './commands'
import type { BackupRestore, BackupSummary } from './model/backup'

const articleId = idSchema('article')
const annotationId = idSchema('annotation')
const doc = DocJsonSchema
const MAX_IMPORT_BYTES = 50 * 1024 * 1024
const suggestionId = z.string().regex(/^sug_[0-9a-f]{16}$/, 'not a suggestion id')
const briefId = idSchema('brief')
/** The editor's revision of a field: rises with every change, across reloads (it starts from the clock). */
const journalRev = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const articleNotes = z.string().max(1_000_000)

export { channels, events, USER_ERROR_PREFIX, type EventName } from './ipc-channels'

/** What a brief's composer may set; ids, times and the evidence's live grades are the store's business. */
const BriefFieldsSchema = BriefSchema.pick({ title: true, author: true, date: true, caveat: true, bluf: true, judgments: true, items: true, filter: true })

export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf', 'json', 'w3c'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What to export: a brief, some articles (annotated), or the whole notebook. */
export const ExportTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brief'), id: briefId }).strict(),
  z.object({ kind: z.literal('articles'), ids: z.array(articleId).min(1).max(10000) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
])
export type ExportTarget = z.infer<typeof ExportTargetSchema>

const passphrase = z.string().min(1, 'Type the passphrase.').max(1024)
const newPassphrase = z.string().min(1, 'Type the new passphrase.').max(1024)
export const ProtectionChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('protect'), passphrase: newPassphrase }).strict(),
  z.object({ action: z.literal('change'), current: passphrase, passphrase: newPassphrase }).strict(),
  z.object({ action: z.literal('remove'), current: passphrase }).strict(),
])
export type ProtectionChange = z.infer<typeof ProtectionChangeSchema>

export const contract = {
  notebookStatus: { channel: channels.notebookStatus, input: z.void() },

  listArticles: { channel: channels.listArticles, input: z.void() },
  getArticle: { channel: channels.getArticle, input: z.object({ id: articleId }).strict() },
  createArticle: {
    channel: channels.createArticle,
    input: z
      .object({
        title: z.string().trim().min(1, 'Give the article a title.').max(500),
        /** Pasted content: HTML keeps its formatting (sanitized), plain text is split into paragraphs. */
        html: z.string().max(MAX_IMPORT_BYTES).optional(),
        text: z.string().max(MAX_IMPORT_BYTES).optional(),
      })
      .strict()
      .refine((v) => (v.html ?? v.text ?? '').trim().length > 0, 'Paste the article text first.'),
  },
  updateArticleFields: { channel: channels.updateArticleFields, input: z.object({ id: articleId, fields: ArticleFieldsSchema.partial().strict() }).strict() },
  /** `rev` is the editor's revision the save holds: the hot-exit journal's entries up to it are settled once it lands. */
  saveArticleBody: { channel: channels.saveArticleBody, input: z.object({ id: articleId, doc, rev: journalRev.optional() }).strict() },
  saveArticleNotes: { channel: channels.saveArticleNotes, input: z.object({ id: articleId, notes: articleNotes, rev: journalRev.optional() }).strict() },
  deleteArticle: { channel: channels.deleteArticle, input: z.object({ id: articleId }).strict() },
  /** Opens main's native file dialog; the renderer never names a path. */
  importFromDialog: { channel: channels.importFromDialog, input: z.void() },
  /** Files dropped on the window: their names and bytes, never their paths. */
  importDropped: {
    channel: channels.importDropped,
    input: z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'That file is over 50 MB.') }).strict())
          .min(1)
          .max(500),
      })
      .strict(),
  },

  /** The article a paste for "New article" would repeat, found by the SHA-256 it would be stored under; null when it is new. */
  findPastedDuplicate: {
    channel: channels.findPastedDuplicate,
    input: z.object({ html: z.string().max(MAX_IMPORT_BYTES).optional(), text: z.string().max(MAX_IMPORT_BYTES).optional() }).strict(),
  },

  createAnnotation: {
    channel: channels.createAnnotation,
    /** The document as it stands with the new mark in it, so the record and its mark land in one write. */
    input: z.object({ articleId, id: annotationId, kind: z.enum(ANNOTATION_KINDS), doc, rev: journalRev.optional() }).strict(),
  },
  updateAnnotation: { channel: channels.updateAnnotation, input: z.object({ articleId, id: annotationId, patch: AnnotationPatchSchema }).strict() },
  deleteAnnotation: { channel: channels.deleteAnnotation, input: z.object({ articleId, id: annotationId, doc, rev: journalRev.optional() }).strict() },

  listSources: { channel: channels.listSources, input: z.void() },
  createSource: {
    channel: channels.createSource,
    input: z.object({ name: RegistryEntrySchema.shape.name, type: z.enum(SOURCE_TYPES), reliability: z.enum(RELIABILITY).nullable() }).strict(),
  },
  updateSource: {
    channel: channels.updateSource,
    input: z.object({ id: idSchema('source'), patch: RegistryEntrySchema.pick({ name: true, type: true, reliability: true, aliases: true, note: true }).partial().strict() }).strict(),
  },
  listTags: { channel: channels.listTags, input: z.void() },

  listLinks: { channel: channels.listLinks, input: z.void() },
  createLink: {
    channel: channels.createLink,
    input: z
      .object({
        type: z.enum(LINK_TYPES),
        from: z.object({ articleId, annotationId }).strict(),
        to: z.object({ articleId, annotationId }).strict(),
      })
      .strict(),
  },
  deleteLink: { channel: channels.deleteLink, input: z.object({ id: idSchema('link') }).strict() },

  listBriefs: { channel: channels.listBriefs, input: z.void() },
  createBrief: { channel: channels.createBrief, input: BriefFieldsSchema.partial().required({ title: true }).strict() },
  updateBrief: { channel: channels.updateBrief, input: z.object({ id: briefId, patch: BriefFieldsSchema.partial().strict() }).strict() },
  deleteBrief: { channel: channels.deleteBrief, input: z.object({ id: briefId }).strict() },
  /** The brief's evidence as it stands now: picked and filtered annotations with their current grades. */
  briefEvidence: { channel: channels.briefEvidence, input: z.object({ id: briefId }).strict() },

  /** The export rendered as sanitized HTML for the preview pane. */
  exportPreview: { channel: channels.exportPreview, input: z.object({ target: ExportTargetSchema }).strict() },
  /** Renders the export, then main's native save dialog picks where it goes; the renderer never names a path. */
  exportSave: { channel: channels.exportSave, input: z.object({ target: ExportTargetSchema, format: z.enum(EXPORT_FORMATS) }).strict() },
  /** Shows the last saved export in the system file manager; main remembers which file that was. */
  showExportInFolder: { channel: channels.showExportInFolder, input: z.void() },

  /** Search-as-you-type over the whole notebook; the first call starts the background index build if main has not. */
  search: { channel: channels.search, input: SearchQuerySchema },
  /** Every claim in the notebook, with sources, evidence code, links and the single-source and contested flags. */
  claimsLedger: { channel: channels.claimsLedger, input: z.void() },
  /** Registry entries with how many claims rest on each and in which articles. */
  registryRows: { channel: channels.registryRows, input: z.void() },
  /** Folds one entry into another; every annotation naming the merged entry is rewritten. */
  mergeSources: { channel: channels.mergeSources, input: z.object({ keepId: idSchema('source'), mergeId: idSchema('source') }).strict() },
  listQuestions: { channel: channels.listQuestions, input: z.object({ status: z.enum(QUESTION_STATUS).optional() }).strict() },
  answerQuestion: {
    channel: channels.answerQuestion,
    input: z
      .object({ articleId, id: annotationId, answer: z.string().max(20000), evidence: z.array(z.object({ articleId, annotationId }).strict()).max(50) })
      .strict(),
  },
  /** The links of each annotation of an article, from its side, with the other end's quote and article. */
  articleLinks: { channel: channels.articleLinks, input: z.object({ articleId }).strict() },
  suggest: { channel: channels.suggest, input: z.object({ articleId }).strict() },
  acceptSuggestions: { channel: channels.acceptSuggestions, input: z.object({ articleId, ids: z.union([z.literal('all'), z.array(suggestionId).min(1).max(500)]) }).strict() },
  dismissSuggestions: { channel: channels.dismissSuggestions, input: z.object({ articleId, ids: z.union([z.literal('all'), z.array(suggestionId).min(1).max(500)]) }).strict() },
  /** Undoes dismissals: the suggestions named come back. */
  restoreSuggestions: { channel: channels.restoreSuggestions, input: z.object({ articleId, ids: z.array(suggestionId).min(1).max(500) }).strict() },

  /** Opens a link from an article in the system browser, after the analyst confirms; http, https and mailto only. */
  openExternal: { channel: channels.openExternal, input: z.object({ url: z.string().max(4096) }).strict() },
  /** The window answers main's request to flush pending edits before it closes. */
  flushed: { channel: channels.flushed, input: z.void() },

  /** The open notebook and the recent ones, by name, folder and an id to switch by. */
  listNotebooks: { channel: channels.listNotebooks, input: z.void() },
  /** Main's folder dialog picks a notebook; main flushes, switches and reloads the window. */
  openNotebook: { channel: channels.openNotebook, input: z.void() },
  /** Main's save dialog names a new folder; main creates the notebook there and switches to it. */
  createNotebook: { channel: channels.createNotebook, input: z.void() },
  /** A recent notebook by the id listNotebooks gave; the window never names a folder. */
  switchNotebook: { channel: channels.switchNotebook, input: z.object({ id: z.string().regex(NOTEBOOK_REF_ID, 'not a notebook id') }).strict() },
  showNotebookFolder: { channel: channels.showNotebookFolder, input: z.void() },
  /** The window's saved view state (panes, open article and scroll) and the theme, from main's settings file. */
  loadUiState: { channel: channels.loadUiState, input: z.void() },
  saveUiState: { channel: channels.saveUiState, input: UiStateSchema },
  setTheme: { channel: channels.setTheme, input: z.object({ theme: z.enum(THEMES) }).strict() },
  /** Zoom and full screen, which only main can do to the window (the View menu's roles, from the palette). */
  windowAction: { channel: channels.windowAction, input: z.object({ action: z.enum(WINDOW_ACTION_IDS) }).strict() },
  /** What became of files the OS asked the app to open (a double-clicked export), since the window last asked. */
  takeOpenedFiles: { channel: channels.takeOpenedFiles, input: z.void() },

  /** Whether the open notebook is protected with a passphrase and locked; the window asks before it shows anything. */
  lockState: { channel: channels.lockState, input: z.void() },
  /** The passphrase of a locked notebook; main derives the key and opens the store, the window never sees a key. */
  unlock: { channel: channels.unlock, input: z.object({ passphrase }).strict() },
  /** Locks a protected notebook now: edits are saved, the store closes, the key is forgotten and the window reloads. */
  lockNow: { channel: channels.lockNow, input: z.void() },

  /**
   * The editor's unsaved state of an article's body or notes, sent on a short timer while the analyst types and
   * kept in main's hot-exit journal until a save of that revision lands, so a crash does not take it along.
   */
  recordJournal: {
    channel: channels.recordJournal,
    input: z.discriminatedUnion('field', [
      z.object({ articleId, field: z.literal('body'), rev: journalRev, doc }).strict(),
      z.object({ articleId, field: z.literal('notes'), rev: journalRev, notes: articleNotes }).strict(),
    ]),
  },
  /** The open notebook's snapshots, newest first (File > Restore…). */
  listBackups: { channel: channels.listBackups, input: z.void() },
  /** Puts the notebook back as it was in a snapshot, after snapshotting it as it is; main reloads the window on it. */
  restoreBackup: { channel: channels.restoreBackup, input: z.object({ id: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a backup id') }).strict() },
  /**
   * Protects the open notebook with a passphrase, changes it, or removes it. Main saves the window's edits, closes
   * the notebook, encrypts every file again and opens it again; the passphrases are used there and never kept.
   */
  changeProtection: { channel: channels.changeProtection, input: ProtectionChangeSchema },
  /** Settings: minutes without use after which a protected notebook locks itself. */
  setIdleLock: { channel: channels.setIdleLock, input: z.object({ minutes: IdleLockMinutesSchema }).strict() },
} as const satisfies { [M in keyof typeof channels]: { channel: (typeof channels)[M]; input: z.ZodType } }

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>

export interface NotebookStatus {
  info: NotebookInfo
  /** Absolute folder of the notebook, so the analyst knows where their data lives. */
  path: string
  /** The same folder as the status line shows it: the home folder written `~`. */
  shownPath: string
  readOnly: boolean
  /** ISO time of the last completed write, or null before the first. */
  lastSavedAt: string | null
  /** A message the analyst must see at once: a recovery, a read-only notebook, a failing disk. */
  notices: string[]
}

export interface ArticleView {
  meta: ArticleMeta
  doc: import('./model/notebook').DocJson
  notes: string
  annotations: Annotation[]
}

/** One annotation of a brief's evidence, read live from its article. */
export interface BriefEvidenceItem {
  /** C1, S1, Q1…: how the brief refers to it. */
  label: string
  annotation: Annotation
  article: Pick<ArticleMeta, 'id' | 'title' | 'outlet' | 'publishedAt'>
  /** Claims only: source reliability × information credibility, e.g. B2. */
  evidenceCode: string | null
  /** Claims: the sources they are attributed to; sources: the registry entry's name. */
  sourceNames: string[]
  /** Picked one by one (true) or brought in by the brief's filter (false). */
  picked: boolean
}

export interface BriefEvidence {
  brief: Brief
  items: BriefEvidenceItem[]
  /** Picked annotations whose article or record has since been deleted. */
  missing: number
}

export interface ExportPreview {
  title: string
  /** The export's body as sanitized HTML, and the stylesheet it is printed with. */
  html: string
  css: string
  suggestedName: string
  counts: { articles: number; claims: number; sources: number; questions: number }
}

export interface ExportSaved {
  /** Where main saved it, or null when the analyst cancelled the save dialog. */
  path: string | null
  fileName: string
  bytes: number
}

export interface ExportProgress {
  stage: 'collecting' | 'rendering' | 'saving' | 'done'
  done: number
  total: number
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed'
export interface ImportResult {
  name: string
  status: ImportStatus
  /** The new article, or the existing one a duplicate matched. */
  article?: ArticleMeta
  /** One sentence for a failure: what went wrong and what to do. */
  reason?: string
}

/** How far an import batch has got: after each file, its result (a notebook export gives one per article in it). */
export interface ImportProgress {
  done: number
  total: number
  results: ImportResult[]
}

export interface SavedBody {
  annotations: Annotation[]
  savedAt: string
}

export interface Outputs {
  notebookStatus: NotebookStatus
  listArticles: ArticleMeta[]
  getArticle: ArticleView
  createArticle: ArticleMeta
  updateArticleFields: ArticleMeta
  saveArticleBody: SavedBody
  saveArticleNotes: { savedAt: string }
  deleteArticle: { deleted: true }
  importFromDialog: ImportResult[]
  importDropped: ImportResult[]
  findPastedDuplicate: ArticleMeta | null
  createAnnotation: Annotation
  updateAnnotation: Annotation
  deleteAnnotation: SavedBody
  listSources: RegistryEntry[]
  createSource: RegistryEntry
  updateSource: RegistryEntry
  listTags: string[]
  listLinks: Link[]
  createLink: Link
  deleteLink: { deleted: true }
  openExternal: { opened: boolean }
  search: SearchResponse
  claimsLedger: LedgerRow[]
  registryRows: RegistryRow[]
  mergeSources: { entry: RegistryEntry; rewritten: number; articleIds: string[] }
  listQuestions: QuestionRow[]
  answerQuestion: Annotation
  articleLinks: Record<string, LinkEnd[]>
  suggest: SuggestionView[]
  acceptSuggestions: Annotation[]
  dismissSuggestions: { dismissed: number; ids: string[] }
  restoreSuggestions: { restored: number }
  flushed: { ok: true }
  listBriefs: Brief[]
  createBrief: Brief
  updateBrief: Brief
  deleteBrief: { deleted: true }
  briefEvidence: BriefEvidence
  exportPreview: ExportPreview
  exportSave: ExportSaved
  showExportInFolder: { shown: boolean }
  listNotebooks: NotebookList
  openNotebook: NotebookSwitch
  createNotebook: NotebookSwitch
  switchNotebook: NotebookSwitch
  showNotebookFolder: { shown: true }
  loadUiState: LoadedUiState
  saveUiState: { saved: true }
  setTheme: { theme: ThemeSetting }
  windowAction: { done: true }
  takeOpenedFiles: ImportResult[]
  lockState: LockState
  unlock: { unlocked: true }
  lockNow: { locked: boolean }
  recordJournal: { recorded: boolean }
  listBackups: BackupSummary[]
  restoreBackup: BackupRestore
  changeProtection: LockState
  setIdleLock: LockState
}

export interface LockState {
  /** The notebook is protected with a passphrase. */
  protected: boolean
  /** It is protected and its passphrase has not been given since it opened or last locked. */
  locked: boolean
  /** The notebook's folder name, to say which notebook the passphrase is for. */
  name: string
  /** Minutes without use after which it locks itself while protected (a setting of the app). */
  idleLockMinutes: number
}

export type Api = { [M in Method]: (input: Input<M>) => Promise<Outputs[M]> }


export interface StoreStatusEvent {
  state: 'saved' | 'saving' | 'error'
  at: string
  message?: string
}
export interface EventPayloads {
  onMenuCommand: { command: string }
  onStoreStatus: StoreStatusEvent
  onFlushRequest: Record<string, never>
  onExportProgress: ExportProgress
  onImportProgress: ImportProgress
  /** Files the OS asked the app to open were imported; the window takes the results with takeOpenedFiles. */
  onFilesOpened: Record<string, never>
  /** How far protecting, changing the passphrase or removing it has got, in files of the notebook's folder. */
  onProtectionProgress: { done: number; total: number }
}
export type Events = { [E in EventName]: (listener: (payload: EventPayloads[E]) => void) => () => void }

/** What the preload puts on `window.api`. */
export type WindowApi = Api & { events: Events }

