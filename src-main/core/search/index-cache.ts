import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { ANNOTATION_KINDS } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import { atomicWrite } from '../store/atomic-write'
import { errorCode, realFs, type FsOps } from '../store/fs-ops'
import { hashText } from './doc-table'
import { INDEX_SCHEME, type IndexSnapshot } from './search-index'

/**
 * The search index as last built, kept in the notebook folder so the next start (the CLI's above all, which would
 * otherwise index the whole notebook on every run) reads it back instead of reading and indexing every article.
 * It is a cache: each article in it carries the fingerprint of its file and metadata when it was read, and only
 * articles whose fingerprint still matches are taken from it; the others are read again. A cache that fails any
 * check (its checksum, its shape, another notebook or another index scheme) is discarded whole, never half used.
 *
 * Layout: one header line of JSON (format, scheme, notebook id, body length and SHA-256), then the body, one record
 * per line: `F<TAB>key<TAB>data` for each chunk of FlexSearch's export, `A<TAB>json` for each article.
 */
export const SEARCH_CACHE_FILE = 'search-index.cache'
const FORMAT = 1

export function searchCachePath(root: string): string {
  return join(root, SEARCH_CACHE_FILE)
}

export interface CachedIndex {
  snapshot: IndexSnapshot
  /** Article id to the fingerprint it had when it was indexed. */
  fingerprints: Map<string, string>
}

/** What an article's entry in the cache depends on: its file (a new inode on every atomic write) and its metadata. */
export async function articleFingerprint(meta: ArticleMeta, file: string, fs: FsOps = realFs): Promise<string> {
  const st = await fs.stat(file, { bigint: true })
  const fields = hashText(JSON.stringify([meta.title, meta.outlet, meta.byline, meta.publishedAt, meta.url, meta.excerpt]))
  return `${st.ino}:${st.size}:${st.mtimeNs}:${fields}`
}

export async function saveSearchCache(root: string, notebookId: string, snapshot: IndexSnapshot, fingerprints: ReadonlyMap<string, string>, fs: FsOps = realFs): Promise<void> {
  const body: Buffer[] = []
  for (const [key, data] of snapshot.flex) body.push(Buffer.from(`F\t${key}\t${data}\n`))
  body.push(Buffer.from(`D\t${snapshot.docCount}\n`))
  for (const a of snapshot.articles) {
    // An article main sent while the build ran has no fingerprint: it is read again next time.
    const record: CachedArticle = { ...a, fingerprint: fingerprints.get(a.article.id) ?? '' }
    body.push(Buffer.from(`A\t${JSON.stringify(record)}\n`))
  }
  const hash = createHash('sha256')
  let length = 0
  for (const b of body) {
    hash.update(b)
    length += b.byteLength
  }
  const header: Header = { format: FORMAT, scheme: INDEX_SCHEME, notebookId, length, sha256: hash.digest('hex') }
  await atomicWrite(searchCachePath(root), [Buffer.from(`${JSON.stringify(header)}\n`), ...body], fs)
}

/** The cache of this notebook, or null when there is none or it cannot be trusted (then it is removed). */
export async function loadSearchCache(root: string, notebookId: string, fs: FsOps = realFs): Promise<CachedIndex | null> {
  const path = searchCachePath(root)
  let bytes: Buffer
  try {
    bytes = await fs.readFile(path)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null
    await fs.unlink(path).catch(() => {})
    return null
  }
  const cached = parseCache(bytes, notebookId)
  if (!cached) await fs.unlink(path).catch(() => {})
  return cached
}

export function parseCache(bytes: Buffer, notebookId: string): CachedIndex | null {
  try {
    const end = bytes.indexOf(0x0a)
    if (end === -1) return null
    const header = HeaderSchema.parse(JSON.parse(bytes.subarray(0, end).toString('utf8')))
    const body = bytes.subarray(end + 1)
    if (header.format !== FORMAT || header.scheme !== INDEX_SCHEME || header.notebookId !== notebookId) return null
    if (body.byteLength !== header.length || createHash('sha256').update(body).digest('hex') !== header.sha256) return null
    const snapshot: IndexSnapshot = { flex: [], docCount: -1, articles: [] }
    const fingerprints = new Map<string, string>()
    const used = new Set<number>()
    for (const line of body.toString('utf8').split('\n')) {
      if (!line) continue
      const tab = line.indexOf('\t')
      const kind = line.slice(0, tab)
      const rest = line.slice(tab + 1)
      if (kind === 'F') {
        const sep = rest.indexOf('\t')
        if (sep === -1) return null
        snapshot.flex.push([rest.slice(0, sep), rest.slice(sep + 1)])
      } else if (kind === 'D') {
        snapshot.docCount = Number(rest)
      } else if (kind === 'A') {
        const a = CachedArticleSchema.parse(JSON.parse(rest))
        // Every document id below the count, once, and one per annotation: anything else is not this index.
        const ids = [a.doc, ...a.annotationDocs]
        if (a.annotationDocs.length !== a.article.annotations.length || a.hashes.length !== ids.length) return null
        for (const id of ids) {
          if (id >= snapshot.docCount || used.has(id)) return null
          used.add(id)
        }
        if (fingerprints.has(a.article.id)) return null
        fingerprints.set(a.article.id, a.fingerprint)
        snapshot.articles.push({ article: a.article, doc: a.doc, annotationDocs: a.annotationDocs, hashes: a.hashes })
      } else return null
    }
    if (!Number.isSafeInteger(snapshot.docCount) || snapshot.docCount < 0) return null
    return { snapshot, fingerprints }
  } catch {
    return null
  }
}

const HeaderSchema = z.object({ format: z.number(), scheme: z.string(), notebookId: z.string(), length: z.number().int().nonnegative(), sha256: z.string() })
type Header = z.infer<typeof HeaderSchema>

const docId = z.number().int().nonnegative()

const SearchAnnotationSchema = z.object({
  id: z.string(),
  kind: z.enum(ANNOTATION_KINDS),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  status: z.string(),
  credibility: z.string(),
  reliability: z.string(),
  registryId: z.string().nullable(),
  sourceIds: z.array(z.string()),
  extra: z.string(),
})

const SearchArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string(),
  byline: z.string(),
  publishedAt: z.string(),
  url: z.string(),
  excerpt: z.string(),
  notes: z.string(),
  text: z.string(),
  annotations: z.array(SearchAnnotationSchema),
})

const CachedArticleSchema = z.object({
  fingerprint: z.string(),
  doc: docId,
  annotationDocs: z.array(docId),
  hashes: z.array(z.number()),
  article: SearchArticleSchema,
})
type CachedArticle = z.infer<typeof CachedArticleSchema>
