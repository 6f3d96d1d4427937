import type { LinkEnd } from '../../shared/model/ledger'
import type { ServiceContext } from '../services/context'
import { catalogueData } from '../catalogue/notebook-data'
import { linkEnds } from './claims-ledger'

/**
 * The links of every annotation in one article, seen from that article's side, with the other end's quote and
 * article: what the annotation panel lists under "Links" for either end of a link.
 */
export async function articleLinks(ctx: ServiceContext, articleId: string): Promise<Record<string, LinkEnd[]>> {
  const links = ctx.store.index.links.filter((l) => l.from.articleId === articleId || l.to.articleId === articleId)
  if (links.length === 0) return {}
  const data = await catalogueData(ctx.store, new Set([articleId]))
  const out: Record<string, LinkEnd[]> = {}
  for (const a of data.articles[0]?.annotations ?? []) {
    const ends = linkEnds(a.id, data.linksOf(a.id), data.lookup)
    if (ends.length) out[a.id] = ends
  }
  return out
}
