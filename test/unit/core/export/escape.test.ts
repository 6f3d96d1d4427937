import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { JSDOM } from 'jsdom'
import { cssString, escapeHtml, escapeMarkdown } from '../../../../src-main/core/export/escape'
import { sanitizeFileName } from '../../../../src-main/core/export/file-name'

const md = new MarkdownIt('commonmark')
// One parser for every run: a JSDOM per run would make the property runs slow enough to time out on a busy machine.
const { document } = new JSDOM('<!DOCTYPE html><body></body>').window
const text = (html: string) => {
  const body = document.createElement('body')
  body.innerHTML = html
  return body
}

describe('escaping content for each format', () => {
  it('HTML: any string comes back as the same text and makes no element', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const body = text(`<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`)
        expect(body.querySelectorAll('*').length).toBe(1)
        expect(body.querySelector('p')!.getAttribute('title')).toBe(s.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd'))
      }),
      { numRuns: 200 },
    )
  })

  it('Markdown: any line renders as its own text in one paragraph, with no markup and no raw HTML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }).filter((s) => s.trim().length > 0 && !/[\u0000]/.test(s)), (s) => {
        const html = md.render(`x ${escapeMarkdown(s)}`)
        const body = text(html)
        expect([...body.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['P'])
        const expected = `x ${s.replace(/\r\n?|\n|\u2028|\u2029/g, ' ')}`.replace(/[ \t]+$/, '').replace(/\s+/g, ' ')
        expect(body.textContent!.trim().replace(/\s+/g, ' ')).toBe(expected.trim())
      }),
      { numRuns: 300 },
    )
  })

  it('Markdown: text that looks like a block starts no block', () => {
    for (const s of ['# heading', '- item', '1. item', '> quote', '***', '<script>x</script>', '    code', '[^1]', '| a | b |']) {
      const body = text(md.render(escapeMarkdown(s)))
      expect([...body.querySelectorAll('*')].map((e) => e.tagName), s).toEqual(['P'])
    }
  })

  it('CSS: a caveat cannot close its string, rule or style element', () => {
    const css = cssString('SECRET"; } </style><script>x</script> \\ \n')
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true)
    expect(css.slice(1, -1)).not.toMatch(/["<>{}\n]/)
  })
})

describe('export file names', () => {
  it.each([
    ['../../x', 'x.pdf'],
    ['$(cmd).pdf', '(cmd).pdf.pdf'],
    ['CON', 'export CON.pdf'],
    ['', 'export.pdf'],
    ['   ...', 'export.pdf'],
    ['-rf --help', 'rf --help.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j.pdf'],
  ])('%j becomes %j', (title, name) => {
    expect(sanitizeFileName(title, 'pdf')).toBe(name)
  })

  it('never holds a path separator, a control character or a leading dot or dash, and is never empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const name = sanitizeFileName(s, 'md')
        expect(name).toMatch(/\.md$/)
        expect(name).not.toMatch(/[\/\\\u0000-\u001f$`]/)
        expect(name).not.toMatch(/^[.\-\s]/)
        expect(name.length).toBeGreaterThan(3)
        expect(Array.from(name).length).toBeLessThanOrEqual(84)
      }),
      { numRuns: 300 },
    )
  })
})
