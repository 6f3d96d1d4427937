import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { ServiceContext } from '../services/context'
import { UserError } from '../errors'

export interface ScannedArticle {
  meta: ArticleMeta
  annotations: Annotation[]
}

/**
 * Every article's annotations: the views across the notebook start here. Article files are read one by one
 * through the store, so a damaged file drops out of the view instead of failing it; the store reports it.
 */
export async function scanNotebook(ctx: ServiceContext, only?: ReadonlySet<string>): Promise<ScannedArticle[]> {
  const out: ScannedArticle[] = []
  for (const meta of ctx.store.index.articles) {
    if (only && !only.has(meta.id)) continue
    try {
      out.push({ meta, annotations: (await ctx.store.readArticle(meta.id)).annotations })
    } catch {
      continue
    }
  }
  return out
}

/** Finds which article holds an annotation, for commands that name an annotation by id alone. */
export async function locateAnnotation(ctx: ServiceContext, annotationId: string): Promise<{ meta: ArticleMeta; annotation: Annotation }> {
  for (const a of await scanNotebook(ctx)) {
    const annotation = a.annotations.find((x) => x.id === annotationId)
    if (annotation) return { meta: a.meta, annotation }
  }
  throw new UserError(`There is no annotation ${annotationId} in this notebook; "claims" and "show ID --json" list the ids.`)
}

export function annotationIndex(scan: readonly ScannedArticle[]): Map<string, { meta: ArticleMeta; annotation: Annotation }> {
  const m = new Map<string, { meta: ArticleMeta; annotation: Annotation }>()
  for (const a of scan) for (const annotation of a.annotations) m.set(annotation.id, { meta: a.meta, annotation })
  return m
}
