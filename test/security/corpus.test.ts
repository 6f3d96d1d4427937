/**
 * Every fixture of the attack corpus through every way content enters a notebook in core: the sanitizer itself,
 * HTML to document, file import (saved page, Markdown with raw HTML), the "New article" paste, and the services
 * writing to a real store, whose files on disk are then read back and checked.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { sanitizeHtml } from '../../src-main/core/import/sanitize'
import { htmlToDoc } from '../../src-main/core/import/html-to-doc'
import { importFile, importPasted } from '../../src-main/core/import/import-file'
import { ImportError } from '../../src-main/core/import/errors'
import { useNotebook } from '../helpers/notebook'
import { ARTICLE_SENTENCE, FIXTURES, REQUIRED_CLASSES, articleFileProblems, docProblems, docText, fixture, htmlProblems } from './corpus'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('the attack corpus', () => {
  it('has one fixture for each bug class of issue 8, each with a payload that would run', () => {
    expect(FIXTURES.map((f) => f.id).sort()).toEqual([...REQUIRED_CLASSES].sort())
    for (const f of FIXTURES) {
      expect(f.html, f.id).toMatch(/__pwned|alert\(|url=|href=/i)
      expect(f.html, f.id).toContain(ARTICLE_SENTENCE)
    }
  })
})

describe.each(FIXTURES.map((f) => [f.id, f] as const))('%s', (_id, f) => {
  it('sanitizes to the policy alone, keeps the article text and is stable', () => {
    const out = sanitizeHtml(f.html)
    expect(htmlProblems(out)).toEqual([])
    expect(out).toContain(ARTICLE_SENTENCE)
    // The title fixture's payload is escaped text in a heading, which is what it should stay.
    if (f.id !== 'title-breakout') expect(out).not.toMatch(/__pwned|alert\(|javascript:|data:text/i)
    expect(sanitizeHtml(out)).toBe(out)
  })

  it('becomes a document that holds only what the schema allows', () => {
    const doc = htmlToDoc(f.html)
    expect(docProblems(doc)).toEqual([])
    expect(docText(doc)).toContain(ARTICLE_SENTENCE)
  })

  it('imports as a saved page, and as Markdown with raw HTML, without anything that acts', async () => {
    for (const name of [`${f.id}.html`, `${f.id}.md`]) {
      const imported = await importFile({ name, bytes: bytes(f.html) })
      expect(docProblems(imported.doc), name).toEqual([])
      expect(docText(imported.doc), name).toContain(ARTICLE_SENTENCE)
      expect(imported.fields.url, name).toMatch(/^(?:https?:\/\/\S+)?$/)
    }
  })

  it('as pasted HTML in "New article" gives a clean document', () => {
    const pasted = importPasted({ title: 'Pasted', html: f.html })
    expect(docProblems(pasted.doc)).toEqual([])
    expect(docText(pasted.doc)).toContain(ARTICLE_SENTENCE)
  })
})

describe('stored on disk', () => {
  const notebook = useNotebook()

  it('no fixture leaves an event handler, a foreign element or a dangerous URL in any file of the notebook', async () => {
    const { store, services } = await notebook()
    const results = await services.importFiles(FIXTURES.map((f) => ({ name: `${f.id}.html`, bytes: bytes(f.html) })))
    expect(results.map((r) => [r.name, r.status])).toEqual(FIXTURES.map((f) => [`${f.id}.html`, 'imported']))
    for (const f of FIXTURES) await services.createArticle({ title: `Pasted ${f.id}`, html: f.html })
    await store.flush()

    const ids = services.listArticles().map((a) => a.id)
    expect(ids).toHaveLength(FIXTURES.length * 2)
    for (const id of ids) {
      const file = JSON.parse(await readFile(store.layout.article(id), 'utf8'))
      expect(articleFileProblems(file), id).toEqual([])
      expect(docText(file.doc)).toContain(ARTICLE_SENTENCE)
    }
    const index = JSON.parse(await readFile(store.layout.index, 'utf8')) as { articles: Array<{ url: string }> }
    for (const a of index.articles) expect(a.url).toMatch(/^(?:https?:\/\/\S+)?$/)
  })

  it('keeps a title that closes its element as the text it is', async () => {
    const { services } = await notebook()
    const [result] = await services.importFiles([{ name: 'title-breakout.html', bytes: bytes(fixture('title-breakout').html) }])
    expect(result!.status).toBe('imported')
    expect(result!.article!.title).toContain("</title><img src=x onerror=\"window.__pwned='title'\">")
  })
})

describe('a Word document with hostile hyperlinks', () => {
  it('keeps the text and drops every link outside http, https and mailto', async () => {
    const { Document, ExternalHyperlink, Packer, Paragraph, TextRun } = await import('docx')
    const links = ['javascript:window.__pwned=1', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '\\\\host\\share\\x.exe', 'https://example.org/ok']
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun(`The port authority said ${ARTICLE_SENTENCE}.`)] }),
            ...links.map((link, i) => new Paragraph({ children: [new ExternalHyperlink({ link, children: [new TextRun(`link number ${i}`)] })] })),
          ],
        },
      ],
    })
    const imported = await importFile({ name: 'hostile.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) })
    expect(docProblems(imported.doc)).toEqual([])
    const hrefs = JSON.stringify(imported.doc).match(/"href":"[^"]*"/g) ?? []
    expect(hrefs).toEqual(['"href":"https://example.org/ok"'])
    for (let i = 0; i < links.length; i++) expect(docText(imported.doc)).toContain(`link number ${i}`)
  })
})

describe('refusals', () => {
  it('a page that parses without a body (a frameset) is empty to the policy, not a crash', async () => {
    for (const html of ['<frameset><frame src="javascript:alert(1)"></frameset>', '<frameset><p>x</p>']) {
      expect(sanitizeHtml(html)).toBe('')
      expect(() => importPasted({ title: 'x', html })).toThrow(ImportError)
      await expect(importFile({ name: 'frames.html', bytes: bytes(html) })).rejects.toBeInstanceOf(ImportError)
    }
  })

  it('a page that is nothing but attack gives the analyst an ImportError, not an empty article', async () => {
    const attackOnly = '<img src=x onerror=alert(1)><svg onload=alert(1)></svg><iframe srcdoc="<script>alert(1)</script>"></iframe>'
    await expect(importFile({ name: 'empty.html', bytes: bytes(attackOnly) })).rejects.toBeInstanceOf(ImportError)
    expect(() => importPasted({ title: 'x', html: attackOnly })).toThrow(ImportError)
  })
})
