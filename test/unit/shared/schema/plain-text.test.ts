import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { anchorAt, findOccurrence, indexText, markedSpans, reanchor } from '../../../../src-main/shared/schema/plain-text'
import { addAnnotationMark, docFromJson, reapplyAnchors, reconcileAnnotations, removeAnnotationMarks } from '../../../../src-main/shared/schema/annotate-doc'
import { newAnnotation } from '../../../../src-main/shared/model/annotation'
import { newId } from '../../../../src-main/shared/model/ids'

const now = '2024-11-05T10:00:00.000Z'
const docOf = (...paras: string[]) => docFromJson({ type: 'doc', content: paras.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) })

describe('plain text', () => {
  it('joins blocks with one newline, the coordinate system of every selector', () => {
    expect(indexText(docOf('Yoon said', 'NIS said')).text).toBe('Yoon said\nNIS said')
  })
})

describe('selectors', () => {
  it('round-trip: the anchor of a range finds that range again', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length
        const end = start + 1 + (b % (text.length - start))
        const anchor = anchorAt(text, start, end)
        expect(anchor.exact).toBe(text.slice(start, end))
        expect(reanchor(text, anchor)).toEqual({ start, end })
      }),
    )
  })

  it('follow the quote when text before it changed, preferring the occurrence with matching context', () => {
    const text = 'officials said no. Later, officials said yes.'
    const second = findOccurrence(text, 'officials said', 2)!
    const anchor = anchorAt(text, second.start, second.end)
    const edited = 'NEW PARAGRAPH. ' + text
    const hit = reanchor(edited, anchor)!
    expect(edited.slice(hit.start, hit.end)).toBe('officials said')
    expect(hit.start).toBe(second.start + 'NEW PARAGRAPH. '.length)
  })

  it('give up when the quote is gone, so the annotation becomes an orphan', () => {
    expect(reanchor('nothing here', anchorAt('the NIS said so', 4, 7))).toBeNull()
  })
})

describe('annotation marks in the document', () => {
  it('let annotations of any kind, two claims included, overlap', () => {
    const c1 = newId('annotation')
    const c2 = newId('annotation')
    const s = newId('annotation')
    let doc = docOf('About 10,000 soldiers moved, the service said.')
    doc = addAnnotationMark(doc, 'claim', c1, 0, 27)
    doc = addAnnotationMark(doc, 'claim', c2, 6, 21)
    doc = addAnnotationMark(doc, 'source', s, 29, 40)
    const spans = markedSpans(doc)
    expect(spans.get(c1)).toMatchObject({ kind: 'claim', start: 0, end: 27 })
    expect(spans.get(c2)).toMatchObject({ kind: 'claim', start: 6, end: 21 })
    expect(spans.get(s)).toMatchObject({ kind: 'source', start: 29, end: 40 })
  })

  it('span block boundaries', () => {
    const id = newId('annotation')
    const doc = addAnnotationMark(docOf('first para', 'second para'), 'question', id, 6, 17)
    expect(markedSpans(doc).get(id)).toMatchObject({ start: 6, end: 17 })
  })

  it('re-anchor after the marks are stripped', () => {
    const id = newId('annotation')
    const text = 'The National Intelligence Service said on Tuesday.'
    const marked = addAnnotationMark(docOf(text), 'source', id, 4, 33)
    const record = newAnnotation('source', id, anchorAt(text, 4, 33), now)
    const stripped = removeAnnotationMarks(marked, id)
    expect(markedSpans(stripped).has(id)).toBe(false)
    const restored = reapplyAnchors(stripped, [record])
    expect(markedSpans(restored).get(id)).toMatchObject({ kind: 'source', start: 4, end: 33 })
  })

  it('turn an annotation whose text was deleted into an orphan, and back when the marks return', () => {
    const id = newId('annotation')
    const text = 'Officials said a team may go.'
    const marked = addAnnotationMark(docOf(text), 'claim', id, 15, 28)
    const record = newAnnotation('claim', id, anchorAt(text, 15, 28), now)
    const gone = reconcileAnnotations(docOf('Officials said.'), [record], now)
    expect(gone.changed).toBe(true)
    expect(gone.annotations[0]).toMatchObject({ orphaned: true, anchor: { exact: 'a team may go' } })
    const back = reconcileAnnotations(marked, gone.annotations, now)
    expect(back.annotations[0]!.orphaned).toBe(false)
  })

  it('move an anchor that text typed before it shifted without calling the annotation updated; a change to its words does', () => {
    const id = newId('annotation')
    const text = 'Officials said a team may go.'
    const record = newAnnotation('claim', id, anchorAt(text, 15, 28), '2024-01-01T00:00:00.000Z')
    const later = '2024-06-01T00:00:00.000Z'
    const shifted = reconcileAnnotations(addAnnotationMark(docOf(`Local ${text}`), 'claim', id, 21, 34), [record], later)
    expect(shifted.changed).toBe(true)
    expect(shifted.annotations[0]).toMatchObject({ anchor: { start: 21, end: 34, exact: 'a team may go', prefix: 'Local Officials said ' }, updatedAt: record.updatedAt })
    const reworded = reconcileAnnotations(addAnnotationMark(docOf('Officials said a team will go.'), 'claim', id, 15, 29), [record], later)
    expect(reworded.annotations[0]).toMatchObject({ anchor: { exact: 'a team will go' }, updatedAt: later })
    const orphaned = reconcileAnnotations(docOf('Officials said.'), [record], later)
    expect(orphaned.annotations[0]!.updatedAt).toBe(later)
  })

  it('refuse a document that does not fit the schema', () => {
    expect(() => docFromJson({ type: 'doc', content: [{ type: 'script', content: [] }] })).toThrow()
  })
})
