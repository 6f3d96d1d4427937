import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { ServiceContext } from '../services/context'
import { UserError } from '../errors'
import { catalogueOf } from '../catalogue/notebook-catalogue'
import type { ScannedArticle } from '../catalogue/full-scan'

export type { ScannedArticle }

/** Every article's annotations, from the notebook's catalogue: the views across the notebook start here. */
export function scanNotebook(ctx: ServiceContext, only?: ReadonlySet<string>): Promise<ScannedArticle[]> {
  return catalogueOf(ctx.store).articles(only)
}

/** Finds which article holds an annotation, for commands that name an annotation by id alone. */
export async function locateAnnotation(ctx: ServiceContext, annotationId: string): Promise<{ meta: ArticleMeta; annotation: Annotation }> {
  const found = await catalogueOf(ctx.store).locate(annotationId)
  if (found) return found
  throw new UserError(`There is no annotation ${annotationId} in this notebook; "claims" and "show ID --json" list the ids.`)
}
