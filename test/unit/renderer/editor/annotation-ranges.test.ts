import { describe, expect, it } from 'vitest'
import { Slice, type Node as PMNode } from '@tiptap/pm/model'
import { documentSchema } from '../../../../src-main/shared/schema/document-extensions'
import {
  adjacentAnnotation,
  annotationRanges,
  annotationSpans,
  annotationsAt,
  stripAnnotationMarks,
  trimRange,
} from '../../../../src-renderer/editor/annotation-ranges'

const schema = documentSchema()
const CLAIM = 'ann_aaaaaaaaaaaaaaaa'
const SOURCE = 'ann_bbbbbbbbbbbbbbbb'
const Q = 'ann_cccccccccccccccc'

/** "Alpha beta gamma." with a claim over "beta gamma", a source nested over "beta", and a question in paragraph two. */
function sample(): PMNode {
  return schema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Alpha ' },
          { type: 'text', text: 'beta', marks: [{ type: 'claim', attrs: { id: CLAIM } }, { type: 'source', attrs: { id: SOURCE } }] },
          { type: 'text', text: ' gamma', marks: [{ type: 'claim', attrs: { id: CLAIM } }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Why now?', marks: [{ type: 'question', attrs: { id: Q } }] }] },
    ],
  })
}

describe('annotation ranges', () => {
  it('merges adjacent text nodes of one annotation into one range', () => {
    const doc = sample()
    expect(annotationRanges(doc, CLAIM)).toEqual([{ from: 7, to: 17 }])
    expect(doc.textBetween(7, 17)).toBe('beta gamma')
  })

  it('lists annotations in document order with their extents', () => {
    const spans = annotationSpans(sample())
    expect(spans.map((s) => [s.id, s.kind])).toEqual([
      [CLAIM, 'claim'],
      [SOURCE, 'source'],
      [Q, 'question'],
    ])
  })

  it('puts the innermost annotation first under a position in nested spans', () => {
    const under = annotationsAt(sample(), 8)
    expect(under.map((s) => s.id)).toEqual([SOURCE, CLAIM])
    expect(annotationsAt(sample(), 2)).toEqual([])
  })

  it('steps forward and back, wrapping at the ends', () => {
    const doc = sample()
    expect(adjacentAnnotation(doc, 0, 1)?.id).toBe(CLAIM)
    expect(adjacentAnnotation(doc, 0, 1, CLAIM)?.id).toBe(SOURCE)
    expect(adjacentAnnotation(doc, 0, 1, Q)?.id).toBe(CLAIM)
    expect(adjacentAnnotation(doc, 0, -1, CLAIM)?.id).toBe(Q)
    expect(adjacentAnnotation(schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph' }] }), 0, 1)).toBeNull()
  })
})

describe('pasted content', () => {
  it('loses its annotation marks and keeps its text and other marks', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'bold claim', marks: [{ type: 'bold' }, { type: 'claim', attrs: { id: CLAIM } }] }],
        },
      ],
    })
    const slice = doc.slice(1, doc.content.size - 1)
    const stripped = stripAnnotationMarks(slice)
    expect(stripped).toBeInstanceOf(Slice)
    const json = JSON.stringify(stripped.toJSON())
    expect(json).not.toContain(CLAIM)
    expect(json).toContain('bold')
    expect(stripped.content.textBetween(0, stripped.content.size)).toBe('bold claim')
  })
})

describe('trimming a selection', () => {
  it('drops spaces at both ends, as a double-click selection carries them', () => {
    const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one  two three' }] }] })
    // "  two " spans positions 4..10 in the paragraph (text starts at 1).
    expect(trimRange(doc, 4, 10)).toEqual({ from: 6, to: 9 })
    expect(trimRange(doc, 4, 6)).toBeNull()
  })
})
