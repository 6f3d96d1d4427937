import { newId } from '../../shared/model/ids'
import type { Link, LinkType } from '../../shared/model/link'
import { UserError } from '../errors'
import type { ServiceContext } from './context'
import { articleMeta } from './articles'

type End = { articleId: string; annotationId: string }

export function listLinks(ctx: ServiceContext): Link[] {
  return [...ctx.store.index.links]
}

export async function createLink(ctx: ServiceContext, input: { type: LinkType; from: End; to: End }): Promise<Link> {
  if (input.from.annotationId === input.to.annotationId) throw new UserError('An annotation cannot be linked to itself.')
  await assertExists(ctx, input.from)
  await assertExists(ctx, input.to)
  const dup = ctx.store.index.links.find(
    (l) => l.type === input.type && l.from.annotationId === input.from.annotationId && l.to.annotationId === input.to.annotationId,
  )
  if (dup) return dup
  const link: Link = { id: newId('link'), type: input.type, from: input.from, to: input.to, createdAt: ctx.now() }
  await ctx.store.updateIndex((index) => void index.links.push(link))
  return link
}

export async function deleteLink(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  if (!ctx.store.index.links.some((l) => l.id === id)) throw new UserError(`There is no link ${id}.`)
  await ctx.store.updateIndex((index) => {
    index.links = index.links.filter((l) => l.id !== id)
  })
  return { deleted: true }
}

async function assertExists(ctx: ServiceContext, end: End): Promise<void> {
  articleMeta(ctx, end.articleId)
  const file = await ctx.store.readArticle(end.articleId)
  if (!file.annotations.some((a) => a.id === end.annotationId)) throw new UserError(`There is no annotation ${end.annotationId} in article ${end.articleId}.`)
}
