/**
 * The attack corpus through every export format. A notebook is filled from the corpus: each fixture imported
 * under a hostile file name and pasted under a hostile title, tagged, with fixtures as annotation notes, hostile tags
 * and source names, and a brief whose every field is hostile. Each format is then read the way its reader would
 * (HTML and Markdown parsed, DOCX unzipped, PDF inspected, JSON parsed) and checked for anything that acts.
 * A property test adds random content in every field and looks for an unescaped `<` from it in HTML and Markdown.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import MarkdownIt from 'markdown-it'
import JSZip from 'jszip'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices, type Services } from '../../src-main/core/services/notebook-services'
import { EXPORT_FORMATS, type ExportFormat, type ExportTarget } from '../../src-main/shared/ipc-contract'
import { exportFileName, renderExport } from '../../src-main/core/export/index'
import { renderHtml } from '../../src-main/core/export/html'
import { renderMarkdown } from '../../src-main/core/export/markdown'
import { collectExport } from '../../src-main/core/export/collect'
import type { ExportDocument } from '../../src-main/core/export/model'
import { chromiumPdfRenderer } from '../../src-main/core/export/pdf-chromium'
import { CHROMIUM_PATH, hasChromium } from '../helpers/chromium'
import { ARTICLE_SENTENCE, FIXTURES, HOSTILE_FILE_NAMES, HOSTILE_TITLES, docProblems, htmlProblems, isSafeHref } from './corpus'
import { sharedImportPool } from '../../src-main/core/import/import-pool'

let dir = ''
let store: NotebookStore
let services: Services
let briefId = ''
const bytes = (s: string) => new TextEncoder().encode(s)
const text = (b: Uint8Array) => new TextDecoder().decode(b)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'intel-notebook-export-security-'))
  store = await NotebookStore.open(dir, { holder: 'export security tests' })
  services = createServices(store)
  const results = await services.importFiles(FIXTURES.map((f, i) => ({ name: HOSTILE_FILE_NAMES[i % HOSTILE_FILE_NAMES.length]!.replace(/(\.html)?$/, '.html'), bytes: bytes(f.html) })))
  expect(results.every((r) => r.status === 'imported')).toBe(true)
  for (const [i, f] of FIXTURES.entries()) {
    const article = await services.createArticle({ title: HOSTILE_TITLES[i % HOSTILE_TITLES.length]!, html: f.html })
    const title = HOSTILE_TITLES[(i + 1) % HOSTILE_TITLES.length]!
    const source = await services.annotateQuote({ articleId: article.id, kind: 'source', quote: 'The port authority', sourceName: title.slice(0, 300), patch: { chain: [title.slice(0, 300)] } })
    await services.annotateQuote({
      articleId: article.id,
      kind: 'claim',
      quote: ARTICLE_SENTENCE,
      patch: { note: f.html, tags: ['hostile', title.slice(0, 60)], sourceIds: [source.id], credibility: '2' },
    })
    await services.annotateQuote({ articleId: article.id, kind: 'question', quote: 'contradicting two shipping agents', patch: { note: FIXTURES[(i + 2) % FIXTURES.length]!.html, answer: title } })
    await services.saveArticleNotes(article.id, FIXTURES[(i + 3) % FIXTURES.length]!.html)
  }
  const brief = await services.createBrief({
    title: HOSTILE_TITLES[0]!,
    author: HOSTILE_TITLES[1]!,
    caveat: `SECRET // ${HOSTILE_TITLES[4]!}`.slice(0, 300),
    bluf: HOSTILE_TITLES.join('\n\n'),
    judgments: FIXTURES.map((f) => f.html).join(''),
    filter: { articleIds: [], kinds: ['claim', 'source', 'question'], tags: [], statuses: [], evidenceCodes: [] },
  })
  briefId = brief.id
  await store.flush()
}, 180_000)
afterAll(async () => {
  await store?.close()
  await rm(dir, { recursive: true, force: true })
})

const FORBIDDEN = 'script, iframe, frame, object, embed, applet, svg, math, form, input, button, textarea, select, base, link, img, video, audio, source, details, map, area, noscript, template'

/** Dangerous structure in parsed HTML: forbidden elements, handler attributes, any link but an internal anchor or a safe address. */
function parsedProblems(document: Document): string[] {
  const problems: string[] = []
  for (const el of Array.from(document.querySelectorAll(FORBIDDEN))) problems.push(`<${el.localName}>`)
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || ['src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'style'].includes(attr.name)) problems.push(`${el.localName}[${attr.name}]`)
      if (attr.name === 'href' && !attr.value.startsWith('#') && !isSafeHref(attr.value)) problems.push(`${el.localName}[href=${attr.value}]`)
    }
  }
  for (const meta of Array.from(document.querySelectorAll('meta[http-equiv]'))) {
    if (meta.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') problems.push(`meta[http-equiv=${meta.getAttribute('http-equiv')}]`)
  }
  return problems
}

const targets = (): Array<[string, ExportTarget]> => [
  ['the whole notebook', { kind: 'all' }],
  ['the brief', { kind: 'brief', id: briefId }],
  ['one hostile article', { kind: 'articles', ids: [services.listArticles().find((a) => a.title === HOSTILE_TITLES[0])!.id] }],
]

async function exported(target: ExportTarget, format: Exclude<ExportFormat, 'pdf'>) {
  return services.exportTarget(target, format)
}

describe.each(['the whole notebook', 'the brief', 'one hostile article'])('exporting %s', (name) => {
  const target = () => targets().find(([n]) => n === name)![1]

  it('HTML: a CSP that runs nothing, the title escaped, and nothing that acts in the document', async () => {
    const out = await exported(target(), 'html')
    const html = text(out.bytes)
    const document = new JSDOM(html).window.document
    const csp = document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
    expect(csp).toHaveLength(1)
    const policy = csp[0]!.getAttribute('content')!
    expect(policy).toMatch(/default-src 'none'/)
    expect(policy).not.toMatch(/script-src|unsafe-inline|unsafe-eval|\*/)
    expect(document.head.firstElementChild?.getAttribute('charset')).toBe('utf-8')
    expect(document.querySelectorAll('title')).toHaveLength(1)
    const collected = await collectExport({ store, now: () => new Date().toISOString(), importer: sharedImportPool() }, target())
    expect(document.title).toBe(collected.kind === 'brief' ? collected.brief.title : collected.title)
    expect(parsedProblems(document)).toEqual([])
    expect(document.body.textContent).toContain(ARTICLE_SENTENCE)
  })

  it('Markdown: read with raw HTML on and every link followed, nothing acts', async () => {
    const source = text((await exported(target(), 'md')).bytes)
    const md = new MarkdownIt({ html: true, linkify: true })
    md.validateLink = () => true
    const document = new JSDOM(md.render(source)).window.document
    expect(parsedProblems(document)).toEqual([])
    expect(document.body.textContent).toContain(ARTICLE_SENTENCE)
    // The raw text too: a `<` from content is escaped, so no tag of the corpus survives in it.
    expect(source).not.toMatch(/(?<!\\)<(?:img|svg|script|iframe|object|embed|form|details|meta|area|map|noscript|xmp|math|style)\b/i)
  })

  it('DOCX: well-formed XML, hyperlinks only to safe addresses, no fields that fetch or run', async () => {
    const zip = await JSZip.loadAsync((await exported(target(), 'docx')).bytes)
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))
    expect(parts).toContain('word/document.xml')
    const { window } = new JSDOM('')
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string')
      const parsed = new window.DOMParser().parseFromString(xml, 'application/xml')
      expect(parsed.getElementsByTagName('parsererror'), part).toHaveLength(0)
      expect(xml, part).not.toMatch(/\bDDE(?:AUTO)?\b|INCLUDETEXT|INCLUDEPICTURE|<w:instrText[^>]*>[^<]*(?:HYPERLINK|INCLUDE|DDE)|attachedTemplate|<script/i)
      if (part.endsWith('.rels')) {
        for (const rel of Array.from(parsed.getElementsByTagName('Relationship'))) {
          if (rel.getAttribute('TargetMode') === 'External') expect(isSafeHref(rel.getAttribute('Target')), rel.getAttribute('Target')!).toBe(true)
        }
      }
    }
    expect(Object.keys(zip.files).some((n) => /vbaProject|\.bin$|activeX/i.test(n))).toBe(false)
  })

  it('JSON: every body, note and judgment in it is clean', async () => {
    const data = JSON.parse(text((await exported(target(), 'json')).bytes))
    for (const a of data.articles) {
      expect(docProblems(a.doc)).toEqual([])
      expect(htmlProblems(a.notes)).toEqual([])
      for (const x of a.annotations) expect(htmlProblems(x.note)).toEqual([])
      expect(a.meta.url).toMatch(/^(?:https?:\/\/\S+)?$/)
    }
    for (const b of data.briefs) expect(htmlProblems(b.judgments)).toEqual([])
  })

  it('W3C annotations: rich bodies are clean, targets are web addresses or content hashes', async () => {
    const data = JSON.parse(text((await exported(target(), 'w3c')).bytes))
    const items: Array<{ body: Array<{ value: string; format?: string }>; target: { source: string } }> = data.first?.items ?? data.items ?? []
    expect(items.length).toBeGreaterThan(0)
    for (const a of items) {
      for (const b of a.body) if (b.format === 'text/html') expect(parsedProblems(new JSDOM(b.value).window.document)).toEqual([])
      expect(a.target.source).toMatch(/^(?:https?:\/\/\S+|ni:\/\/\/sha-256;[A-Za-z0-9_-]+|urn:[a-z0-9:-]+)$/i)
    }
  })

  it.each(EXPORT_FORMATS.filter((f) => f !== 'pdf'))('its %s file name is safe to save anywhere', async (format) => {
    expect(isSafeFileName((await exported(target(), format as Exclude<ExportFormat, 'pdf'>)).fileName)).toBe(true)
  })
})

describe('PDF', () => {
  const pdfIt = hasChromium() ? it : it.skip

  pdfIt('is printed with JavaScript off: a script in the page does not change what is printed', async () => {
    const pdf = chromiumPdfRenderer(CHROMIUM_PATH)
    const bytes = await pdf(`<!DOCTYPE html><html><body><p id="p">STATIC TEXT</p><script>document.getElementById('p').textContent = 'SCRIPT RAN'</script><img src=x onerror="document.body.append('HANDLER RAN')"></body></html>`)
    const printed = pdfText(bytes)
    expect(printed).toContain('STATIC TEXT')
    expect(printed).not.toMatch(/SCRIPT RAN|HANDLER RAN/)
  }, 120_000)

  pdfIt('of the brief has no script, launch or open action, and links only to safe addresses', async () => {
    const out = await services.exportTarget({ kind: 'brief', id: briefId }, 'pdf', { pdf: chromiumPdfRenderer(CHROMIUM_PATH) })
    const raw = Buffer.from(out.bytes).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).not.toMatch(/\/JavaScript|\/JS\s|\/Launch|\/OpenAction|\/SubmitForm|\/ImportData|\/EmbeddedFile/)
    for (const m of raw.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(isSafeHref(m[1]), m[1]).toBe(true)
    expect(isSafeFileName(out.fileName)).toBe(true)
    expect(pdfText(out.bytes)).toContain('SECRET')
  }, 180_000)
})

function pdfText(bytes: Uint8Array): string {
  if (!existsSync('/usr/bin/pdftotext')) throw new Error('pdftotext (poppler-utils) is needed to read the PDF')
  return execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: Buffer.from(bytes) }).toString('utf8')
}

/** A name any desktop system saves as one file in the chosen folder, that no shell or option parser misreads. */
function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 120 &&
    !/[\\/:*?"<>|$`;&\u0000-\u001f\u007f]/.test(name) &&
    // Bidirectional controls make "report\u202Efdp.exe" display as "reportexe.pdf".
    !/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name) &&
    !/^[.\-\s]/.test(name) &&
    !name.includes('..') &&
    !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)
  )
}

describe('export file names', () => {
  it.each([...HOSTILE_TITLES, ...HOSTILE_FILE_NAMES, '..', '.', '-', '', '   ', 'CON', 'nul.txt', '\u202Eexe.txt', 'a/../../b'])('from the title %j are safe in every format', async (title) => {
    const base = await collectExport({ store, now: () => new Date().toISOString(), importer: sharedImportPool() }, { kind: 'all' })
    for (const format of EXPORT_FORMATS) {
      const name = exportFileName({ ...base, title } as ExportDocument, format)
      expect(isSafeFileName(name), `${format}: ${JSON.stringify(name)}`).toBe(true)
    }
  })
})

describe('export escaping, as a property', () => {
  /** Content carrying a marker element; the marker may appear escaped but never as markup. */
  const MARK = 'q7x'
  const hostileText = fc
    .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(`<${MARK}>`, `<${MARK} onclick=alert(1)>`, `</title><${MARK}>`, `"><${MARK}>`, `]]><${MARK}>`, `\n\n<${MARK}>\n`, `\`<${MARK}>\``, `[a](<${MARK}>)`, `<!--<${MARK}>-->`), fc.string({ maxLength: 8 }))
    .map(([a, m, b]) => `${a}${m}${b}`.trim() || `<${MARK}>`)

  it('no format emits an unescaped `<` that came from content, whatever field it is in', async () => {
    const base = await collectExport({ store, now: () => new Date().toISOString(), importer: sharedImportPool() }, { kind: 'brief', id: briefId })
    if (base.kind !== 'brief') throw new Error('expected a brief')
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 8, maxLength: 8 }), async ([title, caveat, bluf, outlet, tag, sourceName, articleTitle, quote]) => {
        const doc: ExportDocument = {
          ...base,
          brief: { ...base.brief, title: title!, caveat: caveat!.slice(0, 300), bluf: bluf!, author: outlet! },
          evidence: base.evidence.map((x) => ({
            ...x,
            sourceNames: [sourceName!],
            article: { ...x.article, title: articleTitle!, outlet: outlet! },
            annotation: { ...x.annotation, tags: [tag!], anchor: { ...x.annotation.anchor, exact: quote! } },
          })),
          articles: base.articles.map((a) => ({ ...a, meta: { ...a.meta, title: articleTitle!, outlet: outlet!, byline: sourceName! } })),
          registry: base.registry.map((s) => ({ ...s, name: sourceName!, aliases: [tag!] })),
        }
        const html = renderHtml(doc)
        expect(html).not.toContain(`<${MARK}`)
        expect(html).not.toContain(`</${MARK}`)
        const md = renderMarkdown(doc)
        expect(md.match(new RegExp(`(?<!\\\\)<${MARK}`, 'g')) ?? []).toEqual([])
        const rendered = await renderExport(doc, 'docx')
        expect(rendered.fileName).not.toMatch(/[<>]/)
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    )
  }, 180_000)
})
