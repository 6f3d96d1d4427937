import { describe, expect, it } from 'vitest'
import { htmlToDoc, NoContentError, textToDoc } from '../../../../src-main/core/import/html-to-doc'
import { docFromJson } from '../../../../src-main/shared/schema/annotate-doc'
import { docParts } from './doc-walk'

describe('htmlToDoc', () => {
  it('converts the allowlisted HTML into nodes and marks of the shared schema', () => {
    const doc = htmlToDoc(
      '<h2>Heading</h2><p><b>bold</b> <i>italic</i> <u>under</u> <s>struck</s> <a href="https://example.org/">link</a><br>after</p>' +
        '<ul><li>item</li></ul><ol><li>first</li></ol><blockquote><p>quoted</p></blockquote><hr>',
    )
    expect(() => docFromJson(doc)).not.toThrow()
    const parts = docParts(doc)
    expect([...parts.nodeTypes].sort()).toEqual(
      ['blockquote', 'bulletList', 'doc', 'hardBreak', 'heading', 'horizontalRule', 'listItem', 'orderedList', 'paragraph', 'text'].sort(),
    )
    expect([...parts.markTypes].sort()).toEqual(['bold', 'italic', 'link', 'strike', 'underline'])
    expect(parts.hrefs).toEqual(['https://example.org/'])
  })

  it('leaves no trace of hostile markup in the document', () => {
    const doc = htmlToDoc(
      '<p onclick="alert(1)">Text <a href="jav&#x61;script:alert(2)">bad link</a><img src=x onerror="alert(3)"><script>alert(4)</script></p><iframe src="https://x.example"></iframe>',
    )
    const json = JSON.stringify(doc)
    expect(json).not.toMatch(/alert|javascript|onclick|onerror|iframe|script/i)
    expect(docParts(doc).text).toBe('Text bad link\n')
  })

  it('drops annotation marks unless asked to keep them', () => {
    const html = '<p>The minister <mark data-kind="claim" data-annotation-id="ann_0123456789abcdef">denied it</mark>.</p>'
    expect(docParts(htmlToDoc(html)).markTypes.size).toBe(0)
    const kept = htmlToDoc(html, { keepAnnotationMarks: true })
    expect(JSON.stringify(kept)).toContain('"type":"claim","attrs":{"id":"ann_0123456789abcdef"}')
  })

  it.each([[''], ['   \n '], ['<p></p><p>&nbsp;</p>'], ['<script>alert(1)</script><style>p{}</style>'], ['<img src="pixel.gif"><hr>']])(
    'refuses HTML with no text: %j',
    (html) => {
      expect(() => htmlToDoc(html)).toThrow(NoContentError)
    },
  )
})

describe('textToDoc', () => {
  const paragraphs = (text: string): string[] =>
    ((textToDoc(text).content ?? []) as Array<{ content?: Array<{ type: string; text?: string }> }>).map((p) =>
      (p.content ?? []).map((n) => (n.type === 'hardBreak' ? '⏎' : n.text)).join(''),
    )

  it('splits paragraphs on blank lines', () => {
    expect(paragraphs('First paragraph.\n\nSecond paragraph.\n\n\n\nThird.')).toEqual(['First paragraph.', 'Second paragraph.', 'Third.'])
  })

  it('joins hard-wrapped wire copy back into running text', () => {
    const wrapped =
      'ANKARA (Wire) - Ministers from four countries agreed on Tuesday to\nresume emergency grain shipments through the strait, officials\nsaid.\n\nNext.'
    expect(paragraphs(wrapped)).toEqual([
      'ANKARA (Wire) - Ministers from four countries agreed on Tuesday to resume emergency grain shipments through the strait, officials said.',
      'Next.',
    ])
  })

  it('keeps short lines and lists as hard breaks', () => {
    expect(paragraphs('Ministry of Defence\nMain Building\nLondon\n\n- first point that is long enough to look wrapped\n- second')).toEqual([
      'Ministry of Defence⏎Main Building⏎London',
      '- first point that is long enough to look wrapped⏎- second',
    ])
  })

  it('makes each line a paragraph when the text has no blank lines at all', () => {
    expect(paragraphs('Line one.\r\nLine two.\rLine three.')).toEqual(['Line one.', 'Line two.', 'Line three.'])
  })

  it('removes control characters that have no place in text', () => {
    expect(paragraphs('bell\u0007 and escape\u001b[0m')).toEqual(['bell and escape[0m'])
  })

  it('refuses text with nothing in it', () => {
    expect(() => textToDoc(' \n\t\n ')).toThrow(NoContentError)
  })
})
