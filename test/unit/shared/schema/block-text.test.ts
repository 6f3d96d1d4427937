import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { documentSchema } from '../../../../src-main/shared/schema/document-extensions'
import { anchorOfMarks, textBetween } from '../../../../src-main/shared/schema/block-text'
import { anchorAt, indexText, markedSpans } from '../../../../src-main/shared/schema/plain-text'

const schema = documentSchema()
const KINDS = ['claim', 'source', 'question'] as const

/** Words with spaces, newlines-free; some empty so empty textblocks occur. */
const inlineArb = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).map((t) => ({ type: 'text', text: t })) },
    { weight: 1, arbitrary: fc.constant({ type: 'hardBreak' }) },
  ),
  { maxLength: 4 },
)
const paragraph = inlineArb.map((content) => ({ type: 'paragraph', content }))
const blockArb = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), inlineArb).map(([level, content]) => ({ type: 'heading', attrs: { level }, content })) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ({ type: 'blockquote', content: ps })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.array(paragraph, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
      .map((items) => ({ type: 'bulletList', content: items.map((ps) => ({ type: 'listItem', content: ps })) })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'horizontalRule' }) },
)
const docArb = fc.array(blockArb, { minLength: 1, maxLength: 8 }).map((content) => schema.nodeFromJSON({ type: 'doc', content }))

/** An edit as fractions of the document's size, so it applies to whatever document the previous edits left. */
const editArb = fc.record({
  op: fc.constantFrom('insert', 'delete', 'split', 'mark'),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.string({ minLength: 1, maxLength: 6 }),
  kind: fc.constantFrom(...KINDS),
})
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never

const posIn = (doc: PMNode, f: number) => Math.min(doc.content.size, Math.floor(f * (doc.content.size + 1)))

function applyEdit(doc: PMNode, e: Edit, n: number): PMNode {
  const tr = new Transform(doc)
  const x = posIn(doc, Math.min(e.a, e.b))
  const y = posIn(doc, Math.max(e.a, e.b))
  try {
    if (e.op === 'insert' && doc.resolve(x).parent.inlineContent) tr.insert(x, schema.text(e.text))
    else if (e.op === 'delete') tr.delete(x, y)
    else if (e.op === 'split' && doc.resolve(x).parent.isTextblock) tr.split(x)
    else if (e.op === 'mark') tr.addMark(x, y, schema.marks[e.kind]!.create({ id: `other-${n}` }))
  } catch {
    // A step that does not fit this document (a split at a list's edge, say) leaves it as it was.
    return doc
  }
  return tr.doc
}

/** What the store computes: the whole text, every marked span, the anchor of one. */
function fullAnchor(doc: PMNode, id: string) {
  const index = indexText(doc)
  const span = markedSpans(doc, index).get(id)
  return span ? { kind: span.kind, anchor: anchorAt(index.text, span.start, span.end) } : null
}

describe('block-cached plain text', () => {
  it('gives the same anchor as the walk over the whole document, across edits that share blocks between documents', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(fc.tuple(editArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 6 }),
        (start, steps) => {
          let doc = start
          steps.forEach(([edit, a, b, twoRanges], n) => {
            doc = applyEdit(doc, edit, n)
            // Tag a random range (or two parts of it, as a selection of several ranges does) with a fresh id.
            const from = posIn(doc, Math.min(a, b))
            const to = posIn(doc, Math.max(a, b))
            const id = `tag-${n}`
            const type = schema.marks[KINDS[n % 3]!]!
            const tr = new Transform(doc)
            if (twoRanges && to - from >= 3) {
              const mid = Math.floor((from + to) / 2)
              tr.addMark(from, mid - 1, type.create({ id })).addMark(mid + 1, to, type.create({ id }))
            } else tr.addMark(from, to, type.create({ id }))
            const tagged = tr.doc
            expect(anchorOfMarks(tagged, id, from, to)).toEqual(fullAnchor(tagged, id))
            // Every other slice of the text agrees too, the context around the span included.
            const text = indexText(tagged).text
            const s = Math.floor(a * (text.length + 40)) - 20
            const t = s + Math.floor(b * 60)
            expect(textBetween(tagged, s, t)).toBe(text.slice(Math.max(0, s), Math.max(0, t)))
            doc = tagged
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reads only the marks of the given id, and none outside the range it is given', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Officials said ' }, { type: 'text', text: 'the convoy', marks: [{ type: 'claim', attrs: { id: 'a' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'moved', marks: [{ type: 'source', attrs: { id: 'b' } }] }] },
      ],
    })
    expect(anchorOfMarks(doc, 'a', 0, doc.content.size)).toEqual({
      kind: 'claim',
      anchor: { exact: 'the convoy', prefix: 'Officials said ', suffix: '\nmoved', start: 15, end: 25 },
    })
    expect(anchorOfMarks(doc, 'b', 0, 10)).toBeNull()
    expect(anchorOfMarks(doc, 'missing', 0, doc.content.size)).toBeNull()
  })
})
