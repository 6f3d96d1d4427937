import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { htmlBlocks } from '../../../../src-main/core/export/html-blocks'
import { blocksToHtml } from '../../../../src-main/core/export/blocks-html'
import type { Block } from '../../../../src-main/core/export/doc-blocks'

const markup = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('<p>', '</p>', '<script>', '</script>', '<a href="javascript:x">', '<a href="https://e.org">', '</a>', '<img src=x onerror=alert(1)>', '<ul><li>', '<ol start=9><li>', '<b>', '</b>', '<svg><style><img src=x onerror=1>', '<!--', '-->', '<noscript><p title="</noscript><img src=x onerror=1>">', '&lt;script&gt;', '<blockquote>', '<br>', '<h1>', '<table><tr><td>', '"', "'", '<', '>'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''))

const shape = (blocks: Block[]) => blocks.map((b) => (b.type === 'rule' ? 'rule' : `${b.type}${b.type === 'item' ? `:${b.ordered ? 'ol' : 'ul'}${b.depth}#${b.number}` : ''}:${b.runs.map((r) => (r.lineBreak ? '⏎' : r.text)).join('')}`))

describe('stored rich text as export blocks', () => {
  it('keeps the structure an analyst writes: paragraphs, nested lists, quotes, headings, breaks', () => {
    const blocks = htmlBlocks('<h2>Title</h2><p>One<br>two</p><ol start="3"><li><p>three</p><ul><li><p>inner</p></li></ul></li><li><p>four</p></li></ol><blockquote><p>quoted</p></blockquote><hr>')
    expect(shape(blocks)).toEqual(['heading:Title', 'paragraph:One⏎two', 'item:ol0#3:three', 'item:ul1#1:inner', 'item:ol0#4:four', 'paragraph:quoted', 'rule'])
    expect(blocks[5]!.quoteDepth).toBe(1)
  })

  it('keeps bold, italic and safe links, and drops scripts, handlers and dangerous links', () => {
    const [p] = htmlBlocks('<p onclick="x()"><strong>B</strong> <em>I</em> <a href="https://e.org/?a=1&amp;b=2">ok</a> <a href="jav&#x09;ascript:alert(1)">bad</a><script>alert(1)</script><style>p{}</style><img src=x onerror=alert(2)></p>')
    expect(p!.type === 'paragraph' && p!.runs).toEqual([
      { text: 'B', bold: true, annotations: [] },
      { text: ' ', annotations: [] },
      { text: 'I', italic: true, annotations: [] },
      { text: ' ', annotations: [] },
      { text: 'ok', href: 'https://e.org/?a=1&b=2', annotations: [] },
      { text: ' ', annotations: [] },
      { text: 'bad', annotations: [] },
    ])
  })

  it('never lets markup from any input through to the HTML it is written back as', () => {
    fc.assert(
      fc.property(markup, (s) => {
        const html = blocksToHtml(htmlBlocks(s), { headingOffset: 0 })
        expect(html).not.toMatch(/<(?!\/?(p|h[1-6]|ul|ol|li|blockquote|hr|br|strong|em|u|s|a)[ >])/)
        expect(html).not.toMatch(/\son\w+=/i)
        expect(html).not.toMatch(/href="(?!https?:|mailto:)/)
      }),
      { numRuns: 500 },
    )
  })
})
