import { describe, expect, it } from 'vitest'
import { addAnnotationMark, docFromJson } from '../../../../src-main/shared/schema/annotate-doc'
import type { DocJson } from '../../../../src-main/shared/model/notebook'
import { docJson } from '../../../../src-renderer/editor/doc-json'

const source: DocJson = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Border' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Troops crossed ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'at dawn' }, { type: 'text', text: '.' }] },
    { type: 'paragraph' },
    { type: 'paragraph', content: [{ type: 'text', text: 'Officials said nothing.' }] },
  ],
}

describe('docJson', () => {
  it('gives exactly what doc.toJSON gives', () => {
    const doc = addAnnotationMark(docFromJson(source), 'claim', 'annotation_x', 0, 6)
    expect(JSON.stringify(docJson(doc))).toBe(JSON.stringify(doc.toJSON()))
  })

  it('after an edit, serialises only the changed block again and reuses the others', () => {
    const doc = docFromJson(source)
    const before = docJson(doc)
    const edited = doc.replace(3, 3, doc.slice(3, 4))
    const after = docJson(edited)
    expect(JSON.stringify(after)).toBe(JSON.stringify(edited.toJSON()))
    expect(after.content![0]).not.toBe(before.content![0])
    expect(after.content![1]).toBe(before.content![1])
    expect(after.content![3]).toBe(before.content![3])
  })
})
