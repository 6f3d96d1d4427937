import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { ArticleMeta } from '../../shared/model/article'
import { DamagedFileError, UserError } from '../errors'
import { realFs, errorCode, exists, type FsOps } from '../store/fs-ops'
import { assertReadable } from '../crypto/protection'
import { NewerFormatError, NotebookFile } from '../store/file-codecs'
import { ARTICLES_DIR, BACKUPS_DIR, DAMAGED_SUFFIX, INDEX_FILE, ORIGINALS_DIR, articleIdOfFile, notebookLayout, tempFileOwner, type NotebookLayout } from '../store/layout'
import { MIGRATIONS, targetVersion, type Migration } from '../store/migrations'
import { NotebookStore } from '../store/notebook-store'
import { acquireLock } from '../store/lock-file'
import { listBackups, describeWhen } from '../backup/backup-list'
import { eachLimited, linkOrCopy } from '../backup/durable-copy'
import { createSnapshot } from '../backup/snapshot'
import { readArticleFile } from './recover-article'
import { annotationCounts } from './article-summary'
import { metaFromFile } from './rebuild-index'

/** damage: data is unreadable or lost (non-zero exit); warning: the notebook works but something is off; info: for the record. */
export type Severity = 'damage' | 'warning' | 'info'

export interface Finding {
  severity: Severity
  /** The file concerned, relative to the notebook folder ("" for the notebook as a whole). */
  file: string
  message: string
}

export interface DoctorReport {
  root: string
  findings: Finding[]
  checked: { index: boolean; articles: number; originals: number; backups: number }
}

export interface DoctorOptions {
  fs?: FsOps
  migrations?: readonly Migration[]
}

export function hasDamage(report: DoctorReport): boolean {
  return report.findings.some((f) => f.severity === 'damage')
}

/**
 * Checks every file of a notebook without changing anything: the index, each article file (parsed and validated
 * against its schema, and against the index), the originals (re-hashed), leftovers of interrupted writes and the
 * backups. Safe to run while the app has the notebook open, since every file is replaced atomically.
 */
export async function checkNotebook(root: string, options: DoctorOptions = {}): Promise<DoctorReport> {
  const fs = options.fs ?? realFs
  await assertReadable(root, fs)
  const migrations = options.migrations ?? MIGRATIONS
  const layout = notebookLayout(root)
  const findings: Finding[] = []
  const report: DoctorReport = { root, findings, checked: { index: false, articles: 0, originals: 0, backups: 0 } }
  const add = (severity: Severity, file: string, message: string) => findings.push({ severity, file, message })
  if (!(await exists(root, fs))) {
    add('damage', '', `There is no folder at ${root}.`)
    return report
  }

  let articles: ArticleMeta[] | null = null
  try {
    const stored = await new NotebookFile('index', layout.index, { fs, migrations }).read()
    report.checked.index = true
    if (!stored) {
      const files = await articleFileIds(layout, fs)
      const backups = await listBackups(root, fs)
      if (files.length || backups.length) add('damage', INDEX_FILE, `The index is missing while ${files.length} article files and ${backups.length} backups remain; "doctor --repair" rebuilds it.`)
      else add('damage', '', 'This folder holds no notebook.')
    } else {
      articles = stored.data.articles
      if (stored.newer) add('info', INDEX_FILE, 'Written by a newer version of Intel Notebook: this version opens it read-only.')
      else if (stored.fromVersion < targetVersion(migrations)) add('info', INDEX_FILE, `In format ${stored.fromVersion}; it will be upgraded (after a backup) when the notebook is next opened for writing.`)
    }
  } catch (err) {
    if (err instanceof NewerFormatError) add('info', INDEX_FILE, err.message)
    else if (err instanceof DamagedFileError) add('damage', INDEX_FILE, `Damaged: ${err.detail}. "doctor --repair" moves it aside and rebuilds it from the newest backup and the article files.`)
    else throw err
  }

  const onDisk = new Set(await articleFileIds(layout, fs))
  if (articles) {
    await eachLimited(articles, 8, async (meta) => {
      const rel = layout.articleRel(meta.id)
      report.checked.articles++
      if (!onDisk.has(meta.id)) {
        add('damage', rel, `Missing: the article "${meta.title}" is listed in the index but its file is gone.`)
        return
      }
      try {
        const stored = await readArticleFile(layout, meta.id, { fs, migrations })
        if (!stored || stored.newer) return
        const counts = annotationCounts(stored.data)
        if (counts.claim !== meta.counts.claim || counts.source !== meta.counts.source || counts.question !== meta.counts.question) {
          add('warning', rel, `The library's annotation counts for "${meta.title}" are out of date.`)
        }
      } catch (err) {
        if (err instanceof DamagedFileError) add('damage', rel, `Damaged: ${err.detail} (article "${meta.title}").`)
        else if (err instanceof NewerFormatError) add('info', rel, 'Written by a newer version of Intel Notebook.')
        else throw err
      }
    })
    const listed = new Set(articles.map((a) => a.id))
    for (const id of onDisk) {
      if (!listed.has(id)) add('warning', layout.articleRel(id), 'Not listed in the index, so the library does not show it; "doctor --repair" adds it.')
    }
    await checkOriginals(layout, articles, fs, report, add)
  } else {
    // Without a readable index the article files are still checked one by one: they are what a rebuild starts from.
    await eachLimited([...onDisk], 8, async (id) => {
      const rel = layout.articleRel(id)
      report.checked.articles++
      try {
        await readArticleFile(layout, id, { fs, migrations })
      } catch (err) {
        if (err instanceof DamagedFileError) add('damage', rel, `Damaged: ${err.detail}.`)
        else if (err instanceof NewerFormatError) add('info', rel, 'Written by a newer version of Intel Notebook.')
        else throw err
      }
    })
  }

  for (const [dir, rel] of [
    [root, ''],
    [layout.articlesDir, `${ARTICLES_DIR}/`],
    [layout.originalsDir, `${ORIGINALS_DIR}/`],
  ] as const) {
    for (const name of await names(dir, fs)) {
      if (tempFileOwner(name) !== null) add('warning', rel + name, 'A temporary file left by an interrupted save; the file it was replacing is intact. "doctor --repair" removes it.')
      else if (name.endsWith(DAMAGED_SUFFIX)) add('info', rel + name, 'A damaged file kept from an earlier recovery; delete it once you no longer need it.')
    }
  }

  const backups = await listBackups(root, fs)
  report.checked.backups = backups.length
  const dirs = (await names(layout.backupsDir, fs)).filter((n) => !n.startsWith('.'))
  for (const d of dirs) if (!backups.some((b) => b.id === d)) add('warning', `${BACKUPS_DIR}/${d}`, 'A backup folder without a valid manifest; it is never used for recovery.')
  if (backups.length === 0) add('warning', BACKUPS_DIR, 'There are no backups yet; the app takes one at each launch.')
  else add('info', BACKUPS_DIR, `${backups.length} backup${backups.length === 1 ? '' : 's'}; the newest is from ${describeWhen(backups[0]!.createdAt)}.`)
  if (await exists(layout.hotExit, fs)) add('info', 'hot-exit.json', 'Unsaved edits from a session that ended abruptly; the app applies them when it next opens the notebook.')
  const rank = { damage: 0, warning: 1, info: 2 }
  findings.sort((x, y) => rank[x.severity] - rank[y.severity] || x.file.localeCompare(y.file))
  return report
}

export interface RepairResult {
  before: DoctorReport
  /** What was done, in the words the app uses for its notices. */
  actions: string[]
  after: DoctorReport
}

/**
 * Repairs a notebook the way the app recovers on open: a damaged or missing index is moved aside and rebuilt,
 * damaged or missing article files are restored from the newest backup that validates, unlisted article files are
 * added to the library, counts are refreshed, missing originals are brought back from backups, and leftovers of
 * interrupted writes are removed. Nothing unreadable is deleted. Takes the notebook's lock, so the app must be closed.
 */
export async function repairNotebook(root: string, options: DoctorOptions & { holder: string }): Promise<RepairResult> {
  const fs = options.fs ?? realFs
  const before = await checkNotebook(root, options)
  const actions: string[] = []
  // Refuse at once while another process holds the notebook, before anything is written, backups included.
  await (await acquireLock(notebookLayout(root).lock, options.holder))()
  if (hasDamage(before) || before.findings.some((f) => f.severity === 'warning')) {
    const backup = await createSnapshot(root, { reason: 'before-repair', fs, skipIfUnchanged: true })
    if (backup) actions.push(`Took backup ${backup.id} of the notebook as it was before the repair.`)
  }
  const store = await NotebookStore.open(root, { holder: options.holder, fs, migrations: options.migrations, onNotice: (n) => actions.push(n) })
  try {
    if (store.readOnly) throw new UserError('This notebook was written by a newer version of Intel Notebook; repair it with that version.')
    const layout = store.layout
    for (const meta of [...store.index.articles]) {
      try {
        const file = await store.readArticle(meta.id)
        const counts = annotationCounts(file)
        if (counts.claim !== meta.counts.claim || counts.source !== meta.counts.source || counts.question !== meta.counts.question) {
          await store.updateIndex((ix) => {
            const m = ix.articles.find((a) => a.id === meta.id)
            if (m) m.counts = counts
          })
          actions.push(`Refreshed the annotation counts of "${meta.title}".`)
        }
      } catch (err) {
        if (!(err instanceof UserError)) throw err
      }
    }
    const listed = new Set(store.index.articles.map((a) => a.id))
    for (const id of await articleFileIds(layout, fs)) {
      if (listed.has(id)) continue
      try {
        const stored = await readArticleFile(layout, id, { fs, migrations: options.migrations })
        if (!stored || stored.newer) continue
        const st = await fs.stat(layout.article(id))
        const meta = await metaFromFile(layout, stored.data, new Date(st.mtimeMs), fs)
        await store.updateIndex((ix) => void ix.articles.push(meta))
        actions.push(`Added the unlisted article file ${layout.articleRel(id)} to the library as "${meta.title}".`)
      } catch (err) {
        if (!(err instanceof DamagedFileError)) throw err
        actions.push(`Left the unlisted article file ${layout.articleRel(id)} alone: it is damaged too (${err.detail}).`)
      }
    }
    actions.push(...(await restoreMissingOriginals(layout, store.index.articles, fs)))
    await store.flush()
  } finally {
    await store.close()
  }
  const after = await checkNotebook(root, options)
  return { before, actions, after }
}

async function checkOriginals(
  layout: NotebookLayout,
  articles: readonly ArticleMeta[],
  fs: FsOps,
  report: DoctorReport,
  add: (s: Severity, f: string, m: string) => void,
): Promise<void> {
  const present = new Set((await names(layout.originalsDir, fs)).filter((n) => /^[0-9a-f]{64}$/.test(n)))
  await eachLimited([...present], 4, async (sha) => {
    report.checked.originals++
    if ((await hashFile(layout.original(sha), fs)) !== sha) add('damage', `${ORIGINALS_DIR}/${sha}`, 'Its bytes no longer match its SHA-256: the original of an import is damaged.')
  })
  const missing = new Map<string, string>()
  for (const a of articles) if (!present.has(a.provenance.sha256)) missing.set(a.provenance.sha256, a.title)
  for (const [sha, title] of missing) add('damage', `${ORIGINALS_DIR}/${sha}`, `Missing: the original file of "${title}" is gone, so its provenance cannot be checked.`)
}

async function restoreMissingOriginals(layout: NotebookLayout, articles: readonly ArticleMeta[], fs: FsOps): Promise<string[]> {
  const present = new Set(await names(layout.originalsDir, fs))
  const wanted = [...new Set(articles.map((a) => a.provenance.sha256))].filter((sha) => !present.has(sha))
  if (wanted.length === 0) return []
  const backups = await listBackups(layout.root, fs)
  const actions: string[] = []
  for (const sha of wanted) {
    for (const b of backups) {
      const copy = join(b.dir, ORIGINALS_DIR, sha)
      if (!(await exists(copy, fs)) || (await hashFile(copy, fs)) !== sha) continue
      await linkOrCopy(copy, layout.original(sha), fs)
      actions.push(`Restored the missing original ${sha.slice(0, 12)}… from backup ${b.id}.`)
      break
    }
  }
  return actions
}

/** Read through the notebook's file system, so a protected notebook's originals are hashed as their plain bytes. */
async function hashFile(path: string, fs: FsOps): Promise<string> {
  return createHash('sha256').update(await fs.readFile(path)).digest('hex')
}

async function articleFileIds(layout: NotebookLayout, fs: FsOps): Promise<string[]> {
  return (await names(layout.articlesDir, fs)).map(articleIdOfFile).filter((id): id is string => id !== null)
}

async function names(dir: string, fs: FsOps): Promise<string[]> {
  try {
    return await fs.readdir(dir)
  } catch (err) {
    if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') return []
    throw err
  }
}
