/**
 * The handler table: contract -> services. It validates every payload with the contract's zod schema
 * (TypeScript types do not exist at run time) and turns failures into one sentence for the analyst.
 * It imports nothing from electron, so the e2e harness drives exactly this table; only the transport differs.
 * The sender-origin check lives in register.ts, where the Electron event is.
 */
import type { ZodError } from 'zod'
import { contract, type Api, type ExportProgress, type ImportProgress, type Input, type Method, type Outputs } from '../../shared/ipc-contract'
import { isUserError, UserError } from '../../core/errors'
import type { Services } from '../../core/services/notebook-services'
import { appShellHandlers, type AppShellDeps } from './app-shell'
import { lockHandlers, type LockDeps } from './lock'
import { durabilityHandlers, settleJournal, type DurabilityDeps } from './durability'
import { sanitizeHtml } from '../../core/import/sanitize'
import { cleanDocJson } from '../../shared/schema/clean-doc'

/** What only the shell around the window can do: native dialogs, the system browser, closing, notebooks and settings. */
export interface ShellDeps extends AppShellDeps {
  /** For a notebook protected with a passphrase: its lock. Absent, the notebook is not protected. */
  lock?: LockDeps
  /** The open notebook's hot-exit journal and snapshots. Absent, edits are not journaled and nothing can be restored. */
  durability?: DurabilityDeps
  /** Lets the analyst pick files to import in a native dialog; returns their names and bytes (never paths to the renderer). */
  pickImportFiles(): Promise<Array<{ name: string; bytes: Uint8Array }>>
  /** Asks before leaving the app for a link; true when the analyst agrees. */
  confirmOpenExternal(url: string): Promise<boolean>
  openExternal(url: string): Promise<void>
  /** The window has flushed its edits and may close. */
  windowFlushed(): void
  /** Shows the native save dialog with a suggested, sanitized name and writes the bytes there; null when cancelled. */
  saveExport(suggestedName: string, bytes: Uint8Array): Promise<string | null>
  /** Reveals a file main saved in the system file manager. */
  showInFolder(path: string): void
  /** Prints the export's self-contained HTML to PDF in an offscreen window with JavaScript disabled. */
  printToPdf(html: string): Promise<Uint8Array>
  /** Tells the window how far a long export has got. */
  exportProgress(progress: ExportProgress): void
  /** Tells the window how far an import batch has got, with each file's result as it lands. */
  importProgress(progress: ImportProgress): void
}

export type HandlerTable = { [M in Method]: (payload: unknown) => Promise<Outputs[M]> }

export function createHandlers(services: () => Services, shell: ShellDeps): HandlerTable {
  // The renderer never names a path: "Show in folder" reveals the file main itself saved last.
  let lastExportPath: string | null = null
  const impl: Api = {
    notebookStatus: async () => services().notebookStatus(),
    listArticles: async () => services().listArticles(),
    getArticle: ({ id }) => services().getArticle(id),
    createArticle: (input) => services().createArticle(input),
    updateArticleFields: ({ id, fields }) => services().updateArticleFields(id, fields),
    // Bodies and notes from the window are content like any import: the schema and the policy apply before they are stored.
    saveArticleBody: async ({ id, doc, rev }) => {
      const saved = await services().saveArticleBody(id, cleanDocJson(doc))
      settleJournal(shell.durability, id, 'body', rev)
      return saved
    },
    saveArticleNotes: async ({ id, notes, rev }) => {
      const saved = await services().saveArticleNotes(id, notes)
      settleJournal(shell.durability, id, 'notes', rev)
      return saved
    },
    deleteArticle: async ({ id }) => {
      const deleted = await services().deleteArticle(id)
      shell.durability?.journal()?.discard(id)
      return deleted
    },
    importFromDialog: async () => {
      const files = await shell.pickImportFiles()
      return files.length ? services().importFiles(files, shell.importProgress) : []
    },
    importDropped: ({ files }) => services().importFiles(files, shell.importProgress),
    findPastedDuplicate: async (input) => services().findPastedDuplicate(input),
    // A tag carries the body as the editor has it, so it settles the journaled body as a save does.
    createAnnotation: async ({ rev, ...input }) => {
      const record = await services().createAnnotation({ ...input, doc: cleanDocJson(input.doc) })
      settleJournal(shell.durability, input.articleId, 'body', rev)
      return record
    },
    updateAnnotation: (input) =>
      services().updateAnnotation(input.patch.note === undefined ? input : { ...input, patch: { ...input.patch, note: sanitizeHtml(input.patch.note) } }),
    deleteAnnotation: async ({ rev, ...input }) => {
      const saved = await services().deleteAnnotation({ ...input, doc: cleanDocJson(input.doc) })
      settleJournal(shell.durability, input.articleId, 'body', rev)
      return saved
    },
    listSources: async () => services().listSources(),
    createSource: (input) => services().createSource(input),
    updateSource: ({ id, patch }) => services().updateSource(id, patch),
    listTags: async () => services().listTags(),
    listLinks: async () => services().listLinks(),
    createLink: (input) => services().createLink(input),
    deleteLink: ({ id }) => services().deleteLink(id),
    search: (query) => services().search(query),
    claimsLedger: () => services().claimsLedger(),
    registryRows: () => services().registryRows(),
    mergeSources: ({ keepId, mergeId }) => services().mergeSources(keepId, mergeId),
    listQuestions: ({ status }) => services().listQuestions(status),
    answerQuestion: (input) => services().answerQuestion(input),
    articleLinks: ({ articleId }) => services().articleLinks(articleId),
    suggest: ({ articleId }) => services().suggest(articleId),
    acceptSuggestions: (input) => services().acceptSuggestions(input),
    dismissSuggestions: (input) => services().dismissSuggestions(input),
    restoreSuggestions: (input) => services().restoreSuggestions(input),
    openExternal: async ({ url }) => {
      const safe = externalUrl(url)
      if (!safe && asksToAttach(url)) throw new UserError('This mail link asks the mail program to attach a file from this computer, so it is not opened; write the e-mail yourself instead.')
      if (!safe) throw new UserError('Only web (http, https) and mail (mailto) links open outside the app.')
      if (!(await shell.confirmOpenExternal(safe))) return { opened: false }
      await shell.openExternal(safe)
      return { opened: true }
    },
    listBriefs: async () => services().listBriefs(),
    createBrief: (input) => services().createBrief(input),
    updateBrief: ({ id, patch }) => services().updateBrief(id, patch),
    deleteBrief: ({ id }) => services().deleteBrief(id),
    briefEvidence: ({ id }) => services().briefEvidence(id),
    exportPreview: ({ target }) => services().previewExport(target),
    exportSave: async ({ target, format }) => {
      const rendered = await services().exportTarget(target, format, { pdf: shell.printToPdf, progress: shell.exportProgress })
      shell.exportProgress({ stage: 'saving', done: 0, total: 1 })
      const path = await shell.saveExport(rendered.fileName, rendered.bytes)
      if (path) lastExportPath = path
      shell.exportProgress({ stage: 'done', done: 1, total: 1 })
      return { path, fileName: rendered.fileName, bytes: rendered.bytes.byteLength }
    },
    showExportInFolder: async () => {
      if (!lastExportPath) return { shown: false }
      shell.showInFolder(lastExportPath)
      return { shown: true }
    },
    flushed: async () => {
      shell.windowFlushed()
      return { ok: true }
    },
    ...appShellHandlers(shell),
    ...lockHandlers(shell.lock),
    ...durabilityHandlers(shell.durability),
  }

  const table = {} as Record<Method, (payload: unknown) => Promise<unknown>>
  for (const method of Object.keys(contract) as Method[]) {
    const schema = contract[method].input
    const fn = impl[method] as (input: unknown) => Promise<unknown>
    table[method] = async (payload: unknown) => {
      const parsed = schema.safeParse(payload)
      if (!parsed.success) throw new UserError(describeInvalid(method, parsed.error))
      try {
        return await fn(parsed.data as Input<typeof method>)
      } catch (err) {
        if (isUserError(err)) throw err
        console.error(`[ipc] ${contract[method].channel} failed`, err)
        throw new UserError(`Something went wrong while handling ${contract[method].channel}: ${(err as Error)?.message ?? String(err)}`)
      }
    }
  }
  return table as HandlerTable
}

function describeInvalid(method: Method, error: ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
  return `Invalid request to ${contract[method].channel}${where}: ${issue?.message ?? 'bad payload'}.`
}

/** The one external-link policy: http, https and mailto, as a parsed and re-serialised URL. */
export function externalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null
  if (url.protocol !== 'mailto:' && !url.hostname) return null
  if (asksToAttach(raw)) return null
  return url.toString()
}

/** Some mail programs honour attach= in a mailto link and put a local file of the link's choosing in the draft. */
function asksToAttach(raw: string): boolean {
  try {
    const url = new URL(raw.trim())
    return url.protocol === 'mailto:' && [...url.searchParams.keys()].some((k) => /^attach/i.test(k))
  } catch {
    return false
  }
}
