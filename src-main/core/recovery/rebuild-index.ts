import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { ArticleMeta } from '../../shared/model/article'
import { newId } from '../../shared/model/ids'
import type { ArticleFile, IndexFile } from '../../shared/model/notebook'
import { DamagedFileError } from '../errors'
import { atomicWrite } from '../store/atomic-write'
import { errorCode, exists, type FsOps } from '../store/fs-ops'
import { INDEX_FILE, articleIdOfFile, type NotebookLayout } from '../store/layout'
import { targetVersion, type Migration } from '../store/migrations'
import { listBackups, describeWhen, type BackupInfo } from '../backup/backup-list'
import { sameStamp } from '../backup/manifest'
import { eachLimited } from '../backup/durable-copy'
import { newestValidCopy } from './backup-copies'
import { readArticleFile, recoverArticle } from './recover-article'
import { annotationCounts, annotationTags, docText, firstLine } from './article-summary'

export type IndexProblem = { kind: 'missing' } | { kind: 'damaged'; detail: string; movedTo: string }

export interface IndexRecovery {
  index: IndexFile
  backup: BackupInfo | null
  /** What the analyst is told: what was wrong, what the index was rebuilt from, and what could not come back. */
  notices: string[]
}

/**
 * Rebuilds a lost or damaged index from what survives: the newest backup whose index validates gives the notebook's
 * details, the article list, the source registry, tags, links and briefs; the article files on disk say which
 * articles exist now. Articles unchanged since that backup keep their entry as is; changed ones get fresh counts;
 * articles the backup never saw get an entry built from their own file. The article files are the truth about what
 * exists, so an article deleted after the backup is not brought back (the backup still holds it).
 */
export async function rebuildIndex(
  layout: NotebookLayout,
  problem: IndexProblem,
  options: { fs: FsOps; migrations?: readonly Migration[]; now?: () => Date },
): Promise<IndexRecovery> {
  const { fs } = options
  const now = (options.now ?? (() => new Date()))()
  const backups = await listBackups(layout.root, fs)
  const copy = await newestValidCopy(layout.root, 'index', INDEX_FILE, { fs, migrations: options.migrations, backups })
  const base = copy?.file.data ?? null
  const stamps = copy?.backup.manifest.files ?? {}
  const known = new Map((base?.articles ?? []).map((a) => [a.id, a]))
  const ids = await liveArticleIds(layout, fs)
  const notices: string[] = []
  const metas = new Map<string, ArticleMeta>()
  const tags = new Set(base?.tags ?? [])
  const guessed: string[] = []
  const unreadable: string[] = []

  await eachLimited(ids, 8, async (id) => {
    const meta = known.get(id)
    const st = await fs.stat(layout.article(id))
    if (meta && sameStamp(stamps[layout.articleRel(id)], { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino })) {
      metas.set(id, meta)
      return
    }
    let file: ArticleFile | null = null
    try {
      const stored = await readArticleFile(layout, id, options)
      if (stored?.newer && meta) metas.set(id, meta)
      file = stored && !stored.newer ? stored.data : null
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      const recovered = await recoverArticle(layout, id, { kind: 'damaged', detail: err.detail }, { ...options, title: meta?.title, backups })
      notices.push(recovered.notice)
      file = recovered.file?.data ?? null
      if (!file) unreadable.push(id)
    }
    if (!file) return
    for (const t of annotationTags(file)) tags.add(t)
    if (meta) {
      metas.set(id, { ...meta, counts: annotationCounts(file) })
      return
    }
    metas.set(id, await metaFromFile(layout, file, new Date(st.mtimeMs), fs))
    guessed.push(id)
  })

  const order = [...(base?.articles ?? []).map((a) => a.id), ...[...metas.keys()].filter((id) => !known.has(id)).sort()]
  const articles = order.filter((id) => metas.has(id)).map((id) => metas.get(id)!)
  const live = new Set(articles.map((a) => a.id))
  const dropped = (base?.articles ?? []).filter((a) => !live.has(a.id) && !unreadable.includes(a.id)).length
  const index: IndexFile = {
    schemaVersion: targetVersion(options.migrations),
    notebook: base?.notebook ?? { id: newId('notebook'), name: basename(layout.root) || 'Notebook', createdAt: earliest(articles, now) },
    articles,
    sources: base?.sources ?? [],
    tags: [...tags],
    links: (base?.links ?? []).filter((l) => live.has(l.from.articleId) && live.has(l.to.articleId)),
    briefs: (base?.briefs ?? []).map((b) => ({ ...b, items: b.items.filter((i) => live.has(i.articleId)) })),
  }

  const n = articles.length
  const files = `${n.toLocaleString('en-GB')} article file${n === 1 ? '' : 's'} on disk`
  const what = problem.kind === 'damaged' ? `The notebook index was damaged (${problem.detail}); it was moved aside as ${basename(problem.movedTo)} and` : `The notebook index was missing, so it was`
  if (copy) {
    notices.unshift(`${what} rebuilt from the backup of ${describeWhen(copy.backup.createdAt)} and the ${files}.`)
    if (guessed.length === 1) notices.push('1 article was added after that backup; its title was taken from its first line, so check its details.')
    if (guessed.length > 1) notices.push(`${guessed.length} articles were added after that backup; their titles were taken from their first line, so check their details.`)
    if (dropped) notices.push(`${dropped} article${dropped === 1 ? '' : 's'} listed in that backup no longer had a file (probably deleted since) and ${dropped === 1 ? 'was' : 'were'} left out; restore backup ${copy.backup.id} to bring ${dropped === 1 ? 'it' : 'them'} back.`)
  } else {
    notices.unshift(
      `${what} rebuilt from the ${files}. No backup was available, so titles were taken from each article's first line, and the source registry, links and briefs could not be recovered.`,
    )
  }
  return { index, backup: copy?.backup ?? null, notices }
}

async function liveArticleIds(layout: NotebookLayout, fs: FsOps): Promise<string[]> {
  try {
    return (await fs.readdir(layout.articlesDir)).map(articleIdOfFile).filter((id): id is string => id !== null)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return []
    throw err
  }
}

/**
 * An index entry for an article the surviving index never listed. Its title comes from its text; its provenance
 * says honestly that it was recovered, and the recovered text is kept as its original so the entry's hash is true.
 */
export async function metaFromFile(layout: NotebookLayout, file: ArticleFile, modified: Date, fs: FsOps): Promise<ArticleMeta> {
  const text = docText(file.doc)
  const bytes = Buffer.from(text, 'utf8')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const path = layout.original(sha256)
  if (!(await exists(path, fs))) {
    await fs.mkdir(layout.originalsDir, { recursive: true })
    await atomicWrite(path, bytes, fs)
  }
  const at = modified.toISOString()
  return {
    id: file.id,
    title: firstLine(file.doc) || 'Recovered article',
    outlet: '',
    byline: '',
    publishedAt: '',
    url: '',
    language: '',
    excerpt: '',
    createdAt: at,
    updatedAt: at,
    provenance: { origin: 'paste', name: 'Recovered from its article file after the notebook index was lost', sha256, importedAt: at, mediaType: 'text/plain', byteLength: bytes.byteLength },
    counts: annotationCounts(file),
  }
}

function earliest(articles: readonly ArticleMeta[], now: Date): string {
  let min = now.toISOString()
  for (const a of articles) if (a.createdAt < min) min = a.createdAt
  return min
}
