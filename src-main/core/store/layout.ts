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
/** Unsaved editor changes, written on a short debounce so a crash does not take them along. */
export const HOT_EXIT_FILE = 'hot-exit.json'
/** The suffix of a file that could not be read: kept, never overwritten, for the analyst or a specialist. */
export const DAMAGED_SUFFIX = '.damaged'
/** The SHA-256 of the index as the store last wrote it: an index that still matches it opens without a schema check. */
export const INDEX_CHECKSUM_FILE = '.notebook.json.sha256'

export function notebookLayout(root: string) {
  return {
    root,
    index: join(root, INDEX_FILE),
    indexChecksum: join(root, INDEX_CHECKSUM_FILE),
    articlesDir: join(root, ARTICLES_DIR),
    article: (id: string) => join(root, ARTICLES_DIR, `${id}.json`),
    /** The path of an article file relative to the notebook folder, as backups record it. */
    articleRel: (id: string) => `${ARTICLES_DIR}/${id}.json`,
    originalsDir: join(root, ORIGINALS_DIR),
    original: (sha256: string) => join(root, ORIGINALS_DIR, sha256),
    backupsDir: join(root, BACKUPS_DIR),
    lock: join(root, LOCK_FILE),
    hotExit: join(root, HOT_EXIT_FILE),
  }
}
export type NotebookLayout = ReturnType<typeof notebookLayout>

const ARTICLE_FILE = /^(art_[0-9a-z]{16})\.json$/

/** The article id a file in articles/ belongs to, or null for anything else (temp files, damaged copies). */
export function articleIdOfFile(name: string): string | null {
  return ARTICLE_FILE.exec(name)?.[1] ?? null
}

/** Temp files are named `.<target>.<pid>.<random>.tmp` (tempFileName; a spare made ahead is `.spare.…`); the pid tells whose they are. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/

export function tempFileOwner(name: string): number | null {
  const m = TEMP_FILE.exec(name)
  return m ? Number(m[1]) : null
}
