import type { ArticleMeta } from '../../shared/model/article'
import type { ArticleFile } from '../../shared/model/notebook'
import type { RegistryEntry } from '../../shared/model/source'
import type { SearchQuery, SearchResponse } from '../../shared/model/search'

/** Messages from main to the search worker (a thread, or a process of its own), handled strictly in order. */
export type ToWorker =
  /**
   * The first message: the notebook to index and, for a protected one, its data key. The key travels only in this
   * message, never in a worker's arguments or environment, which other processes and crash reports can read.
   */
  | { type: 'build'; root: string; key: SearchWorkerKey | null }
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

/** The data key of a protected notebook, under which the worker reads the notebook and seals its cache. */
export interface SearchWorkerKey {
  generation: Uint8Array
  key: Uint8Array
}
