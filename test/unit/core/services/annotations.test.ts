import { describe, expect, it } from 'vitest'
import { stat } from 'node:fs/promises'
import { useNotebook, paragraphs } from '../../../helpers/notebook'
import { addAnnotationMark, docFromJson, removeAnnotationMarks } from '../../../../src-main/shared/schema/annotate-doc'
import { newId } from '../../../../src-main/shared/model/ids'
import type { DocJson } from '../../../../src-main/shared/model/notebook'

const notebook = useNotebook()
const TEXT = 'About 10,000 soldiers have moved, the National Intelligence Service said. Officials said a team may be sent.'

async function withArticle() {
  const nb = await notebook()
  const meta = await nb.services.createArticle({ title: 'Troops', text: TEXT })
  return { ...nb, articleId: meta.id }
}

function tag(doc: DocJson, kind: 'claim' | 'source' | 'question', quote: string) {
  const id = newId('annotation')
  const start = TEXT.indexOf(quote)
  return { id, doc: addAnnotationMark(docFromJson(doc), kind, id, start, start + quote.length).toJSON() as DocJson }
}

describe('annotation services', () => {
  it('records a tag made in the editor with its W3C anchor, and counts it in the library', async () => {
    const { services, articleId } = await withArticle()
    const { doc } = await services.getArticle(articleId)
    const t = tag(doc, 'claim', 'About 10,000 soldiers have moved')
    const claim = await services.createAnnotation({ articleId, id: t.id, kind: 'claim', doc: t.doc })
    expect(claim.anchor).toMatchObject({ exact: 'About 10,000 soldiers have moved', start: 0, end: 32, prefix: '', suffix: ', the National Intelligence Serv' })
    expect(services.listArticles()[0]!.counts).toEqual({ claim: 1, source: 0, question: 0 })
  })

  it('refuses to record a tag whose mark is not in the text', async () => {
    const { services, articleId } = await withArticle()
    const { doc } = await services.getArticle(articleId)
    await expect(services.createAnnotation({ articleId, id: newId('annotation'), kind: 'claim', doc })).rejects.toThrow(/not marked in the text/)
  })

  it('turns an annotation whose text was deleted into an orphan that keeps its quote', async () => {
    const { services, articleId } = await withArticle()
    const { doc } = await services.getArticle(articleId)
    const t = tag(doc, 'question', 'a team may be sent')
    await services.createAnnotation({ articleId, id: t.id, kind: 'question', doc: t.doc })
    const saved = await services.saveArticleBody(articleId, paragraphs('About 10,000 soldiers have moved.'))
    expect(saved.annotations).toHaveLength(1)
    expect(saved.annotations[0]).toMatchObject({ orphaned: true, anchor: { exact: 'a team may be sent' } })
    expect(services.listArticles()[0]!.counts.question).toBe(0)
  })

  it('restores grades and notes when an undo brings a deleted annotation\'s marks back', async () => {
    const { services, articleId } = await withArticle()
    const { doc } = await services.getArticle(articleId)
    const t = tag(doc, 'source', 'the National Intelligence Service')
    await services.createAnnotation({ articleId, id: t.id, kind: 'source', doc: t.doc })
    await services.updateAnnotation({ articleId, id: t.id, patch: { reliability: 'B', note: '<p>spy agency</p>' } })
    const without = removeAnnotationMarks(docFromJson(t.doc), t.id).toJSON() as DocJson
    expect((await services.deleteAnnotation({ articleId, id: t.id, doc: without })).annotations).toHaveLength(0)
    const undone = await services.saveArticleBody(articleId, t.doc)
    expect(undone.annotations[0]).toMatchObject({ id: t.id, reliability: 'B', note: '<p>spy agency</p>' })
  })

  it('keeps the index untouched when a body save changes no library-level data', async () => {
    const { services, store, articleId } = await withArticle()
    await store.flush()
    const before = (await stat(store.layout.index, { bigint: true })).mtimeNs
    await services.saveArticleBody(articleId, paragraphs(TEXT + ' More text.'))
    expect((await stat(store.layout.index, { bigint: true })).mtimeNs).toBe(before)
  })

  it('tags a quote for the CLI, refusing missing quotes, past-last occurrences and bad grades without changing anything', async () => {
    const { services, articleId } = await withArticle()
    const src = await services.annotateQuote({ articleId, kind: 'source', quote: 'the National Intelligence Service', sourceName: 'NIS', patch: { reliability: 'B' } })
    const claim = await services.annotateQuote({ articleId, kind: 'claim', quote: 'said', occurrence: 2, patch: { credibility: '2', sourceIds: [src.id] } })
    expect(claim.anchor.start).toBe(TEXT.indexOf('said', TEXT.indexOf('said') + 1))
    expect(services.listSources().map((s) => s.name)).toEqual(['NIS'])
    const before = JSON.stringify(await services.getArticle(articleId))
    await expect(services.annotateQuote({ articleId, kind: 'claim', quote: 'Kursk' })).rejects.toThrow(/is not in the article/)
    await expect(services.annotateQuote({ articleId, kind: 'claim', quote: 'said', occurrence: 3 })).rejects.toThrow(/occurs 2 times, so there is no occurrence 3/)
    await expect(services.annotateQuote({ articleId, kind: 'claim', quote: 'Officials', patch: { reliability: 'A' } })).rejects.toThrow(/no field "reliability"/)
    expect(JSON.stringify(await services.getArticle(articleId))).toBe(before)
  })

  it('reuses one registry entry for a source named in two articles', async () => {
    const { services, articleId } = await withArticle()
    const other = await services.createArticle({ title: 'Second', text: 'The national intelligence service said more.' })
    await services.annotateQuote({ articleId, kind: 'source', quote: 'the National Intelligence Service', sourceName: 'National Intelligence Service' })
    await services.annotateQuote({ articleId: other.id, kind: 'source', quote: 'national intelligence service', sourceName: 'national  intelligence service' })
    expect(services.listSources()).toHaveLength(1)
  })

  it('links annotations across articles and drops the links when one end is deleted', async () => {
    const { services, articleId } = await withArticle()
    const other = await services.createArticle({ title: 'Second', text: 'No troops have moved, officials said.' })
    const a = await services.annotateQuote({ articleId, kind: 'claim', quote: 'About 10,000 soldiers have moved' })
    const b = await services.annotateQuote({ articleId: other.id, kind: 'claim', quote: 'No troops have moved' })
    const link = await services.createLink({ type: 'contradicts', from: { articleId, annotationId: a.id }, to: { articleId: other.id, annotationId: b.id } })
    expect(services.listLinks()).toEqual([link])
    await services.deleteArticle(other.id)
    expect(services.listLinks()).toEqual([])
  })

  it('keeps everything across a restart', async () => {
    const nb = await withArticle()
    const claim = await nb.services.annotateQuote({ articleId: nb.articleId, kind: 'claim', quote: 'a team may be sent', patch: { status: 'disputed', tags: ['monitoring'] } })
    const services = await nb.reopen()
    const view = await services.getArticle(nb.articleId)
    expect(view.annotations).toEqual([claim])
    expect(services.listTags()).toEqual(['monitoring'])
  })
})
