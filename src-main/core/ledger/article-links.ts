import type { LinkEnd } from '../../shared/model/ledger'
import type { ServiceContext } from '../services/context'
import { linkEnds } from './claims-ledger'
import { annotationIndex, scanNotebook } from './notebook-scan'

/**
 * The links of every annotation in one article, seen from that article's side, with the other end's quote and
 * article: what the annotation panel lists under "Links" for either end of a link.
 */
export async function articleLinks(ctx: ServiceContext, articleId: string): Promise<Record<string, LinkEnd[]>> {
  const links = ctx.store.index.links.filter((l) => l.from.articleId === articleId || l.to.articleId === articleId)
  if (links.length === 0) return {}
  const wanted = new Set(links.flatMap((l) => [l.from.articleId, l.to.articleId]))
  const scan = await scanNotebook(ctx, wanted)
  const located = annotationIndex(scan)
  const out: Record<string, LinkEnd[]> = {}
  for (const a of scan.find((s) => s.meta.id === articleId)?.annotations ?? []) {
    const ends = linkEnds(a.id, links, located)
    if (ends.length) out[a.id] = ends
  }
  return out
}
