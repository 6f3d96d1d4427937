import { NotebookStore, type OpenOptions } from '../../../../src-main/core/store/notebook-store'
import { SCHEMA_VERSION, type ArticleFile } from '../../../../src-main/shared/model/notebook'
import type { ArticleMeta } from '../../../../src-main/shared/model/article'
import { newId } from '../../../../src-main/shared/model/ids'

/** Tests write without the spacing between writes of one file, so they run at disk speed. */
export const NO_SPACING = { article: 0, index: 0 }

export function openStore(dir: string, options: Partial<OpenOptions> = {}): Promise<NotebookStore> {
  return NotebookStore.open(dir, { holder: 'test', spacing: NO_SPACING, ...options })
}

export function fakeMeta(id: string, title = 'T'): ArticleMeta {
  const now = new Date().toISOString()
  return {
    id,
    title,
    outlet: '',
    byline: '',
    publishedAt: '',
    url: '',
    language: '',
    excerpt: '',
    createdAt: now,
    updatedAt: now,
    provenance: { origin: 'paste', name: 'x', sha256: '0'.repeat(64), importedAt: now, mediaType: 'text/plain', byteLength: 1 },
    counts: { claim: 0, source: 0, question: 0 },
  }
}

export function articleFile(id: string, text = 'Body text', notes = ''): ArticleFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    notes,
    annotations: [],
    trash: [],
    dismissedSuggestions: [],
  }
}

/** Adds articles the way the services do: the file, then its line in the index. */
export async function addArticles(store: NotebookStore, titles: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const title of titles) {
    const id = newId('article')
    ids.push(id)
    await Promise.all([store.createArticleFile(articleFile(id, `${title} first line`)), store.updateIndex((ix) => void ix.articles.push(fakeMeta(id, title)))])
  }
  return ids
}

/** The five ways a file is found damaged: what a crash, a full disk or a stray editor leave behind. */
export const DAMAGE: ReadonlyArray<[name: string, bytes: string]> = [
  ['empty', ''],
  ['truncated', '{"schemaVersion": 1, "id": "art_'],
  ['NUL-filled', '\u0000'.repeat(512)],
  ['of the wrong schema', '{"schemaVersion": 1, "hello": "world"}'],
  ['not JSON at all', 'PK\u0003\u0004 this is a zip file'],
]
