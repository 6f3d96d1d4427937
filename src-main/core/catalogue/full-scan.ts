import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { NotebookStore } from '../store/notebook-store'

export interface ScannedArticle {
  meta: ArticleMeta
  annotations: Annotation[]
}

/**
 * Every article's annotations, read file by file through the store: what the catalogue is built from, and what it
 * must always equal. A damaged file drops out instead of failing the whole scan; the store reports it.
 */
export async function fullScan(store: NotebookStore, only?: ReadonlySet<string>): Promise<ScannedArticle[]> {
  const out: ScannedArticle[] = []
  for (const meta of store.index.articles) {
    if (only && !only.has(meta.id)) continue
    try {
      out.push({ meta, annotations: (await store.readArticle(meta.id)).annotations })
    } catch {
      continue
    }
  }
  return out
}
