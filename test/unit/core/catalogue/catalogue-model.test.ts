import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { useNotebook } from '../../../helpers/notebook'
import type { Services } from '../../../../src-main/core/services/notebook-services'
import type { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import type { DocJson } from '../../../../src-main/shared/model/notebook'
import { CLAIM_STATUS, QUESTION_PRIORITY, RELIABILITY } from '../../../../src-main/shared/model/grading'
import { ANNOTATION_KINDS } from '../../../../src-main/shared/model/annotation'
import { LINK_TYPES } from '../../../../src-main/shared/model/link'
import { catalogueOf } from '../../../../src-main/core/catalogue/notebook-catalogue'
import { catalogueData, scannedData } from '../../../../src-main/core/catalogue/notebook-data'
import { fullScan } from '../../../../src-main/core/catalogue/full-scan'
import { claimsLedger } from '../../../../src-main/core/ledger/claims-ledger'
import { registryRows } from '../../../../src-main/core/ledger/registry-view'
import { questionRows } from '../../../../src-main/core/ledger/question-tracker'
import { UserError } from '../../../../src-main/core/errors'

const notebook = useNotebook()

const WORDS = ['the', 'ministry', 'said', 'troops', 'crossed', 'river', 'officials', 'denied', 'convoy', 'near', 'Kursk', 'Kyiv', 'reported']
const SENTENCE = fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 16 }).map((ws) => `${ws.join(' ')}.`)

/** One operation of an analyst's session; numbers pick among what exists when it runs. */
type Op =
  | { op: 'import'; text: string }
  | { op: 'tag'; article: number; kind: (typeof ANNOTATION_KINDS)[number]; word: number; source: string }
  | { op: 'grade'; annotation: number; value: number }
  | { op: 'link'; from: number; to: number; type: (typeof LINK_TYPES)[number] }
  | { op: 'delete'; annotation: number }
  | { op: 'undo-delete' }
  | { op: 'merge'; keep: number; merge: number }
  | { op: 'rename'; source: number; name: string }
  | { op: 'delete-article'; article: number }

const n = fc.nat({ max: 1000 })
const OP: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('import' as const), text: SENTENCE }),
  fc.record({ op: fc.constant('tag' as const), article: n, kind: fc.constantFrom(...ANNOTATION_KINDS), word: n, source: fc.constantFrom('NIS', 'Reuters', 'TASS', 'Kremlin') }),
  fc.record({ op: fc.constant('tag' as const), article: n, kind: fc.constantFrom(...ANNOTATION_KINDS), word: n, source: fc.constantFrom('NIS', 'Reuters') }),
  fc.record({ op: fc.constant('grade' as const), annotation: n, value: n }),
  fc.record({ op: fc.constant('link' as const), from: n, to: n, type: fc.constantFrom(...LINK_TYPES) }),
  fc.record({ op: fc.constant('delete' as const), annotation: n }),
  fc.record({ op: fc.constant('undo-delete' as const) }),
  fc.record({ op: fc.constant('merge' as const), keep: n, merge: n }),
  fc.record({ op: fc.constant('rename' as const), source: n, name: fc.constantFrom('National Intelligence Service', 'Reuters news agency', 'TASS') }),
  fc.record({ op: fc.constant('delete-article' as const), article: n }),
)

const at = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined)

function withoutMark(doc: DocJson, id: string): DocJson {
  const strip = (node: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...node }
    if (Array.isArray(node.marks)) out.marks = (node.marks as Array<{ attrs?: { id?: string } }>).filter((m) => m.attrs?.id !== id)
    if (Array.isArray(node.content)) out.content = (node.content as Array<Record<string, unknown>>).map(strip)
    return out
  }
  return strip(doc) as DocJson
}

async function allAnnotations(store: NotebookStore) {
  return (await fullScan(store)).flatMap((a) => a.annotations.map((x) => ({ articleId: a.meta.id, annotation: x })))
}

async function run(services: Services, store: NotebookStore, op: Op, undo: Array<{ articleId: string; doc: DocJson }>): Promise<void> {
  const articles = store.index.articles
  const annotations = await allAnnotations(store)
  switch (op.op) {
    case 'import':
      await services.createArticle({ title: op.text.slice(0, 20), text: op.text })
      return
    case 'tag': {
      const a = at(articles, op.article)
      if (!a) return
      const words = ((await store.readArticle(a.id)).doc.content as Array<{ content?: Array<{ text?: string }> }>)
        .flatMap((p) => (p.content ?? []).map((t) => t.text ?? ''))
        .join('')
        .split(/\s+/)
        .filter((w) => /^\w+$/.test(w))
      const word = at(words, op.word)
      if (!word) return
      await services.annotateQuote({ articleId: a.id, kind: op.kind, quote: word, ...(op.kind === 'source' ? { sourceName: op.source } : {}) })
      return
    }
    case 'grade': {
      const x = at(annotations, op.annotation)
      if (!x) return
      const a = x.annotation
      const patch =
        a.kind === 'claim'
          ? { status: at(CLAIM_STATUS, op.value)!, tags: [`t${op.value % 3}`] }
          : a.kind === 'source'
            ? { reliability: at(RELIABILITY, op.value)! }
            : { priority: at(QUESTION_PRIORITY, op.value)!, due: `2026-0${1 + (op.value % 9)}-1${op.value % 10}` }
      await services.updateAnnotation({ articleId: x.articleId, id: a.id, patch })
      return
    }
    case 'link': {
      const from = at(annotations, op.from)
      const to = at(annotations, op.to)
      if (!from || !to) return
      await services.createLink({ type: op.type, from: { articleId: from.articleId, annotationId: from.annotation.id }, to: { articleId: to.articleId, annotationId: to.annotation.id } })
      return
    }
    case 'delete': {
      const x = at(annotations, op.annotation)
      if (!x) return
      const doc = (await store.readArticle(x.articleId)).doc
      undo.push({ articleId: x.articleId, doc })
      await services.deleteAnnotation({ articleId: x.articleId, id: x.annotation.id, doc: withoutMark(doc, x.annotation.id) })
      return
    }
    case 'undo-delete': {
      // The editor's undo brings the marks back; saving the body restores the record from the trash.
      const last = undo.pop()
      if (!last || !articles.some((a) => a.id === last.articleId)) return
      await services.saveArticleBody(last.articleId, last.doc)
      return
    }
    case 'merge': {
      const keep = at(store.index.sources, op.keep)
      const merge = at(store.index.sources, op.merge)
      if (!keep || !merge) return
      await services.mergeSources(keep.id, merge.id)
      return
    }
    case 'rename': {
      const s = at(store.index.sources, op.source)
      if (!s) return
      await services.updateSource(s.id, { name: op.name })
      return
    }
    case 'delete-article': {
      const a = at(articles, op.article)
      if (!a) return
      await services.deleteArticle(a.id)
      return
    }
  }
}

/** The catalogue must hold exactly what reading every file holds, and every view must come out the same from both. */
async function expectCatalogueMatchesStore(store: NotebookStore): Promise<void> {
  const scanned = await scannedData(store)
  const catalogued = await catalogueData(store)
  expect(catalogued.articles).toEqual(scanned.articles)
  expect(catalogueOf(store).size.annotations).toBe(scanned.articles.reduce((k, a) => k + a.annotations.length, 0))
  expect(claimsLedger(catalogued)).toEqual(claimsLedger(scanned))
  expect(registryRows(catalogued)).toEqual(registryRows(scanned))
  expect(questionRows(catalogued)).toEqual(questionRows(scanned))
}

describe('the notebook catalogue', () => {
  it('equals a full scan of the store after any sequence of edits, and after reopening', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(SENTENCE, { minLength: 1, maxLength: 3 }), fc.array(OP, { minLength: 1, maxLength: 14 }), async (texts, ops) => {
        const nb = await notebook()
        for (const text of texts) await nb.services.createArticle({ title: text.slice(0, 20), text })
        // Built before the edits, so everything after has to reach it through the store's change events.
        await catalogueOf(nb.store).ready()
        const undo: Array<{ articleId: string; doc: DocJson }> = []
        for (const op of ops) {
          try {
            await run(nb.services, nb.store, op, undo)
          } catch (err) {
            // Refused edits (renaming onto an existing name, linking an annotation to itself) change nothing.
            if (!(err instanceof UserError)) throw err
          }
        }
        await expectCatalogueMatchesStore(nb.store)
        const before = (await catalogueData(nb.store)).articles
        const services = await nb.reopen()
        expect((await fullScan(nb.store)).map((a) => a.annotations)).toEqual(before.map((a) => a.annotations))
        await expectCatalogueMatchesStore(nb.store)
        expect(await services.claimsLedger()).toEqual(claimsLedger(await scannedData(nb.store)))
      }),
      { numRuns: 12 },
    )
  }, 600_000)

  it('follows an index change made straight in the store, such as a repair listing an article again', async () => {
    const nb = await notebook()
    const a = await nb.services.createArticle({ title: 'Seoul', text: 'The ministry said troops crossed the river.' })
    await nb.services.annotateQuote({ articleId: a.id, kind: 'claim', quote: 'troops crossed the river' })
    await catalogueOf(nb.store).ready()
    const meta = nb.store.index.articles[0]!
    await nb.store.updateIndex((ix) => void (ix.articles = []))
    expect(await catalogueData(nb.store)).toMatchObject({ articles: [] })
    expect(await nb.services.claimsLedger()).toEqual([])
    await nb.store.updateIndex((ix) => void ix.articles.push(meta))
    expect((await nb.services.claimsLedger()).map((r) => r.claim.anchor.exact)).toEqual(['troops crossed the river'])
  })
})
