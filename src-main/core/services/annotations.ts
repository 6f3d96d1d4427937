import {
  applyAnnotationPatch,
  newAnnotation,
  type Annotation,
  type AnnotationKind,
  type AnnotationPatch,
} from '../../shared/model/annotation'
import { newId } from '../../shared/model/ids'
import type { DocJson } from '../../shared/model/notebook'
import type { RegistryEntry } from '../../shared/model/source'
import { addAnnotationMark } from '../../shared/schema/annotate-doc'
import { anchorAt, countOccurrences, findOccurrence, indexText, markedSpans } from '../../shared/schema/plain-text'
import { UserError } from '../errors'
import { sanitizeHtml } from '../import/sanitize'
import type { ServiceContext } from './context'
import { articleMeta, parseDoc, syncCounts } from './articles'
import { addToTrash, reconcileBody, sortByPosition } from './reconcile'
import { findOrCreateSource } from './registry'

/*
 * Every change below reads the article and writes it back inside one synchronous store mutation, never across an
 * await: calls that arrive together (a grade and a note sent a moment apart, a thousand updates at once) then each
 * start from the state the one before left, and none is lost.
 */

/** Records an annotation whose mark the editor has just added; the body and the record land in one write. */
export async function createAnnotation(ctx: ServiceContext, input: { articleId: string; id: string; kind: AnnotationKind; doc: DocJson }): Promise<Annotation> {
  articleMeta(ctx, input.articleId)
  const doc = parseDoc(input.doc)
  const span = markedSpans(doc).get(input.id)
  if (!span || span.kind !== input.kind) throw new UserError(`The ${input.kind} to record is not marked in the text; select the text and tag it again.`)
  const now = ctx.now()
  const created = newAnnotation(input.kind, input.id, anchorAt(indexText(doc).text, span.start, span.end), now)
  let next!: { annotations: Annotation[]; trash: Annotation[] }
  await ctx.store.updateArticle(input.articleId, (f) => {
    if (f.annotations.some((a) => a.id === input.id)) throw new UserError('That annotation already exists.')
    next = reconcileBody(doc, [...f.annotations, created], f.trash, now)
    f.doc = input.doc
    f.annotations = next.annotations
    f.trash = next.trash
  })
  await syncCounts(ctx, input.articleId, (await ctx.store.readArticle(input.articleId)).annotations)
  return next.annotations.find((a) => a.id === input.id)!
}

export async function updateAnnotation(ctx: ServiceContext, input: { articleId: string; id: string; patch: AnnotationPatch }): Promise<Annotation> {
  articleMeta(ctx, input.articleId)
  // A note is rich text from the window, the CLI or a colleague's file: stored only in the policy's form.
  const patch = input.patch.note === undefined ? input.patch : { ...input.patch, note: sanitizeHtml(input.patch.note) }
  if (patch.registryId && !ctx.store.index.sources.some((s) => s.id === patch.registryId)) {
    throw new UserError('That source is not in the source registry; pick an entry from the list or create one.')
  }
  let updated!: Annotation
  await ctx.store.updateArticle(input.articleId, (f) => {
    const current = f.annotations.find((a) => a.id === input.id)
    if (!current) throw new UserError(`There is no annotation ${input.id} in this article.`)
    if (patch.sourceIds) {
      for (const sid of patch.sourceIds) {
        const s = f.annotations.find((a) => a.id === sid)
        if (!s || s.kind !== 'source') throw new UserError('A claim can only be attributed to a source tagged in the same article.')
      }
    }
    try {
      updated = applyAnnotationPatch(current, patch, ctx.now())
    } catch (err) {
      throw new UserError(err instanceof Error && !('issues' in err) ? err.message : 'That value is not valid for this annotation.')
    }
    f.annotations = f.annotations.map((a) => (a.id === input.id ? updated : a))
  })
  const newTags = (patch.tags ?? []).filter((t) => !ctx.store.index.tags.includes(t))
  if (newTags.length) await ctx.store.updateIndex((index) => void index.tags.push(...newTags.filter((t) => !index.tags.includes(t))))
  return updated
}

/** Deletes the record (kept in the trash so an undo in the editor restores it) and saves the body without its marks. */
export async function deleteAnnotation(ctx: ServiceContext, input: { articleId: string; id: string; doc: DocJson }): Promise<{ annotations: Annotation[]; savedAt: string }> {
  articleMeta(ctx, input.articleId)
  const doc = parseDoc(input.doc)
  if (markedSpans(doc).has(input.id)) throw new UserError('Remove the annotation\'s marks from the text before deleting it.')
  const now = ctx.now()
  let next!: { annotations: Annotation[]; trash: Annotation[] }
  await ctx.store.updateArticle(input.articleId, (f) => {
    const removed = f.annotations.find((a) => a.id === input.id)
    if (!removed) throw new UserError(`There is no annotation ${input.id} in this article.`)
    const remaining = f.annotations
      .filter((a) => a.id !== input.id)
      .map((a) => (a.kind === 'claim' && a.sourceIds.includes(input.id) ? { ...a, sourceIds: a.sourceIds.filter((s) => s !== input.id), updatedAt: now } : a))
    next = reconcileBody(doc, remaining, addToTrash(f.trash, removed), now)
    f.doc = input.doc
    f.annotations = next.annotations
    f.trash = next.trash
  })
  await ctx.store.updateIndex((index) => {
    index.links = index.links.filter((l) => l.from.annotationId !== input.id && l.to.annotationId !== input.id)
  })
  await syncCounts(ctx, input.articleId, (await ctx.store.readArticle(input.articleId)).annotations)
  return { annotations: next.annotations, savedAt: now }
}

export interface QuoteAnnotation {
  articleId: string
  kind: AnnotationKind
  quote: string
  occurrence?: number
  patch?: AnnotationPatch
  /** For a source: the registry entry to refer to, found by name or alias, or created. */
  sourceName?: string
}

/** Tags the n-th occurrence of a quote in the stored body: the CLI's and the sample notebook's way to annotate. */
export async function annotateQuote(ctx: ServiceContext, input: QuoteAnnotation): Promise<Annotation> {
  articleMeta(ctx, input.articleId)
  const occurrence = input.occurrence ?? 1
  if (!Number.isInteger(occurrence) || occurrence < 1) throw new UserError('--occurrence takes a whole number from 1.')
  const locate = (doc: DocJson) => {
    const node = parseDoc(doc)
    const index = indexText(node)
    const hit = findOccurrence(index.text, input.quote, occurrence)
    if (!hit) {
      const n = countOccurrences(index.text, input.quote)
      throw new UserError(
        n === 0
          ? `The quote "${shorten(input.quote)}" is not in the article; copy it exactly as it stands in the text.`
          : `The quote "${shorten(input.quote)}" occurs ${n} time${n === 1 ? '' : 's'}, so there is no occurrence ${occurrence}.`,
      )
    }
    return { node, index, hit }
  }
  // Checked once before the registry may gain an entry, so a refused quote changes nothing.
  locate((await ctx.store.readArticle(input.articleId)).doc)
  const patch: AnnotationPatch = { ...input.patch, ...(input.patch?.note !== undefined ? { note: sanitizeHtml(input.patch.note) } : {}) }
  if (input.kind !== 'source' && input.sourceName) throw new UserError('--source-name applies to a source annotation only.')
  const now = ctx.now()
  const id = newId('annotation')
  let entry: RegistryEntry | null = null
  if (input.sourceName) entry = await findOrCreateSource(ctx, input.sourceName, patch.reliability ?? null)
  if (entry) patch.registryId = entry.id
  let record!: Annotation
  await ctx.store.updateArticle(input.articleId, (f) => {
    const { node, index, hit } = locate(f.doc)
    for (const sid of patch.sourceIds ?? []) {
      const s = f.annotations.find((a) => a.id === sid)
      if (!s || s.kind !== 'source') throw new UserError(`--source-annotation ${sid} is not a source annotation of this article.`)
    }
    try {
      record = applyAnnotationPatch(newAnnotation(input.kind, id, anchorAt(index.text, hit.start, hit.end), now), patch, now)
    } catch (err) {
      throw new UserError(err instanceof Error && !('issues' in err) ? err.message : 'One of the values is not valid for this annotation.')
    }
    f.doc = addAnnotationMark(node, input.kind, id, hit.start, hit.end, index).toJSON() as DocJson
    f.annotations = sortByPosition([...f.annotations, record])
  })
  const newTags = (patch.tags ?? []).filter((t) => !ctx.store.index.tags.includes(t))
  if (newTags.length) await ctx.store.updateIndex((ix) => void ix.tags.push(...newTags.filter((t) => !ix.tags.includes(t))))
  await syncCounts(ctx, input.articleId, (await ctx.store.readArticle(input.articleId)).annotations)
  return record
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
