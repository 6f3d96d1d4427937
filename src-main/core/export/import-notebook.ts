import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { Brief } from '../../shared/model/brief'
import type { Link } from '../../shared/model/link'
import { SCHEMA_VERSION, type DocJson } from '../../shared/model/notebook'
import type { RegistryEntry } from '../../shared/model/source'
import type { ImportResult } from '../../shared/ipc-contract'
import { docFromJson, reconcileAnnotations } from '../../shared/schema/annotate-doc'
import { ANNOTATION_MARK_NAMES } from '../../shared/schema/annotation-marks'
import { safeUrl } from '../../shared/schema/safe-url'
import { sha256Hex } from '../import/hash'
import { sanitizeHtml } from '../import/sanitize'
import type { ServiceContext } from '../services/context'
import { countKinds } from '../services/articles'
import { NOTEBOOK_EXPORT_EXTENSIONS } from './model'
import { NotebookExportSchema, type NotebookExport } from './notebook-json'

/**
 * A .intelnotebook or .json file given to import is a notebook export (articles are imported from text, Markdown,
 * HTML or Word).
 */
export function isNotebookJson(name: string): boolean {
  const dot = name.lastIndexOf('.')
  return dot >= 0 && (NOTEBOOK_EXPORT_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase())
}

/**
 * Reads a notebook JSON export back into the open notebook. The file is content like any other: every document,
 * note and judgment passes the sanitizing policy and the schema again, and original bytes must match their SHA-256.
 * Records keep their ids, so links and briefs still point at what they pointed at. An article already in the
 * notebook (same id or same original bytes) is reported as a duplicate and left as it is.
 */
export async function importNotebookJson(ctx: ServiceContext, file: { name: string; bytes: Uint8Array }): Promise<ImportResult[]> {
  const parsed = parseExport(file)
  if ('error' in parsed) return [{ name: file.name, status: 'failed', reason: parsed.error }]
  const data = parsed.data
  const now = ctx.now()
  const index = ctx.store.index

  const registryIds = new Map<string, string>()
  const newSources: RegistryEntry[] = []
  for (const s of data.sources) {
    const same = index.sources.find((x) => x.id === s.id) ?? index.sources.find((x) => norm(x.name) === norm(s.name)) ?? newSources.find((x) => norm(x.name) === norm(s.name))
    if (same) registryIds.set(s.id, same.id)
    else {
      newSources.push(s)
      registryIds.set(s.id, s.id)
    }
  }

  const results: ImportResult[] = []
  const metas: ArticleMeta[] = []
  const writes: Array<Promise<void>> = []
  for (const a of data.articles) {
    const label = `${file.name}: “${a.meta.title}”`
    const existing = index.articles.find((x) => x.id === a.meta.id || x.provenance.sha256 === a.meta.provenance.sha256)
    if (existing || metas.some((m) => m.id === a.meta.id)) {
      results.push({ name: label, status: 'duplicate', article: existing ?? metas.find((m) => m.id === a.meta.id)! })
      continue
    }
    let article: { meta: ArticleMeta; doc: DocJson; notes: string; annotations: Annotation[] }
    try {
      article = cleanArticle(a, registryIds, now)
    } catch (err) {
      results.push({ name: label, status: 'failed', reason: `${label} could not be imported: ${(err as Error).message}` })
      continue
    }
    if (a.original !== null) {
      const bytes = new Uint8Array(Buffer.from(a.original, 'base64'))
      if (sha256Hex(bytes) !== a.meta.provenance.sha256) {
        results.push({ name: label, status: 'failed', reason: `${label} was not imported: its original bytes do not match the SHA-256 recorded for them, so the file was altered after export.` })
        continue
      }
      writes.push(ctx.store.writeOriginal(a.meta.provenance.sha256, bytes))
    }
    writes.push(ctx.store.createArticleFile({ schemaVersion: SCHEMA_VERSION, id: article.meta.id, doc: article.doc, notes: article.notes, annotations: article.annotations, trash: [], dismissedSuggestions: a.dismissedSuggestions }))
    metas.push(article.meta)
    results.push({ name: label, status: 'imported', article: article.meta })
  }
  await Promise.all(writes)

  const articleIds = new Set([...index.articles.map((x) => x.id), ...metas.map((m) => m.id)])
  const links: Link[] = data.links.filter((l) => articleIds.has(l.from.articleId) && articleIds.has(l.to.articleId) && !index.links.some((x) => x.id === l.id))
  const briefs: Brief[] = data.briefs
    .filter((b) => !index.briefs.some((x) => x.id === b.id))
    .map((b) => ({ ...b, judgments: b.judgments ? sanitizeHtml(b.judgments) : '', items: b.items.filter((i) => articleIds.has(i.articleId)) }))
  const tags: string[] = []
  const addTag = (t: string) => {
    if (t.trim() && !index.tags.includes(t) && !tags.includes(t)) tags.push(t)
  }
  data.tags.forEach(addTag)
  for (const a of data.articles) for (const x of a.annotations) x.tags.forEach(addTag)

  if (metas.length || newSources.length || links.length || briefs.length || tags.length) {
    await ctx.store.updateIndex((ix) => {
      ix.articles.push(...metas)
      ix.sources.push(...newSources)
      ix.links.push(...links)
      ix.briefs.push(...briefs)
      ix.tags.push(...tags)
    })
  }
  if (results.length === 0) return [{ name: file.name, status: 'failed', reason: `"${file.name}" is a notebook export with no articles in it; nothing was imported.` }]
  return results
}

function parseExport(file: { name: string; bytes: Uint8Array }): { data: NotebookExport } | { error: string } {
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes))
  } catch {
    return { error: `"${file.name}" is not valid JSON; export the notebook again and import the new file.` }
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return { error: `"${file.name}" was exported by a newer version of Intel Notebook; update the app to import it.` }
  }
  const result = NotebookExportSchema.safeParse(raw)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    return { error: `"${file.name}" is not a valid Intel Notebook export (${issue?.message ?? 'unexpected content'}${where}); nothing was imported.` }
  }
  return { data: result.data }
}

function cleanArticle(a: NotebookExport['articles'][number], registryIds: ReadonlyMap<string, string>, now: string) {
  const recordIds = new Set(a.annotations.map((x) => x.id))
  const doc = cleanDoc(a.doc, recordIds)
  let node
  try {
    node = docFromJson(doc)
  } catch (err) {
    throw new Error(`its text does not fit the article schema (${(err as Error).message})`)
  }
  const annotations = a.annotations.map((x): Annotation => {
    const note = x.note ? sanitizeHtml(x.note) : ''
    if (x.kind === 'source') return { ...x, note, registryId: x.registryId ? (registryIds.get(x.registryId) ?? null) : null }
    return { ...x, note }
  })
  // Only an export whose records disagree with its marks is changed here; a faithful export passes untouched.
  const reconciled = reconcileAnnotations(node, annotations, now).annotations
  // The article URL is opened outside the app and written into exports as a link: web addresses only.
  const url = /^https?:\/\/\S+$/i.test(a.meta.url.trim()) ? a.meta.url.trim() : ''
  const meta: ArticleMeta = { ...a.meta, url, counts: countKinds(reconciled.filter((x) => !x.orphaned)) }
  return { meta, doc: node.toJSON() as DocJson, notes: a.notes ? sanitizeHtml(a.notes) : '', annotations: reconciled }
}

/** Drops links whose address is not http, https or mailto, and annotation marks that have no record. */
function cleanDoc(json: DocJson, recordIds: ReadonlySet<string>): DocJson {
  const visit = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    const n = { ...(node as Record<string, unknown>) }
    if (Array.isArray(n.marks)) {
      const marks = (n.marks as Array<{ type?: string; attrs?: Record<string, unknown> }>).flatMap((m) => {
        if (m.type === 'link') {
          const href = safeUrl(typeof m.attrs?.href === 'string' ? m.attrs.href : null)
          return href ? [{ ...m, attrs: { ...m.attrs, href } }] : []
        }
        if ((ANNOTATION_MARK_NAMES as readonly string[]).includes(m.type ?? '')) {
          const id = m.attrs?.id
          return typeof id === 'string' && recordIds.has(id) ? [m] : []
        }
        return [m]
      })
      if (marks.length) n.marks = marks
      else delete n.marks
    }
    if (Array.isArray(n.content)) n.content = n.content.map(visit)
    return n
  }
  return visit(json) as DocJson
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
