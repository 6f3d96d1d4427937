import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { Link } from '../../shared/model/link'
import type { RegistryEntry } from '../../shared/model/source'
import type { NotebookStore } from '../store/notebook-store'
import { catalogueOf, linksByAnnotation, type AnnotationLookup } from './notebook-catalogue'
import { fullScan, type ScannedArticle } from './full-scan'

/** What the views across the notebook are computed from: the articles' annotations and ways to look across them. */
export interface NotebookData {
  articles: readonly ScannedArticle[]
  lookup: AnnotationLookup
  linksOf(annotationId: string): readonly Link[]
  registry: ReadonlyMap<string, RegistryEntry>
}

/** The views' data from the catalogue kept in memory: what the services use. */
export async function catalogueData(store: NotebookStore, only?: ReadonlySet<string>): Promise<NotebookData> {
  const c = catalogueOf(store)
  const articles = await c.articles(only)
  return { articles, lookup: c, linksOf: (id) => c.linksOf(id), registry: c.registry }
}

/**
 * The same data from reading every article file now. The catalogue must always give what this gives; the
 * benchmark times the views on both, side by side.
 */
export async function scannedData(store: NotebookStore, only?: ReadonlySet<string>): Promise<NotebookData> {
  const articles = await fullScan(store, only)
  const located = new Map<string, { meta: ArticleMeta; annotation: Annotation }>()
  for (const a of articles) for (const annotation of a.annotations) located.set(annotation.id, { meta: a.meta, annotation })
  const links = linksByAnnotation(store.index.links)
  return { articles, lookup: located, linksOf: (id) => links.get(id) ?? [], registry: new Map(store.index.sources.map((s) => [s.id, s])) }
}
