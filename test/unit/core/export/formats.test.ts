import { describe, expect, it } from 'vitest'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { JSDOM } from 'jsdom'
import { createHash } from 'node:crypto'
import { HOSTILE } from './fixture'
import { useSeededNotebook } from './shared-notebook'
import type { ExportFormat, ExportTarget } from '../../../../src-main/shared/ipc-contract'
import type { Services } from '../../../../src-main/core/services/notebook-services'

const seeded = useSeededNotebook()
const decode = (b: Uint8Array) => new TextDecoder().decode(b)

async function exportText(services: Services, target: ExportTarget, format: ExportFormat): Promise<string> {
  return decode((await services.exportTarget(target, format)).bytes)
}

function dom(html: string) {
  return new JSDOM(html).window.document
}

/** Parses Markdown as a CommonMark reader with footnotes would, and returns every reference that did not resolve. */
function parseMarkdown(source: string) {
  const md = new MarkdownIt('commonmark').use(footnote)
  const env: { footnotes?: { refs?: Record<string, number>; list?: unknown[] } } = {}
  const tokens = md.parse(source, env)
  const html = md.renderer.render(tokens, md.options, env)
  const doc = dom(html)
  const refs = [...doc.querySelectorAll('sup.footnote-ref a')].map((a) => a.getAttribute('href')!.slice(1))
  const missing = refs.filter((id) => !doc.getElementById(id))
  return { doc, html, refs, missing, unparsed: (doc.body.textContent ?? '').match(/\[\^[^\]]+\]/g) ?? [] }
}

describe('Markdown export', () => {
  it('parses as CommonMark, every footnote resolves, and content makes no markup', async () => {
    const { services, briefId } = seeded()
    const source = await exportText(services, { kind: 'brief', id: briefId }, 'md')
    const { doc, refs, missing, unparsed } = parseMarkdown(source)
    expect(refs.length).toBeGreaterThanOrEqual(3)
    expect(missing).toEqual([])
    expect(unparsed).toEqual([])
    expect(doc.querySelectorAll('script, img, a[href^="javascript"]').length).toBe(0)
    expect(doc.querySelector('h1')!.textContent).toBe('Foreign troops near the front: <assessment> & "outlook"')
    expect(doc.querySelectorAll('h1').length).toBe(1)
    const text = doc.body.textContent!
    expect(text).toContain('said **forces** would move by [Friday](javascript:alert(2))')
    expect(text).toContain('About 10,000 foreign soldiers have moved to the border region in the past two weeks')
    expect(text).toContain('C3 (source fairly reliable; information possibly true) · disputed · roughly even chance (45–55%) · low confidence')
    // The citation: outlet, title, date, URL, import time and SHA-256.
    const notes = doc.querySelector('.footnotes')!.textContent!
    expect(notes).toContain(HOSTILE.title)
    expect(notes).toContain('https://example.org/a?x=1&y=%3C2%3E')
    expect(notes).toMatch(/Imported \d{4}-\d\d-\d\dT/)
    expect(notes).toMatch(/SHA-256 [0-9a-f]{64}/)
    expect(text.match(/SECRET \/\/ REL TO <FVEY> "test"/g)).toHaveLength(2)
  })

  it('marks an article\'s tagged spans and gives each a footnote with its grading and note', async () => {
    const { services, hostileId } = seeded()
    const { doc, refs, missing } = parseMarkdown(await exportText(services, { kind: 'articles', ids: [hostileId] }, 'md'))
    expect(refs).toHaveLength(3)
    expect(missing).toEqual([])
    const notes = doc.querySelector('.footnotes')!.textContent!
    expect(notes).toContain('C1 Claim: “said **forces** would move by [Friday](javascript:alert(2))”')
    expect(notes).toContain('Note: Note with a bad link and bold <script>alert(5)</script>')
    expect(notes).toContain('Q1 Question')
    expect(doc.body.textContent).toContain('# Not a heading | pipe | and a footnote [^1]')
    expect(doc.querySelectorAll('script, img, h1 + h1').length).toBe(0)
  })
})

describe('HTML export', () => {
  it('is self-contained: a CSP that admits only its own stylesheet, no script, no event handler, no remote reference', async () => {
    const { services, briefId, hostileId } = seeded()
    for (const target of [{ kind: 'brief', id: briefId }, { kind: 'articles', ids: [hostileId] }] as ExportTarget[]) {
      const html = await exportText(services, target, 'html')
      const doc = dom(html)
      expect(doc.querySelectorAll('script, iframe, object, embed, img, link, base, form').length).toBe(0)
      for (const el of doc.querySelectorAll('*')) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), attr).toBe(false)
      for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:|mailto:)/)
      const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!
      const styles = doc.querySelectorAll('style')
      expect(styles).toHaveLength(1)
      const hash = createHash('sha256').update(styles[0]!.textContent!).digest('base64')
      expect(csp).toContain(`style-src 'sha256-${hash}'`)
      expect(csp).toMatch(/default-src 'none'/)
      expect(csp).not.toMatch(/script-src|unsafe/)
      expect(doc.title).toBe(target.kind === 'brief' ? 'Foreign troops near the front: <assessment> & "outlook"' : HOSTILE.title)
    }
  })

  it('holds the evidence table with each claim, its grading in words and a numbered full citation', async () => {
    const { services, briefId } = seeded()
    const doc = dom(await exportText(services, { kind: 'brief', id: briefId }, 'html'))
    const rows = [...doc.querySelectorAll('table.evidence-table.claims tbody tr')]
    expect(rows.map((r) => r.querySelector('td.label')!.textContent)).toEqual(['C1', 'C2', 'C3'])
    const first = rows[0]!.textContent!
    expect(first).toContain('“said **forces** would move by [Friday](javascript:alert(2))”')
    expect(first).toContain('disputed')
    expect(first).toContain('roughly even chance (45–55%)')
    expect(first).toContain('low confidence')
    expect(first).toContain('Minister <script>')
    const ref = rows[0]!.querySelector('a[href^="#ref-"]')!.getAttribute('href')!
    const citation = doc.querySelector(ref)!.textContent!
    for (const part of ['Outlet <b>bold</b>', HOSTILE.title, '2024-11-06', 'https://example.org/a?x=1&y=%3C2%3E', '../../$(rm -rf ~).html']) expect(citation).toContain(part)
    expect(citation).toMatch(/[0-9a-f]{64}/)
    expect(doc.querySelector('.judgments')!.innerHTML).not.toMatch(/onclick|<script/)
    expect(doc.querySelector('.judgments li strong')!.textContent).toBe('moderate confidence')
  })

  it('repeats the caveat in the header and footer of every printed page, as an escaped CSS string', async () => {
    const { services, briefId } = seeded()
    const html = await exportText(services, { kind: 'brief', id: briefId }, 'html')
    const css = dom(html).querySelector('style')!.textContent!
    const boxes = css.match(/@(top|bottom)-center \{ content: "([^"]*)"/g) ?? []
    expect(boxes).toHaveLength(2)
    expect(css).not.toContain('<FVEY>')
    expect(css).toContain('counter(page)')
  })

  it('styles the three kinds apart by underline and by label, not by colour alone', async () => {
    const { services, hostileId } = seeded()
    const doc = dom(await exportText(services, { kind: 'articles', ids: [hostileId] }, 'html'))
    const css = doc.querySelector('style')!.textContent!
    expect(css).toMatch(/\.anno-claim \{[^}]*#0072B2;?[^}]*\}/)
    expect(css).toMatch(/\.anno-claim \{[^}]*text-decoration-style: solid/)
    expect(css).toMatch(/\.anno-source \{[^}]*text-decoration-style: dotted/)
    expect(css).toMatch(/\.anno-question \{[^}]*text-decoration-style: wavy/)
    const body = doc.querySelector('.article-body')!
    expect([...body.querySelectorAll('mark')].map((m) => m.getAttribute('data-kind'))).toEqual(['source', 'claim', 'question'])
    expect([...body.querySelectorAll('sup.tag')].map((s) => s.textContent)).toEqual(['S1', 'C1', 'Q1'])
    const noteId = body.querySelector('sup.tag-claim a')!.getAttribute('href')!
    expect(doc.querySelector(noteId)!.textContent).toContain('Note with a bad link and bold <script>alert(5)</script>')
  })
})

describe('preview', () => {
  it('is the export body, sanitized, with the export stylesheet', async () => {
    const { services, briefId } = seeded()
    const preview = await services.previewExport({ kind: 'brief', id: briefId })
    const doc = dom(`<body>${preview.html}</body>`)
    expect(doc.querySelectorAll('script, style, img').length).toBe(0)
    expect(doc.querySelectorAll('table.evidence-table tbody tr')).toHaveLength(3)
    expect(preview.css).toContain('.export-doc')
    expect(preview.counts).toEqual({ articles: 2, claims: 3, sources: 0, questions: 0 })
    expect(preview.suggestedName).toBe('Foreign troops near the front assessment outlook')
  })
})
