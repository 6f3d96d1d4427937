import type { ArticleMeta } from '../../shared/model/article'
import type { ArticleFile } from '../../shared/model/notebook'
import type { RegistryEntry } from '../../shared/model/source'
import type { SearchQuery, SearchResponse } from '../../shared/model/search'

/** Messages from the main thread to the search worker, handled strictly in order. */
export type ToWorker =
  | { type: 'build'; root: string }
  | { type: 'upsert'; meta: ArticleMeta; file: Pick<ArticleFile, 'doc' | 'notes' | 'annotations'> }
  | { type: 'remove'; id: string }
  | { type: 'registry'; entries: Array<Pick<RegistryEntry, 'id' | 'name' | 'reliability'>> }
  | { type: 'query'; id: number; query: SearchQuery }
  /** Answered with 'closed' once the cache being written, if any, is on disk. */
  | { type: 'close' }

export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'built'; articles: number; ms: number; skipped: string[]; fromCache: boolean; reindexed: number }
  | { type: 'closed' }
  | { type: 'result'; id: number; response: SearchResponse }
  | { type: 'error'; id: number | null; message: string }

/** What the worker starts with: the data key of a protected notebook, or null for a plain one. */
export interface SearchWorkerData {
  key: { generation: Uint8Array; key: Uint8Array } | null
}
