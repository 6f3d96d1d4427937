import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { newAnnotation, type Annotation } from '../../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../../src-main/shared/model/article'
import type { Brief } from '../../../../src-main/shared/model/brief'
import { newId } from '../../../../src-main/shared/model/ids'
import type { DocJson } from '../../../../src-main/shared/model/notebook'
import { renderHtml } from '../../../../src-main/core/export/html'
import { renderMarkdown } from '../../../../src-main/core/export/markdown'
import type { ExportDocument } from '../../../../src-main/core/export/model'

/** Issue 8: no export emits an unescaped `<` (or any markup) that came from content. */
const NOW = '2024-11-05T10:00:00.000Z'
const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('</title><script>window.__pwned=1</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '[x](javascript:alert(1))', '</style><script>1</script>', '<!-- x -->', '&lt;b&gt;', '# h', '- item', '[^1]', '`code`'),
)
const { document } = new JSDOM('<!DOCTYPE html>').window
const md = new MarkdownIt('commonmark').use(footnote)

function exportDoc(s: { title: string; quote: string; note: string; tag: string; outlet: string; caveat: string; bluf: string; source: string }): ExportDocument {
  const articleId = newId('article')
  const quote = s.quote.trim() || 'q'
  const text = `Before ${quote} after.`
  const claim = { ...newAnnotation('claim', newId('annotation'), { exact: quote, prefix: 'Before ', suffix: ' after.', start: 7, end: 7 + quote.length }, NOW), note: s.note, tags: [s.tag] } as Annotation
  const doc: DocJson = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Before ' }, { type: 'text', text: quote, marks: [{ type: 'claim', attrs: { id: claim.id } }] }, { type: 'text', text: ' after.' }] }] }
  const meta: ArticleMeta = {
    id: articleId,
    title: s.title.trim() || 't',
    outlet: s.outlet,
    byline: s.source,
    publishedAt: '',
    url: s.source,
    language: '',
    excerpt: '',
    createdAt: NOW,
    updatedAt: NOW,
    provenance: { origin: 'file', name: s.source, sha256: 'a'.repeat(64), importedAt: NOW, mediaType: 'text/html', byteLength: text.length },
    counts: { claim: 1, source: 0, question: 0 },
  }
  const brief: Brief = { id: newId('brief'), title: s.title.trim() || 't', author: s.source, date: '', caveat: s.caveat, bluf: s.bluf, judgments: s.note, items: [], filter: null, createdAt: NOW, updatedAt: NOW }
  const article = { meta, doc, notes: s.note, annotations: [claim], dismissedSuggestions: [] }
  return { kind: 'brief', brief, evidence: [{ label: 'C1', annotation: claim, article: meta, evidenceCode: 'F6', sourceNames: [s.source], picked: true }], missing: 0, articles: [article], registry: [], links: [], generatedAt: NOW }
}

const fields = fc.record({ title: hostile, quote: hostile, note: hostile, tag: hostile, outlet: hostile, caveat: hostile, bluf: hostile, source: hostile })
const ALLOWED = new Set(['HTML', 'HEAD', 'BODY', 'META', 'TITLE', 'STYLE', 'MAIN', 'HEADER', 'SECTION', 'DIV', 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DL', 'DT', 'DD', 'OL', 'UL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'SPAN', 'MARK', 'SUP', 'A', 'BR', 'STRONG', 'EM', 'U', 'S', 'B', 'BLOCKQUOTE', 'HR'])

describe('exports escape everything that comes from content', () => {
  it('HTML: only the exporter\'s own elements, no handler, no unsafe link, and the text reads back as given', () => {
    fc.assert(
      fc.property(fields, (s) => {
        const doc = exportDoc(s)
        const parsed = new JSDOM(renderHtml(doc)).window.document
        for (const el of parsed.querySelectorAll('*')) {
          expect(ALLOWED.has(el.tagName), el.tagName).toBe(true)
          for (const a of el.getAttributeNames()) expect(a.startsWith('on'), a).toBe(false)
        }
        for (const a of parsed.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:|mailto:)/)
        expect(parsed.querySelectorAll('style')).toHaveLength(1)
        expect(parsed.title).toBe(doc.kind === 'brief' ? doc.brief.title.replace(/\s+/g, ' ').trim() : '')
        expect(parsed.querySelector('.evidence-table .quote')!.textContent).toBe(`“${s.quote.trim() || 'q'}”`)
      }),
      { numRuns: 150 },
    )
  })

  it('Markdown: no raw HTML reaches the reader, and the quote reads back as given', () => {
    fc.assert(
      fc.property(fields, (s) => {
        const source = renderMarkdown(exportDoc(s))
        const tokens = md.parse(source, {})
        const all = tokens.flatMap((t) => [t, ...(t.children ?? [])])
        expect(all.filter((t) => t.type === 'html_inline' || t.type === 'html_block')).toEqual([])
        for (const t of all.filter((t) => t.type === 'link_open')) expect(t.attrGet('href')).toMatch(/^(#|https?:|mailto:)/)
        const body = document.createElement('body')
        body.innerHTML = md.render(source)
        expect(body.textContent!.replace(/\s+/g, ' ')).toContain(`“${(s.quote.trim() || 'q').replace(/\s+/g, ' ')}”`)
      }),
      { numRuns: 150 },
    )
  })
})
