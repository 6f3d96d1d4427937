import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { Link } from '../../shared/model/link'
import type { RegistryEntry } from '../../shared/model/source'
import type { NotebookStore, StoreChange } from '../store/notebook-store'
import { eachLimited } from '../backup/durable-copy'
import type { ScannedArticle } from './full-scan'

export interface Located {
  meta: ArticleMeta
  annotation: Annotation
}

/** Finds an annotation anywhere in the notebook by its id. */
export interface AnnotationLookup {
  get(annotationId: string): Located | undefined
}

/** What is derived from the index alone, rebuilt on the first read after the index changes. */
interface IndexViews {
  metas: Map<string, ArticleMeta>
  registry: Map<string, RegistryEntry>
  links: Map<string, Link[]>
}

/**
 * Every annotation of the notebook in memory, with where it stands, so the ledger, the registry, the question
 * tracker and brief filters answer without reading 10,000 article files per request.
 * It is built once, on first use (the app starts it after the first screen), and from then on follows the store's
 * change events: every write of an article or of the index passes through the store, so no service can change the
 * notebook behind its back. Article metadata, the registry and links are read from the store's index as it is now.
 */
export class NotebookCatalogue implements AnnotationLookup {
  /** Article id → its annotations, as the store holds them (shared, never copied). */
  private readonly entries = new Map<string, Annotation[]>()
  /** Annotation id → the article holding it. */
  private readonly owner = new Map<string, string>()
  /** The annotation ids each article had when last seen, to drop them from `owner` when it changes. */
  private readonly idsOf = new Map<string, string[]>()
  /** Articles whose file could not be read; tried again after they or the index change. */
  private readonly unreadable = new Set<string>()
  private building: Promise<void> | null = null
  private indexViews: IndexViews | null = null
  private membershipChecked = false

  /** Lives as long as its store: the listener and the catalogue go with it. */
  constructor(private readonly store: NotebookStore) {
    store.onChange((change) => this.apply(change))
  }

  /** Resolves once every article listed in the index is in the catalogue. */
  async ready(): Promise<void> {
    this.building ??= this.refresh()
    await this.building
    // The index changed since (an import, a repair that listed a file again): read only what is new.
    while (!this.membershipChecked) await this.refresh()
  }

  private async refresh(): Promise<void> {
    // Set first, so an index change while the files are read asks for another pass.
    this.membershipChecked = true
    await this.loadMissing()
  }

  /** Every article with its annotations, in index order; `only` narrows it to some articles. */
  async articles(only?: ReadonlySet<string>): Promise<ScannedArticle[]> {
    await this.ready()
    const out: ScannedArticle[] = []
    for (const meta of this.store.index.articles) {
      if (only && !only.has(meta.id)) continue
      const annotations = this.entries.get(meta.id)
      if (annotations) out.push({ meta, annotations })
    }
    return out
  }

  async annotationsOf(articleId: string): Promise<Annotation[] | undefined> {
    await this.ready()
    return this.views().metas.has(articleId) ? this.entries.get(articleId) : undefined
  }

  /** Only after `ready()`: an annotation by id, with its article, or undefined when no listed article holds it. */
  get(annotationId: string): Located | undefined {
    const articleId = this.owner.get(annotationId)
    if (!articleId) return undefined
    const meta = this.views().metas.get(articleId)
    const annotation = meta && this.entries.get(articleId)?.find((a) => a.id === annotationId)
    return meta && annotation ? { meta, annotation } : undefined
  }

  async locate(annotationId: string): Promise<Located | undefined> {
    await this.ready()
    return this.get(annotationId)
  }

  /** The links touching one annotation, at either end. */
  linksOf(annotationId: string): readonly Link[] {
    return this.views().links.get(annotationId) ?? []
  }

  get registry(): ReadonlyMap<string, RegistryEntry> {
    return this.views().registry
  }

  /** How many articles and annotations it holds: for the benchmark and the status of a build. */
  get size(): { articles: number; annotations: number } {
    return { articles: this.entries.size, annotations: this.owner.size }
  }

  private apply(change: StoreChange): void {
    if (change.kind === 'index') {
      this.indexViews = null
      this.membershipChecked = false
      this.unreadable.clear()
      return
    }
    this.unreadable.delete(change.id)
    this.set(change.id, change.kind === 'article' ? change.file.annotations : null)
  }

  private set(articleId: string, annotations: Annotation[] | null): void {
    for (const id of this.idsOf.get(articleId) ?? []) if (this.owner.get(id) === articleId) this.owner.delete(id)
    if (!annotations) {
      this.entries.delete(articleId)
      this.idsOf.delete(articleId)
      return
    }
    this.entries.set(articleId, annotations)
    const ids = annotations.map((a) => a.id)
    this.idsOf.set(articleId, ids)
    for (const id of ids) this.owner.set(id, articleId)
  }

  private async loadMissing(): Promise<void> {
    const missing = this.store.index.articles.filter((m) => !this.entries.has(m.id) && !this.unreadable.has(m.id)).map((m) => m.id)
    await eachLimited(missing, 4, async (id) => {
      let annotations: Annotation[]
      try {
        // Read after the await, from the store's own object: a change made meanwhile is already in it.
        annotations = (await this.store.readArticle(id)).annotations
      } catch {
        this.unreadable.add(id)
        return
      }
      if (!this.entries.has(id)) this.set(id, annotations)
    })
  }

  private views(): IndexViews {
    if (this.indexViews) return this.indexViews
    const index = this.store.index
    this.indexViews = {
      metas: new Map(index.articles.map((m) => [m.id, m])),
      registry: new Map(index.sources.map((s) => [s.id, s])),
      links: linksByAnnotation(index.links),
    }
    return this.indexViews
  }
}

/** Each annotation's links, at either end. */
export function linksByAnnotation(all: readonly Link[]): Map<string, Link[]> {
  const links = new Map<string, Link[]>()
  const add = (id: string, l: Link) => {
    const list = links.get(id)
    if (list) list.push(l)
    else links.set(id, [l])
  }
  for (const l of all) {
    add(l.from.annotationId, l)
    if (l.to.annotationId !== l.from.annotationId) add(l.to.annotationId, l)
  }
  return links
}

const catalogues = new WeakMap<NotebookStore, NotebookCatalogue>()

/** The one catalogue of an open notebook, made on first use. */
export function catalogueOf(store: NotebookStore): NotebookCatalogue {
  let c = catalogues.get(store)
  if (!c) catalogues.set(store, (c = new NotebookCatalogue(store)))
  return c
}
