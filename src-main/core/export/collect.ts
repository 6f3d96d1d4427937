import type { ExportTarget } from '../../shared/ipc-contract'
import type { Link } from '../../shared/model/link'
import type { RegistryEntry } from '../../shared/model/source'
import type { ServiceContext } from '../services/context'
import { articleMeta, byNewest } from '../services/articles'
import { resolveBrief } from '../services/briefs'
import type { ExportArticle, ExportDocument } from './model'

export type ProgressFn = (done: number, total: number) => void

/** Gathers what an export shows, reading every record now so grades and statuses are current. */
export async function collectExport(ctx: ServiceContext, target: ExportTarget, progress?: ProgressFn): Promise<ExportDocument> {
  const generatedAt = ctx.now()
  if (target.kind === 'brief') {
    const r = await resolveBrief(ctx, target.id, { onArticle: progress })
    return {
      kind: 'brief',
      brief: r.brief,
      evidence: r.entries,
      missing: r.missing,
      articles: r.articles,
      registry: referencedSources(ctx, r.articles),
      links: linksWithin(ctx.store.index.links, r.articles),
      generatedAt,
    }
  }
  const metas = target.kind === 'all' ? [...ctx.store.index.articles].sort(byNewest) : [...new Set(target.ids)].map((id) => articleMeta(ctx, id))
  const articles: ExportArticle[] = []
  for (const meta of metas) {
    const f = await ctx.store.readArticle(meta.id)
    articles.push({ meta, doc: f.doc, notes: f.notes, annotations: f.annotations, dismissedSuggestions: f.dismissedSuggestions })
    progress?.(articles.length, metas.length)
  }
  const title =
    target.kind === 'all' ? `${ctx.store.index.notebook.name}: all articles` : articles.length === 1 ? articles[0]!.meta.title : `${articles.length} annotated articles`
  return {
    kind: 'articles',
    title,
    articles,
    registry: target.kind === 'all' ? [...ctx.store.index.sources] : referencedSources(ctx, articles),
    links: linksWithin(ctx.store.index.links, articles),
    generatedAt,
    ...(target.kind === 'all' ? { whole: { notebook: ctx.store.index.notebook, tags: [...ctx.store.index.tags], briefs: [...ctx.store.index.briefs] } } : {}),
  }
}

function referencedSources(ctx: ServiceContext, articles: readonly ExportArticle[]): RegistryEntry[] {
  const ids = new Set<string>()
  for (const a of articles) for (const x of a.annotations) if (x.kind === 'source' && x.registryId) ids.add(x.registryId)
  return ctx.store.index.sources.filter((s) => ids.has(s.id))
}

/** Links whose two ends are both in the export: a link to an article left out would point nowhere. */
function linksWithin(links: readonly Link[], articles: readonly ExportArticle[]): Link[] {
  const ids = new Set(articles.map((a) => a.meta.id))
  return links.filter((l) => ids.has(l.from.articleId) && ids.has(l.to.articleId))
}
