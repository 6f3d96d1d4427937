import { ArticleFieldsSchema, EMPTY_FIELDS, type ArticleFields, type ArticleMeta, type Provenance } from '../../shared/model/article'
import type { Annotation, AnnotationKind } from '../../shared/model/annotation'
import { newId } from '../../shared/model/ids'
import { SCHEMA_VERSION, type DocJson } from '../../shared/model/notebook'
import type { ArticleView, ImportProgress, ImportResult } from '../../shared/ipc-contract'
import { docFromJson } from '../../shared/schema/annotate-doc'
import { cleanDocJson } from '../../shared/schema/clean-doc'
import { ImportError } from '../import/errors'
import type { ImportedArticle } from '../import/import-file'
import { sha256Hex } from '../import/hash'
import { sanitizeHtml, sanitizeStoredHtml } from '../import/sanitize'
import { UserError } from '../errors'
import type { ServiceContext } from './context'
import { reconcileBody } from './reconcile'
import { importNotebookJson, isNotebookJson } from '../export/import-notebook'

export function listArticles(ctx: ServiceContext): ArticleMeta[] {
  return [...ctx.store.index.articles].sort(byNewest)
}

/** Newest first by publication date, falling back to when the article entered the notebook. */
export function byNewest(a: ArticleMeta, b: ArticleMeta): number {
  const ka = a.publishedAt || a.createdAt
  const kb = b.publishedAt || b.createdAt
  return ka < kb ? 1 : ka > kb ? -1 : a.createdAt < b.createdAt ? 1 : -1
}

export function articleMeta(ctx: ServiceContext, id: string): ArticleMeta {
  const meta = ctx.store.index.articles.find((a) => a.id === id)
  if (!meta) throw new UserError(`There is no article with id ${id} in this notebook.`)
  return meta
}

export async function getArticle(ctx: ServiceContext, id: string): Promise<ArticleView> {
  const meta = articleMeta(ctx, id)
  const file = await ctx.store.readArticle(id)
  // A store file may come from elsewhere (a synced or restored notebook), so what goes to the window is cleaned again.
  return {
    meta,
    doc: cleanDocJson(file.doc),
    notes: sanitizeStoredHtml(file.notes),
    annotations: file.annotations.map((a) => (a.note ? { ...a, note: sanitizeStoredHtml(a.note) } : a)),
  }
}

export function countKinds(annotations: readonly Annotation[]): Record<AnnotationKind, number> {
  const counts = { claim: 0, source: 0, question: 0 }
  for (const a of annotations) counts[a.kind]++
  return counts
}

interface NewArticle {
  fields: ArticleFields
  doc: DocJson
  bytes: Uint8Array
  provenance: Omit<Provenance, 'sha256' | 'importedAt' | 'byteLength'>
  annotations?: Annotation[]
}

/** Adds an article: its original bytes, its file, then its line in the index. */
export async function addArticle(ctx: ServiceContext, input: NewArticle): Promise<ArticleMeta> {
  const now = ctx.now()
  const id = newId('article')
  const sha256 = sha256Hex(input.bytes)
  const fields = ArticleFieldsSchema.parse({ ...EMPTY_FIELDS, ...input.fields })
  docFromJson(input.doc)
  const annotations = input.annotations ?? []
  const meta: ArticleMeta = {
    ...fields,
    id,
    createdAt: now,
    updatedAt: now,
    provenance: { ...input.provenance, sha256, importedAt: now, byteLength: input.bytes.byteLength },
    counts: countKinds(annotations),
  }
  await Promise.all([
    ctx.store.writeOriginal(sha256, input.bytes),
    ctx.store.createArticleFile({ schemaVersion: SCHEMA_VERSION, id, doc: input.doc, notes: '', annotations, trash: [], dismissedSuggestions: [] }),
    ctx.store.updateIndex((index) => {
      index.articles.push(meta)
    }),
  ])
  return meta
}

export async function createArticle(ctx: ServiceContext, input: PastedInput): Promise<ArticleMeta> {
  const imported = await ctx.importer.importPasted(input).catch(asUserError)
  return addArticle(ctx, {
    fields: { ...imported.fields, title: input.title.trim() },
    doc: imported.doc,
    bytes: pastedBytes(input),
    provenance: { origin: 'paste', name: 'Pasted text', mediaType: input.html ? 'text/html' : 'text/plain' },
  })
}

type PastedInput = { title: string; html?: string; text?: string }

/** What a paste keeps as its original: the HTML as the window sent it, else the text. Its hash finds a repeated paste. */
function pastedBytes(input: Omit<PastedInput, 'title'>): Uint8Array {
  return new TextEncoder().encode(input.html ?? input.text ?? '')
}

/** The article already holding exactly these bytes, or null. */
export function articleWithHash(ctx: ServiceContext, sha256: string): ArticleMeta | null {
  return ctx.store.index.articles.find((a) => a.provenance.sha256 === sha256) ?? null
}

/** The article a paste would repeat, so "New article" can offer to open it instead of adding a copy. */
export function findPastedDuplicate(ctx: ServiceContext, input: Omit<PastedInput, 'title'>): ArticleMeta | null {
  return articleWithHash(ctx, sha256Hex(pastedBytes(input)))
}

/**
 * Imports a batch. Parsing runs in the importer's workers, several files at once; each result is added to the
 * store (through its one write queue) and reported in the order the files were given, as soon as it and every file
 * before it are done. A file repeating an earlier one, in the notebook or in the same batch, is a duplicate of it.
 */
export async function importFiles(
  ctx: ServiceContext,
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult[]> {
  const hashes = files.map((f) => (isNotebookJson(f.name) ? null : sha256Hex(f.bytes)))
  // One parse per distinct content: a file repeating an earlier one of the batch shares its outcome.
  const parses = new Map<string, Promise<Settled<ImportedArticle>>>()
  const parse = (file: { name: string; bytes: Uint8Array }, sha256: string) => {
    let p = parses.get(sha256)
    if (!p) parses.set(sha256, (p = settle(ctx.importer.importFile(file))))
    return p
  }
  // Started together so the workers stay busy; each outcome is read in its turn.
  files.forEach((file, i) => {
    const sha256 = hashes[i]
    if (sha256 && !articleWithHash(ctx, sha256)) void parse(file, sha256)
  })

  const results: ImportResult[] = []
  const total = files.length
  for (const [i, file] of files.entries()) {
    const sha256 = hashes[i]!
    const batch = sha256 === null ? await importNotebookJson(ctx, file) : [await importOne(ctx, file, sha256, () => parse(file, sha256))]
    results.push(...batch)
    onProgress?.({ done: i + 1, total, results: batch })
  }
  return results
}

async function importOne(
  ctx: ServiceContext,
  file: { name: string; bytes: Uint8Array },
  sha256: string,
  parsed: () => Promise<Settled<ImportedArticle>>,
): Promise<ImportResult> {
  try {
    // Looked up now, not when the batch began: an earlier file of the batch may have just added it.
    const existing = articleWithHash(ctx, sha256)
    if (existing) return { name: file.name, status: 'duplicate', article: existing }
    const outcome = await parsed()
    if (!outcome.ok) throw outcome.error
    const article = await addArticle(ctx, {
      fields: outcome.value.fields,
      doc: outcome.value.doc,
      bytes: file.bytes,
      provenance: { origin: 'file', name: file.name, mediaType: outcome.value.mediaType },
    })
    return { name: file.name, status: 'imported', article }
  } catch (err) {
    if (err instanceof ImportError || err instanceof UserError) return { name: file.name, status: 'failed', reason: err.message }
    throw err
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}

function asUserError(err: unknown): never {
  if (err instanceof ImportError) throw new UserError(err.message)
  throw err
}

export async function updateArticleFields(ctx: ServiceContext, id: string, fields: Partial<ArticleFields>): Promise<ArticleMeta> {
  const current = articleMeta(ctx, id)
  if (fields.url && !/^https?:\/\/\S+$/i.test(fields.url.trim())) {
    throw new UserError('The URL must be a web address starting with http:// or https://; it was not changed.')
  }
  const next = ArticleFieldsSchema.parse({ ...pickFields(current), ...fields, ...(fields.url ? { url: fields.url.trim() } : {}) })
  let updated!: ArticleMeta
  await ctx.store.updateIndex((index) => {
    const i = index.articles.findIndex((a) => a.id === id)
    updated = { ...index.articles[i]!, ...next, updatedAt: ctx.now() }
    index.articles[i] = updated
  })
  return updated
}

function pickFields(meta: ArticleMeta): ArticleFields {
  const { title, outlet, byline, publishedAt, url, language, excerpt } = meta
  return { title, outlet, byline, publishedAt, url, language, excerpt }
}

export async function saveArticleBody(ctx: ServiceContext, id: string, doc: DocJson): Promise<{ annotations: Annotation[]; savedAt: string }> {
  articleMeta(ctx, id)
  const parsed = parseDoc(doc)
  const file = await ctx.store.readArticle(id)
  const next = reconcileBody(parsed, file.annotations, file.trash, ctx.now())
  await ctx.store.updateArticle(id, (f) => {
    f.doc = doc
    f.annotations = next.annotations
    f.trash = next.trash
  })
  await syncCounts(ctx, id, next.annotations)
  return { annotations: next.annotations, savedAt: ctx.now() }
}

export function parseDoc(doc: DocJson) {
  try {
    return docFromJson(doc)
  } catch (err) {
    throw new UserError(`The document does not fit the article schema (${(err as Error).message}); nothing was saved.`)
  }
}

/** Rewrites the index only when the library-visible counts actually changed. */
export async function syncCounts(ctx: ServiceContext, id: string, annotations: readonly Annotation[]): Promise<void> {
  const meta = articleMeta(ctx, id)
  const counts = countKinds(annotations.filter((a) => !a.orphaned))
  if (counts.claim === meta.counts.claim && counts.source === meta.counts.source && counts.question === meta.counts.question) return
  await ctx.store.updateIndex((index) => {
    const m = index.articles.find((a) => a.id === id)!
    m.counts = counts
    m.updatedAt = ctx.now()
  })
}

export async function saveArticleNotes(ctx: ServiceContext, id: string, notes: string): Promise<{ savedAt: string }> {
  articleMeta(ctx, id)
  const clean = sanitizeHtml(notes)
  await ctx.store.updateArticle(id, (f) => {
    f.notes = clean
  })
  return { savedAt: ctx.now() }
}

export async function deleteArticle(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  articleMeta(ctx, id)
  await ctx.store.updateIndex((index) => {
    index.articles = index.articles.filter((a) => a.id !== id)
    index.links = index.links.filter((l) => l.from.articleId !== id && l.to.articleId !== id)
    for (const b of index.briefs) b.items = b.items.filter((i) => i.articleId !== id)
  })
  await ctx.store.deleteArticleFile(id)
  return { deleted: true }
}
