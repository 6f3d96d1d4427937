import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { useNotebook } from '../../../helpers/notebook'
import { newId } from '../../../../src-main/shared/model/ids'
import { newAnnotation, type Annotation, type AnnotationKind } from '../../../../src-main/shared/model/annotation'
import { CLAIM_STATUS, CONFIDENCE, CREDIBILITY, LIKELIHOOD, QUESTION_PRIORITY, RELIABILITY } from '../../../../src-main/shared/model/grading'
import { LINK_TYPES, type Link } from '../../../../src-main/shared/model/link'
import type { RegistryEntry } from '../../../../src-main/shared/model/source'
import type { Brief } from '../../../../src-main/shared/model/brief'
import type { DocJson } from '../../../../src-main/shared/model/notebook'
import { addAnnotationMark, docFromJson } from '../../../../src-main/shared/schema/annotate-doc'
import { anchorAt, indexText } from '../../../../src-main/shared/schema/plain-text'
import { sanitizeHtml } from '../../../../src-main/core/import/sanitize'
import type { Services } from '../../../../src-main/core/services/notebook-services'

const open = useNotebook()
const NOW = '2024-11-05T10:00:00.000Z'

const word = fc.constantFrom('troops', 'border', 'said', 'the', 'minister', 'Reuters', '<b>', '&amp;', '"quoted"', 'ünïcode', '日本', '[x]', '*', '10,000')
const paragraph = fc.array(word, { minLength: 3, maxLength: 12 }).map((w) => w.join(' '))
const spec = fc.record({
  articles: fc.array(
    fc.record({
      title: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
      notes: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
      spans: fc.array(
        fc.record({
          kind: fc.constantFrom<AnnotationKind>('claim', 'source', 'question'),
          at: fc.nat(),
          len: fc.integer({ min: 1, max: 30 }),
          note: fc.string({ maxLength: 30 }),
          tags: fc.array(fc.constantFrom('troop movements', 'logistics', 'Ω'), { maxLength: 2 }),
          status: fc.constantFrom(...CLAIM_STATUS),
          credibility: fc.option(fc.constantFrom(...CREDIBILITY), { nil: null }),
          likelihood: fc.option(fc.constantFrom(...LIKELIHOOD), { nil: null }),
          confidence: fc.option(fc.constantFrom(...CONFIDENCE), { nil: null }),
          reliability: fc.option(fc.constantFrom(...RELIABILITY), { nil: null }),
          priority: fc.constantFrom(...QUESTION_PRIORITY),
        }),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), type: fc.constantFrom(...LINK_TYPES) }), { maxLength: 4 }),
  briefs: fc.array(fc.record({ title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0), pick: fc.array(fc.nat(), { maxLength: 3 }), caveat: fc.string({ maxLength: 20 }) }), { maxLength: 2 }),
})
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never

/** Writes a generated notebook straight through the store: articles with marked spans and their records, then the index. */
async function build(services: Services, s: Spec): Promise<void> {
  const all: Array<{ articleId: string; annotation: Annotation }> = []
  const sources: RegistryEntry[] = []
  for (const [i, a] of s.articles.entries()) {
    let doc = docFromJson({ type: 'doc', content: a.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) })
    const annotations: Annotation[] = []
    for (const sp of a.spans) {
      const index = indexText(doc)
      const start = sp.at % index.text.length
      const end = Math.min(index.text.length, start + sp.len)
      if (!index.text.slice(start, end).trim()) continue
      const id = newId('annotation')
      try {
        doc = addAnnotationMark(doc, sp.kind, id, start, end, index)
      } catch {
        continue
      }
      const base = newAnnotation(sp.kind, id, anchorAt(indexText(doc).text, start, end), NOW)
      const common = { note: sanitizeHtml(sp.note ? `<p>${sp.note}</p>` : ''), tags: [...new Set(sp.tags)] }
      let record: Annotation
      if (base.kind === 'claim') record = { ...base, ...common, status: sp.status, credibility: sp.credibility, likelihood: sp.likelihood, confidence: sp.confidence }
      else if (base.kind === 'source') {
        const entry: RegistryEntry = { id: newId('source'), name: `Source ${i}-${annotations.length}`, type: 'person', reliability: sp.reliability, aliases: [], note: '', createdAt: NOW, updatedAt: NOW }
        sources.push(entry)
        record = { ...base, ...common, registryId: entry.id, reliability: sp.reliability }
      } else record = { ...base, ...common, priority: sp.priority }
      annotations.push(record)
    }
    const claimSources = annotations.filter((x) => x.kind === 'source').map((x) => x.id)
    const finished = annotations.map((x) => (x.kind === 'claim' && claimSources.length ? { ...x, sourceIds: claimSources.slice(0, 1) } : x))
    const meta = await services.addArticle({
      fields: { title: a.title, outlet: 'Outlet', byline: '', publishedAt: '2024-11-0' + (i + 1), url: i % 2 ? 'https://example.org/' + i : '', language: 'en', excerpt: '' },
      doc: doc.toJSON() as DocJson,
      bytes: new TextEncoder().encode(`${i}:${a.paragraphs.join('\n')}`),
      provenance: { origin: 'file', name: `article-${i}.txt`, mediaType: 'text/plain' },
      annotations: finished,
    })
    if (a.notes) await services.saveArticleNotes(meta.id, `<p>${a.notes}</p>`)
    for (const x of finished) all.push({ articleId: meta.id, annotation: x })
  }
  const links: Link[] = []
  if (all.length > 1) {
    for (const l of s.links) {
      const from = all[l.from % all.length]!
      const to = all[(l.from + 1 + (l.to % (all.length - 1))) % all.length]!
      links.push({ id: newId('link'), type: l.type, from: { articleId: from.articleId, annotationId: from.annotation.id }, to: { articleId: to.articleId, annotationId: to.annotation.id }, createdAt: NOW })
    }
  }
  const briefs: Brief[] = s.briefs.map((b) => ({
    id: newId('brief'),
    title: b.title.trim(),
    author: 'A',
    date: '2024-11-07',
    caveat: b.caveat,
    bluf: 'Bottom line',
    judgments: '<p>We assess <strong>this</strong>.</p>',
    items: all.length ? [...new Set(b.pick.map((n) => n % all.length))].map((n) => ({ articleId: all[n]!.articleId, annotationId: all[n]!.annotation.id })) : [],
    filter: { articleIds: [], kinds: ['claim'], tags: ['logistics'], statuses: [], evidenceCodes: [] },
    createdAt: NOW,
    updatedAt: NOW,
  }))
  const tags = [...new Set(all.flatMap((x) => x.annotation.tags))]
  await services.store.updateIndex((ix) => {
    ix.sources.push(...sources)
    ix.links.push(...links)
    ix.briefs.push(...briefs)
    ix.tags.push(...tags.filter((t) => !ix.tags.includes(t)))
  })
}

async function snapshot(services: Services) {
  const ix = services.store.index
  const articles = await Promise.all(
    ix.articles.map(async (m) => {
      const f = await services.store.readArticle(m.id)
      return { meta: m, doc: f.doc, notes: f.notes, annotations: f.annotations }
    }),
  )
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id))
  return {
    articles: articles.sort((a, b) => a.meta.id.localeCompare(b.meta.id)),
    sources: byId(ix.sources),
    links: byId(ix.links),
    briefs: byId(ix.briefs),
    tags: [...ix.tags].sort(),
  }
}

describe('notebook JSON export', () => {
  it('round-trips: imported into an empty notebook, articles, annotations, grades, links and briefs are the same', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const source = await open()
        await build(source.services, s)
        const exported = await source.services.exportTarget({ kind: 'all' }, 'json')
        const target = await open()
        const results = await target.services.importFiles([{ name: exported.fileName, bytes: exported.bytes }])
        expect(results.map((r) => r.status)).toEqual(s.articles.map(() => 'imported'))
        expect(await snapshot(target.services)).toEqual(await snapshot(source.services))
        // Originals come along, so provenance can still be checked in the new notebook.
        for (const m of source.services.store.index.articles) {
          expect(await target.services.store.readOriginal(m.provenance.sha256)).toEqual(await source.services.store.readOriginal(m.provenance.sha256))
        }
        // Importing the same file again changes nothing; saved as .json it is read as the same export.
        expect(exported.fileName).toMatch(/\.intelnotebook$/)
        const again = await target.services.importFiles([{ name: exported.fileName.replace(/\.intelnotebook$/, '.JSON'), bytes: exported.bytes }])
        expect(again.every((r) => r.status === 'duplicate')).toBe(true)
      }),
      { numRuns: 6, endOnFailure: true },
    )
  }, 240000)

  it('carries the suggestions the analyst dismissed, and reads an export from before it carried them as none dismissed', async () => {
    const source = await open()
    await build(source.services, {
      articles: [{ title: 'T', paragraphs: ['The defence minister said the troops moved at night, according to Reuters.'], notes: undefined, spans: [] }],
      links: [],
      briefs: [],
    })
    const id = source.services.store.index.articles[0]!.id
    const offered = await source.services.suggest(id)
    expect(offered.length).toBeGreaterThan(1)
    await source.services.dismissSuggestions({ articleId: id, ids: [offered[0]!.id] })
    const left = (await source.services.suggest(id)).map((x) => x.id)
    const exported = await source.services.exportTarget({ kind: 'all' }, 'json')

    const target = await open()
    await target.services.importFiles([{ name: exported.fileName, bytes: exported.bytes }])
    expect((await target.services.suggest(id)).map((x) => x.id)).toEqual(left)
    expect((await target.services.store.readArticle(id)).dismissedSuggestions).toEqual((await source.services.store.readArticle(id)).dismissedSuggestions)

    const older = JSON.parse(new TextDecoder().decode(exported.bytes))
    delete older.articles[0].dismissedSuggestions
    const third = await open()
    const [result] = await third.services.importFiles([{ name: 'older.json', bytes: new TextEncoder().encode(JSON.stringify(older)) }])
    expect(result!.status).toBe('imported')
    expect((await third.services.suggest(id)).map((x) => x.id)).toEqual(offered.map((x) => x.id))
  }, 60000)

  it('refuses a file that is not a notebook export, or whose original bytes were altered, with one sentence', async () => {
    const { services } = await open()
    const [notJson] = await services.importFiles([{ name: 'notes.json', bytes: new TextEncoder().encode('{ nope') }])
    expect(notJson).toMatchObject({ status: 'failed', reason: '"notes.json" is not valid JSON; export the notebook again and import the new file.' })
    const [wrong] = await services.importFiles([{ name: 'other.json', bytes: new TextEncoder().encode('{"format":"something-else"}') }])
    expect(wrong!.reason).toMatch(/^"other\.json" is not a valid Intel Notebook export \(.*\); nothing was imported\.$/)
    await build(services, { articles: [{ title: 'T', paragraphs: ['the minister said'], notes: undefined, spans: [] }], links: [], briefs: [] })
    const exported = JSON.parse(new TextDecoder().decode((await services.exportTarget({ kind: 'all' }, 'json')).bytes))
    exported.articles[0].original = Buffer.from('tampered').toString('base64')
    exported.articles[0].meta.id = newId('article')
    exported.articles[0].meta.provenance.sha256 = 'a'.repeat(64)
    const target = await open()
    const [tampered] = await target.services.importFiles([{ name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(exported)) }])
    expect(tampered!.status).toBe('failed')
    expect(tampered!.reason).toMatch(/original bytes do not match the SHA-256/)
    expect(target.services.store.index.articles).toHaveLength(0)
  }, 60000)

  it('passes imported content through the sanitizing policy: scripts, handlers and javascript: links do not survive', async () => {
    const source = await open()
    await build(source.services, { articles: [{ title: 'T', paragraphs: ['the minister said troops'], notes: undefined, spans: [] }], links: [], briefs: [] })
    const data = JSON.parse(new TextDecoder().decode((await source.services.exportTarget({ kind: 'all' }, 'json')).bytes))
    const a = data.articles[0]
    a.notes = '<p onclick="x()">n<script>alert(1)</script></p>'
    a.doc.content[0].content[0].marks = [{ type: 'link', attrs: { href: 'jav\tascript:alert(1)' } }]
    data.briefs.push({ id: newId('brief'), title: 'B', author: '', date: '', caveat: '', bluf: '', judgments: '<img src=x onerror=alert(1)><p>ok</p>', items: [], filter: null, createdAt: NOW, updatedAt: NOW })
    const target = await open()
    await target.services.importFiles([{ name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(data)) }])
    const view = await target.services.getArticle(a.meta.id)
    expect(view.notes).toBe('<p>n</p>')
    expect(JSON.stringify(view.doc)).not.toMatch(/script|link/)
    expect(target.services.listBriefs()[0]!.judgments).toBe('<p>ok</p>')
  }, 60000)
})
