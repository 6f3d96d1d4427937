import type { NotebookStatus } from '../../shared/ipc-contract'
import type { NotebookStore } from '../store/notebook-store'
import { systemClock, type ServiceContext } from './context'
import * as articles from './articles'
import * as annotations from './annotations'
import * as registry from './registry'
import * as links from './links'
import { SearchService } from '../search/search-service'
import type { SearchWorkerLauncher } from '../search/worker-host'
import { sharedImportPool, type Importer } from '../import/import-pool'
import { trackWrites } from '../search/track-writes'
import { viewServices } from './notebook-views'
import * as briefs from './briefs'
import { importNotebookJson } from '../export/import-notebook'
import { shownPath } from './shown-path'

/** Export renderers (docx, Markdown, HTML) load on the first export, not with main's bundle. */
const exportService = () => import('../export/service')

/**
 * The operations the contract names, over one open notebook. Main's handler table, the CLI and the e2e harness
 * all call these, so the app, the command line and the tests exercise one implementation.
 */
export interface ServicesOptions {
  /** The importer is the process's shared worker pool unless one is given (the e2e harness keeps its own warm). */
  importer?: Importer
  /** Where the search worker runs: a thread unless given; the app's main hosts it in a process of its own. */
  searchHost?: SearchWorkerLauncher
}

export function createServices(store: NotebookStore, now: () => string = systemClock, options: ServicesOptions = {}) {
  const ctx: ServiceContext = { store, now, importer: options.importer ?? sharedImportPool() }
  const search = new SearchService(store, { host: options.searchHost })
  return trackWrites({
    store,
    notebookStatus: (): NotebookStatus => ({
      info: store.index.notebook,
      path: store.layout.root,
      shownPath: shownPath(store.layout.root),
      readOnly: store.readOnly,
      lastSavedAt: store.lastSavedAt?.toISOString() ?? null,
      notices: [...store.notices],
    }),
    listArticles: () => articles.listArticles(ctx),
    getArticle: (id: string) => articles.getArticle(ctx, id),
    createArticle: (input: Parameters<typeof articles.createArticle>[1]) => articles.createArticle(ctx, input),
    importFiles: (files: Parameters<typeof articles.importFiles>[1], onProgress?: Parameters<typeof articles.importFiles>[2]) => articles.importFiles(ctx, files, onProgress),
    findPastedDuplicate: (input: Parameters<typeof articles.findPastedDuplicate>[1]) => articles.findPastedDuplicate(ctx, input),
    updateArticleFields: (id: string, fields: Parameters<typeof articles.updateArticleFields>[2]) => articles.updateArticleFields(ctx, id, fields),
    saveArticleBody: (id: string, doc: Parameters<typeof articles.saveArticleBody>[2]) => articles.saveArticleBody(ctx, id, doc),
    saveArticleNotes: (id: string, notes: string) => articles.saveArticleNotes(ctx, id, notes),
    deleteArticle: (id: string) => articles.deleteArticle(ctx, id),
    addArticle: (input: Parameters<typeof articles.addArticle>[1]) => articles.addArticle(ctx, input),
    createAnnotation: (input: Parameters<typeof annotations.createAnnotation>[1]) => annotations.createAnnotation(ctx, input),
    updateAnnotation: (input: Parameters<typeof annotations.updateAnnotation>[1]) => annotations.updateAnnotation(ctx, input),
    deleteAnnotation: (input: Parameters<typeof annotations.deleteAnnotation>[1]) => annotations.deleteAnnotation(ctx, input),
    annotateQuote: (input: annotations.QuoteAnnotation) => annotations.annotateQuote(ctx, input),
    listSources: () => registry.listSources(ctx),
    createSource: (input: Parameters<typeof registry.createSource>[1]) => registry.createSource(ctx, input),
    updateSource: (id: string, patch: Parameters<typeof registry.updateSource>[2]) => registry.updateSource(ctx, id, patch),
    listTags: () => [...store.index.tags].sort((a, b) => a.localeCompare(b)),
    listLinks: () => links.listLinks(ctx),
    createLink: (input: Parameters<typeof links.createLink>[1]) => links.createLink(ctx, input),
    deleteLink: (id: string) => links.deleteLink(ctx, id),
    ...viewServices(ctx, search),
    listBriefs: () => briefs.listBriefs(ctx),
    createBrief: (input: Parameters<typeof briefs.createBrief>[1]) => briefs.createBrief(ctx, input),
    updateBrief: (id: string, patch: Parameters<typeof briefs.updateBrief>[2]) => briefs.updateBrief(ctx, id, patch),
    deleteBrief: (id: string) => briefs.deleteBrief(ctx, id),
    briefEvidence: (id: string) => briefs.briefEvidence(ctx, id),
    exportTarget: async (...args: Parameters<ExportService['exportTarget']> extends [unknown, ...infer R] ? R : never) => (await exportService()).exportTarget(ctx, ...args),
    previewExport: async (target: Parameters<ExportService['previewTarget']>[1]) => (await exportService()).previewTarget(ctx, target),
    importNotebookJson: (file: { name: string; bytes: Uint8Array }) => importNotebookJson(ctx, file),
  }, search)
}
type ExportService = typeof import('../export/service')
export type Services = ReturnType<typeof createServices>
