/**
 * The entry points that do not start as HTML: document JSON sent by the window (through main's handler table,
 * exactly as the app and the e2e harness call it), article files someone else wrote into the notebook folder, and
 * a JSON notebook export read back. Each ends with the files on disk checked, not just the values returned.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { createHandlers, type HandlerTable } from '../../src-main/main/ipc/handlers'
import type { Services } from '../../src-main/core/services/notebook-services'
import { newId } from '../../src-main/shared/model/ids'
import { sanitizeHtml, sanitizeStoredHtml } from '../../src-main/core/import/sanitize'
import { useNotebook } from '../helpers/notebook'
import { ARTICLE_SENTENCE, articleFileProblems, docProblems, docText, fixture, htmlProblems } from './corpus'
import { appShellMocks } from '../helpers/app-shell-fake'

const notebook = useNotebook()

function handlers(services: Services): HandlerTable {
  const refuse = () => {
    throw new Error('not used here')
  }
  return createHandlers(() => services, {
    pickImportFiles: async () => [],
    confirmOpenExternal: async () => false,
    openExternal: refuse,
    windowFlushed: () => {},
    saveExport: async () => null,
    showInFolder: () => {},
    printToPdf: refuse,
    exportProgress: () => {},
    importProgress: () => {},
    ...appShellMocks(),
  } as Parameters<typeof createHandlers>[1])
}

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })

/** A body as a compromised or buggy window might send it: dangerous hrefs, attributes the schema lacks, forged ids. */
function hostileDoc(annotationId: string) {
  return {
    type: 'doc',
    onload: 'window.__pwned=1',
    content: [
      { type: 'heading', attrs: { level: '1 onclick=alert(1)', onclick: 'alert(1)' }, content: [text('Hostile heading')] },
      {
        type: 'paragraph',
        attrs: { style: 'background:url(javascript:alert(1))', onmouseover: 'alert(1)' },
        content: [
          text(ARTICLE_SENTENCE, [{ type: 'claim', attrs: { id: annotationId } }]),
          text(' js', [{ type: 'link', attrs: { href: 'javascript:window.__pwned=1', onclick: 'x' } }]),
          text(' case', [{ type: 'link', attrs: { href: 'JaVa\tScRiPt:alert(1)' } }]),
          text(' entity', [{ type: 'link', attrs: { href: '&#106;avascript:alert(1)' } }]),
          text(' data', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }]),
          text(' file', [{ type: 'link', attrs: { href: 'file:///etc/passwd', target: '_blank', rel: 'opener' } }]),
          text(' forged', [{ type: 'source', attrs: { id: '"><img src=x onerror=alert(1)>' } }]),
          text(' web', [{ type: 'link', attrs: { href: 'https://example.org/ok', class: 'evil', target: '_top' } }]),
        ],
      },
    ],
  }
}

async function storedFile(store: { layout: { article(id: string): string }; flush(): Promise<void> }, id: string) {
  await store.flush()
  return JSON.parse(await readFile(store.layout.article(id), 'utf8'))
}

async function anArticle(services: Services): Promise<string> {
  return (await services.createArticle({ title: 'Port report', text: `The port authority said ${ARTICLE_SENTENCE}.` })).id
}

describe('document JSON from the window', () => {
  it('saveArticleBody stores only what the schema allows, and links only by the URL policy', async () => {
    const { store, services } = await notebook()
    const id = await anArticle(services)
    await handlers(services).saveArticleBody({ id, doc: hostileDoc(newId('annotation')) })
    const file = await storedFile(store, id)
    expect(articleFileProblems(file)).toEqual([])
    expect(docText(file.doc)).toContain(ARTICLE_SENTENCE)
    expect(JSON.stringify(file.doc).match(/"href":"[^"]*"/g)).toEqual(['"href":"https://example.org/ok"'])
    expect(JSON.stringify(file)).not.toMatch(/onclick|onload|onmouseover|opener|_top|evil/)
  })

  it('createAnnotation and deleteAnnotation store the body cleaned the same way', async () => {
    const { store, services } = await notebook()
    const id = await anArticle(services)
    const h = handlers(services)
    const annotation = newId('annotation')
    await h.createAnnotation({ articleId: id, id: annotation, kind: 'claim', doc: hostileDoc(annotation) })
    expect(articleFileProblems(await storedFile(store, id))).toEqual([])
    const unmarked = JSON.parse(JSON.stringify(hostileDoc(annotation)).replace(/\{"type":"claim","attrs":\{"id":"ann_[0-9a-z]+"\}\}/, '{"type":"bold"}'))
    await h.deleteAnnotation({ articleId: id, id: annotation, doc: unmarked })
    const file = await storedFile(store, id)
    expect(articleFileProblems(file)).toEqual([])
    expect(file.annotations).toEqual([])
  })

  it('updateAnnotation stores a note through the policy', async () => {
    const { store, services } = await notebook()
    const id = await anArticle(services)
    const annotation = (await services.annotateQuote({ articleId: id, kind: 'claim', quote: ARTICLE_SENTENCE })).id
    await handlers(services).updateAnnotation({ articleId: id, id: annotation, patch: { note: fixture('img-onerror').html } })
    const file = await storedFile(store, id)
    expect(articleFileProblems(file)).toEqual([])
    expect(file.annotations[0].note).toContain(ARTICLE_SENTENCE)
  })

  it('saveArticleNotes stores notes through the policy', async () => {
    const { store, services } = await notebook()
    const id = await anArticle(services)
    await handlers(services).saveArticleNotes({ id, notes: fixture('svg-style-use').html + fixture('links-obfuscated').html })
    const file = await storedFile(store, id)
    expect(articleFileProblems(file)).toEqual([])
    expect(file.notes).toContain(ARTICLE_SENTENCE)
  })

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '\\\\host\\share', 'ftp://example.org/x'])(
    'refuses the article URL %j with a sentence and keeps the old one',
    async (url) => {
      const { store, services } = await notebook()
      const id = await anArticle(services)
      await handlers(services).updateArticleFields({ id, fields: { url: 'https://example.org/original' } })
      await expect(handlers(services).updateArticleFields({ id, fields: { url } })).rejects.toThrow(/must be a web address starting with http/)
      await store.flush()
      const index = JSON.parse(await readFile(store.layout.index, 'utf8')) as { articles: Array<{ id: string; url: string }> }
      expect(index.articles.find((a) => a.id === id)!.url).toBe('https://example.org/original')
    },
  )
})

describe('content loaded from the store', () => {
  it('an article file written by someone else reaches the window cleaned: body, notes and annotation notes', async () => {
    const { store, services, reopen } = await notebook()
    const id = await anArticle(services)
    const annotation = (await services.annotateQuote({ articleId: id, kind: 'claim', quote: ARTICLE_SENTENCE })).id
    await store.flush()
    const path = store.layout.article(id)
    const file = JSON.parse(await readFile(path, 'utf8'))
    file.doc = hostileDoc(annotation)
    file.notes = fixture('noscript-xmp-mxss').html
    file.annotations[0].note = '<img src=x onerror="window.__pwned=1"><p>note text</p><a href="javascript:alert(1)">x</a>'
    await writeFile(path, JSON.stringify(file))

    const view = await (await reopen()).getArticle(id)
    expect(docProblems(view.doc)).toEqual([])
    expect(docText(view.doc)).toContain(ARTICLE_SENTENCE)
    expect(htmlProblems(view.notes)).toEqual([])
    expect(view.notes).toContain(ARTICLE_SENTENCE)
    expect(htmlProblems(view.annotations[0]!.note)).toEqual([])
    expect(view.annotations[0]!.note).toBe('<p>note text</p><p>x</p>')
  })

  it('rich text already in the policy\'s form is passed as stored, anything else is sanitized again', () => {
    const canonical = sanitizeHtml(fixture('links-obfuscated').html + '<p><mark data-kind="claim" data-annotation-id="ann_0123456789abcdef">m</mark> a &amp; b &lt;c&gt;</p>')
    expect(sanitizeStoredHtml(canonical)).toBe(canonical)
    for (const hostile of [
      '<p onclick="x">a</p>',
      '<a href="javascript:alert(1)">a</a>',
      '<a href="jav&#x61;script:alert(1)">a</a>',
      '<a href="java&amp;#x09;script:alert(1)">a</a>',
      '<a href="https://ok.example/" onclick="x">a</a>',
      '<mark data-kind="claim" data-annotation-id="ann_0123456789abcdef" onclick="x">m</mark>',
      '<p>a</p><img src=x onerror=alert(1)>',
      '<p>a</p><!--><img src=x onerror=alert(1)>-->',
    ]) {
      expect(htmlProblems(sanitizeStoredHtml(hostile)), hostile).toEqual([])
    }
  })
})

describe('a JSON notebook export read back', () => {
  it('keeps nothing that acts, from bodies, notes, annotation notes, judgments or article URLs', async () => {
    const source = await notebook()
    const id = await anArticle(source.services)
    const annotation = (await source.services.annotateQuote({ articleId: id, kind: 'claim', quote: ARTICLE_SENTENCE })).id
    await source.services.createBrief({ title: 'Brief', judgments: '<p>We judge.</p>' })
    const exported = await source.services.exportTarget({ kind: 'all' }, 'json')
    const data = JSON.parse(new TextDecoder().decode(exported.bytes))
    const article = data.articles[0]
    article.doc = hostileDoc(annotation)
    article.notes = fixture('iframe-srcdoc').html
    article.annotations[0].note = fixture('details-ontoggle').html
    article.meta.url = 'javascript:window.__pwned=1'
    data.briefs[0].judgments = fixture('form-formaction').html

    const target = await notebook()
    const results = await target.services.importFiles([{ name: 'colleague.json', bytes: new TextEncoder().encode(JSON.stringify(data)) }])
    expect(results.map((r) => r.status)).toContain('imported')
    await target.store.flush()
    expect(articleFileProblems(JSON.parse(await readFile(target.store.layout.article(id), 'utf8')))).toEqual([])
    const index = JSON.parse(await readFile(target.store.layout.index, 'utf8')) as { articles: Array<{ url: string }>; briefs: Array<{ judgments: string }> }
    for (const b of index.briefs) expect(htmlProblems(b.judgments)).toEqual([])
    for (const a of index.articles) expect(a.url).toMatch(/^(?:https?:\/\/\S+)?$/)
  })
})
