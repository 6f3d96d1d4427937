import { join } from 'node:path'

/**
 * The notebook is a folder, sized for a whole career: a small index read at startup, and one file per article
 * so that a save after one edit rewrites only that article.
 */
export const INDEX_FILE = 'notebook.json'
export const ARTICLES_DIR = 'articles'
export const ORIGINALS_DIR = 'originals'
export const BACKUPS_DIR = 'backups'
export const LOCK_FILE = '.lock'

export function notebookLayout(root: string) {
  return {
    root,
    index: join(root, INDEX_FILE),
    articlesDir: join(root, ARTICLES_DIR),
    article: (id: string) => join(root, ARTICLES_DIR, `${id}.json`),
    originalsDir: join(root, ORIGINALS_DIR),
    original: (sha256: string) => join(root, ORIGINALS_DIR, sha256),
    backupsDir: join(root, BACKUPS_DIR),
    lock: join(root, LOCK_FILE),
  }
}
export type NotebookLayout = ReturnType<typeof notebookLayout>
