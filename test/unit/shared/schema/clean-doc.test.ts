import { describe, expect, it } from 'vitest'
import { cleanDocJson } from '../../../../src-main/shared/schema/clean-doc'
import type { DocJson } from '../../../../src-main/shared/model/notebook'

const paragraph = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] }) as unknown as DocJson

describe('cleanDocJson', () => {
  it('drops children smuggled into a text node, which fromJSON would ignore and the store would keep', () => {
    const smuggled = { type: 'text', text: 'Kursk', content: [{ type: 'codeBlock', content: [{ type: 'text', text: '<script>' }] }] }
    expect(cleanDocJson(paragraph(smuggled))).toEqual(paragraph({ type: 'text', text: 'Kursk' }))
  })

  it('drops children of a leaf node such as a hard break', () => {
    const br = { type: 'hardBreak', content: [{ type: 'text', text: 'hidden' }] }
    expect(cleanDocJson(paragraph({ type: 'text', text: 'a' }, br))).toEqual(paragraph({ type: 'text', text: 'a' }, { type: 'hardBreak' }))
  })

  it('keeps the children of container nodes', () => {
    const doc = paragraph({ type: 'text', text: 'said', marks: [{ type: 'bold' }] })
    expect(cleanDocJson(doc)).toEqual(doc)
  })
})
