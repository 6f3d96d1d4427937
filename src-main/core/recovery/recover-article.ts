import { ArticleFileSchema, type ArticleFile } from '../../shared/model/notebook'
import { syncDir } from '../store/atomic-write'
import { DamagedFileError } from '../errors'
import type { FsOps } from '../store/fs-ops'
import { NotebookFile, type StoredFile } from '../store/file-codecs'
import type { NotebookLayout } from '../store/layout'
import type { Migration } from '../store/migrations'
import { describeWhen, type BackupInfo } from '../backup/backup-list'
import { moveAside } from './move-aside'
import { newestValidCopy } from './backup-copies'

export type ArticleProblem = { kind: 'damaged'; detail: string } | { kind: 'missing' }

export interface ArticleRecovery {
  /** The restored file, or null when no backup held a readable copy. */
  file: StoredFile<ArticleFile> | null
  backup: BackupInfo | null
  movedTo: string | null
  notice: string
}

/** Reads an article file and checks that it is the article it is named for; a file holding another id is damaged. */
export async function readArticleFile(layout: NotebookLayout, id: string, options: { fs: FsOps; migrations?: readonly Migration[] }): Promise<StoredFile<ArticleFile> | null> {
  const stored = await new NotebookFile('article', layout.article(id), options).read()
  if (stored && !stored.newer && stored.data.id !== id) throw new DamagedFileError(layout.article(id), `it holds article ${stored.data.id}`)
  return stored
}

/**
 * Recovers one article file the way Zotero does its database: the damaged file is moved aside as `.damaged`, and
 * the newest backup copy that validates is put in its place. The notice says what happened, and from when.
 */
export async function recoverArticle(
  layout: NotebookLayout,
  id: string,
  problem: ArticleProblem,
  options: { fs: FsOps; migrations?: readonly Migration[]; title?: string; backups?: readonly BackupInfo[] },
): Promise<ArticleRecovery> {
  const name = options.title ? `"${options.title}"` : id
  const movedTo = problem.kind === 'damaged' ? await moveAside(layout.article(id), options.fs) : null
  const what = problem.kind === 'damaged' ? `was damaged (${problem.detail})` : 'was missing'
  const kept = movedTo ? ` The damaged file is kept as ${relative(layout.root, movedTo)}.` : ''
  const copy = await newestValidCopy(layout.root, 'article', layout.articleRel(id), options)
  if (!copy || copy.file.data.id !== id) {
    return { file: null, backup: null, movedTo, notice: `The article ${name} ${what}, and no backup holds a readable copy of it.${kept}` }
  }
  // Written from the validated data rather than copied, so what lands in the notebook is exactly what was checked.
  const data = ArticleFileSchema.parse(copy.file.data)
  await new NotebookFile('article', layout.article(id), options).write(data)
  await syncDir(layout.articlesDir, options.fs)
  return {
    file: { ...copy.file, data },
    backup: copy.backup,
    movedTo,
    notice: `The article ${name} ${what}; it was restored from the backup of ${describeWhen(copy.backup.createdAt)}, so changes to it after that are lost.${kept}`,
  }
}

function relative(root: string, path: string): string {
  return path.startsWith(root) ? path.slice(root.length).replace(/^[/\\]/, '') : path
}
