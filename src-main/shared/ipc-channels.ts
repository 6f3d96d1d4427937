/**
 * The names of the IPC channels and events, and nothing else: no zod, no model. The preload is bundled into the
 * sandboxed window as one file, so it reads this table instead of the contract, whose schemas it never needs
 * (validation happens in main). ipc-contract.ts pairs each name with its schema and must list exactly these.
 */
export const channels = {
  notebookStatus: 'notebook:status',
  listArticles: 'articles:list',
  getArticle: 'articles:get',
  createArticle: 'articles:create',
  updateArticleFields: 'articles:update-fields',
  saveArticleBody: 'articles:save-body',
  saveArticleNotes: 'articles:save-notes',
  deleteArticle: 'articles:delete',
  importFromDialog: 'articles:import-dialog',
  importDropped: 'articles:import-dropped',
  findPastedDuplicate: 'articles:find-pasted-duplicate',
  createAnnotation: 'annotations:create',
  updateAnnotation: 'annotations:update',
  deleteAnnotation: 'annotations:delete',
  listSources: 'sources:list',
  createSource: 'sources:create',
  updateSource: 'sources:update',
  listTags: 'tags:list',
  listLinks: 'links:list',
  createLink: 'links:create',
  deleteLink: 'links:delete',
  listBriefs: 'briefs:list',
  createBrief: 'briefs:create',
  updateBrief: 'briefs:update',
  deleteBrief: 'briefs:delete',
  briefEvidence: 'briefs:evidence',
  exportPreview: 'export:preview',
  exportSave: 'export:save',
  showExportInFolder: 'export:show-in-folder',
  search: 'search:query',
  claimsLedger: 'ledger:claims',
  registryRows: 'sources:registry',
  mergeSources: 'sources:merge',
  listQuestions: 'questions:list',
  answerQuestion: 'questions:answer',
  articleLinks: 'links:for-article',
  suggest: 'assistant:suggest',
  acceptSuggestions: 'assistant:accept',
  dismissSuggestions: 'assistant:dismiss',
  restoreSuggestions: 'assistant:restore',
  openExternal: 'shell:open-external',
  flushed: 'app:flushed',
  listNotebooks: 'notebooks:list',
  openNotebook: 'notebooks:open',
  createNotebook: 'notebooks:create',
  switchNotebook: 'notebooks:switch',
  showNotebookFolder: 'notebooks:show-folder',
  loadUiState: 'ui:load-state',
  saveUiState: 'ui:save-state',
  setTheme: 'ui:set-theme',
  windowAction: 'window:action',
  takeOpenedFiles: 'files:take-opened',
  lockState: 'notebook:lock-state',
  unlock: 'notebook:unlock',
  lockNow: 'notebook:lock',
  recordJournal: 'journal:record',
  listBackups: 'backups:list',
  restoreBackup: 'backups:restore',
  changeProtection: 'notebook:protection',
  setIdleLock: 'notebook:set-idle-lock',
} as const

export type ChannelMethod = keyof typeof channels

/** Events main sends to the window. The preload exposes one subscribe function per event, nothing generic. */
export const events = {
  onMenuCommand: 'event:menu-command',
  onStoreStatus: 'event:store-status',
  onFlushRequest: 'event:flush-request',
  onExportProgress: 'event:export-progress',
  onImportProgress: 'event:import-progress',
  onFilesOpened: 'event:files-opened',
  onProtectionProgress: 'event:protection-progress',
} as const
export type EventName = keyof typeof events

/** Errors cross IPC as plain messages; this prefix marks one written for the analyst rather than a crash. */
export const USER_ERROR_PREFIX = 'Intel Notebook: '
