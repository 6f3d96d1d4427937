import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { importFile, importPasted } from '../../../../src-main/core/import/import-file'
import { ImportError } from '../../../../src-main/core/import/errors'
import { docFromJson } from '../../../../src-main/shared/schema/annotate-doc'
import { docParts } from './doc-walk'

const FIXTURES = join(__dirname, '../../../fixtures/import')
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)))
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('importFile: a hostile news page', () => {
  it('brings title, outlet, byline, date, URL, language and excerpt through', async () => {
    const { fields, mediaType } = await importFile({ name: 'port-closure.html', bytes: fixture('hostile-news-page.html') })
    expect(mediaType).toBe('text/html')
    expect(fields).toEqual({
      title: 'Port authority denies closure reports',
      outlet: 'The Harbour Gazette',
      byline: 'Maria Okonkwo',
      publishedAt: '2024-11-05T09:30:00+00:00',
      url: 'https://www.harbourgazette.example/world/2024/11/05/port-closure-briefing',
      language: 'en-GB',
      excerpt: 'The port authority says the northern terminal remains open, contradicting two shipping agents.',
    })
  })

  it('keeps the article and none of the scripts, handlers, hostile links, frames, forms, embeds or pixels', async () => {
    const { doc } = await importFile({ name: 'port-closure.html', bytes: fixture('hostile-news-page.html') })
    expect(() => docFromJson(doc)).not.toThrow()
    const json = JSON.stringify(doc)
    for (const hostile of [
      'alert', 'javascript', 'vbscript', 'data:', 'script', 'onclick', 'onerror', 'onload', 'iframe', 'Advertisement frame text',
      'Subscribe', 'Sign me up', 'you@example.com', 'Object fallback text', 'svg link text', 'commented-out', 'pixel', 'tracker', 'cookie',
      'Menu', 'Most read', 'All rights reserved',
    ]) {
      expect(json, hostile).not.toContain(hostile)
    }
    const parts = docParts(doc)
    expect(parts.nodeTypes.has('image')).toBe(false)
    expect(parts.hrefs).toEqual([
      'https://www.portauthority.example/statements/2024-11-05',
      'mailto:desk@harbourgazette.example',
      // Relative links are resolved against the canonical URL, so they still lead somewhere outside the notebook.
      'https://www.harbourgazette.example/world/2024/10/28/terminal-expansion',
    ])
    // The words of neutralised links stay in the text; only the link is gone.
    for (const text of ['satellite images', 'insurance notice', "harbour master's notice", 'crew bulletin', 'the archive copy', 'older bulletin']) {
      expect(parts.text).toContain(text)
    }
    expect(parts.text).toContain('"entirely unfounded"')
    expect(parts.text).toContain('We have seen no instruction to close anything')
    expect(parts.text).toContain('The authority is due to publish its monthly traffic figures on Friday')
    expect([...parts.nodeTypes]).toEqual(expect.arrayContaining(['heading', 'blockquote', 'bulletList']))
    expect([...parts.markTypes]).toEqual(expect.arrayContaining(['bold', 'italic', 'link']))
  })
})

describe('importFile: metadata Readability misses', () => {
  const page = (head: string, byline = ''): Uint8Array =>
    utf8(`<!DOCTYPE html>
<!-- saved from url=(0052)https://northernledger.example/2023/03/02/depot-fire -->
<html><head><title>Depot fire</title>${head}</head><body><article>
<h1>Fire at fuel depot under investigation</h1>${byline}
${'<p>Investigators are examining the cause of a fire that broke out at a fuel depot outside the city late on Wednesday, officials said, adding that no one was hurt and that the blaze had been brought under control by morning.</p>'.repeat(4)}
</article></body></html>`)

  it('reads authors and publishers that JSON-LD gives by reference, and Dublin Core dates', async () => {
    const head = `<meta name="dc.date.issued" content="2023-03-02T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"NewsArticle","@id":"#article","headline":"Fire at fuel depot under investigation","author":[{"@id":"#lena"},{"@id":"#omar"}],"publisher":{"@id":"#org"}},
  {"@type":"Person","@id":"#lena","name":"Lena Petrova"},{"@type":"Person","@id":"#omar","name":"Omar Haddad"},
  {"@type":"NewsMediaOrganization","@id":"#org","name":"The Northern Ledger"}]}</script>`
    const { fields } = await importFile({ name: 'depot-fire.html', bytes: page(head) })
    expect(fields).toMatchObject({
      title: 'Fire at fuel depot under investigation',
      outlet: 'The Northern Ledger',
      byline: 'Lena Petrova, Omar Haddad',
      publishedAt: '2023-03-02T08:00:00Z',
      url: 'https://northernledger.example/2023/03/02/depot-fire',
    })
  })

  it('takes the author from the page when the byline Readability finds is only a dateline', async () => {
    const head = '<meta itemprop="author" content="Benjamin Romano"><meta property="og:site_name" content="The Northern Ledger">'
    const { fields } = await importFile({
      name: 'depot-fire.html',
      bytes: page(head, '<p class="byline">March 2, 2023 at 8:00 am Updated March 3, 2023 at 9:15 am</p>'),
    })
    expect(fields.byline).toBe('Benjamin Romano')
    expect(fields.publishedAt).toBe('2023-03-02')
  })

  it('reads a page in a legacy encoding its meta tag declares', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Caf\xe9 owners \x93protest\x94</title></head>
<body><article>${'<p>Owners of the caf\xe9 on the main square said the new rules were \x93unworkable\x94 and would close their terraces early.</p>'.repeat(4)}</article></body></html>`
    const { fields, doc } = await importFile({ name: 'cafe.htm', bytes: new Uint8Array(Buffer.from(html, 'latin1')) })
    expect(fields.title).toBe('Café owners “protest”')
    expect(docParts(doc).text).toContain('Owners of the café on the main square said the new rules were “unworkable”')
  })
})

describe('importFile: other formats', () => {
  it('imports Markdown with its heading as the title and its formatting kept', async () => {
    const { fields, doc, mediaType } = await importFile({ name: 'field-report.md', bytes: fixture('field-report.md') })
    expect(mediaType).toBe('text/markdown')
    expect(fields.title).toBe('Convoy sighted near the northern border crossing')
    const parts = docParts(doc)
    expect(parts.text.startsWith('Residents of two villages')).toBe(true)
    expect([...parts.nodeTypes]).toEqual(expect.arrayContaining(['heading', 'bulletList', 'orderedList', 'blockquote']))
    expect([...parts.markTypes]).toEqual(expect.arrayContaining(['bold', 'italic', 'link']))
    expect(parts.hrefs).toEqual(['https://gov.example/press/2024-11-03'])
    expect(JSON.stringify(doc)).not.toMatch(/alert|javascript|script/)
    expect(parts.text).toContain('a raw link')
  })

  it('takes a later level-1 heading as the title and keeps it in place, or else the file name', async () => {
    const later = await importFile({ name: 'later.md', bytes: utf8('Intro paragraph.\n\n# The real headline\n\nBody.') })
    expect(later.fields.title).toBe('The real headline')
    expect(docParts(later.doc).text).toBe('Intro paragraph.\nThe real headline\nBody.\n')
    const none = await importFile({ name: 'convoy notes.md', bytes: utf8('Just a paragraph with *emphasis*.') })
    expect(none.fields.title).toBe('convoy notes')
  })

  it('reads Markdown front matter', async () => {
    const md = '---\ntitle: "Depot fire: what we know"\nauthor: Lena Petrova\ndate: 2023-03-02\nsource: The Northern Ledger\nurl: https://northernledger.example/depot\n---\n\n# Heading in body\n\nText.'
    const { fields, doc } = await importFile({ name: 'notes.markdown', bytes: utf8(md) })
    expect(fields).toMatchObject({
      title: 'Depot fire: what we know',
      byline: 'Lena Petrova',
      publishedAt: '2023-03-02',
      outlet: 'The Northern Ledger',
      url: 'https://northernledger.example/depot',
    })
    expect(docParts(doc).text).toBe('Heading in body\nText.\n')
  })

  it('imports wire copy: headline, dateline as the date, hard-wrapped paragraphs joined', async () => {
    const { fields, doc, mediaType } = await importFile({ name: 'wire-copy.txt', bytes: fixture('wire-copy.txt') })
    expect(mediaType).toBe('text/plain')
    expect(fields.title).toBe('Ministers agree emergency grain shipments after talks in Ankara')
    expect(fields.publishedAt).toBe('2024-11-05')
    expect(docParts(doc).text).toBe(
      'ANKARA (Wire) - Ministers from four countries agreed on Tuesday to resume emergency grain shipments through the strait, officials said, after two days of talks that ran late into the night.\n' +
        'The agreement, which has not been published, covers an initial period of ninety days, according to a diplomat briefed on the text.\n' +
        '"We have an understanding, not a treaty," one official said.\n',
    )
    expect(fields.excerpt.startsWith('ANKARA (Wire)')).toBe(true)
  })

  it('keeps a second line that is not a date in the body', async () => {
    const { fields, doc } = await importFile({ name: 'note.txt', bytes: utf8('Headline\nFirst line of text.\n\nMore.') })
    expect(fields).toMatchObject({ title: 'Headline', publishedAt: '' })
    expect(docParts(doc).text).toBe('First line of text.\nMore.\n')
  })

  it('reads a Windows-1252 text file', async () => {
    // Built byte by byte so no editor can silently re-encode it: 0x93/0x94 curly quotes, 0xE9 é, 0x92 apostrophe.
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from('Minist', 'latin1'), Buffer.from([0xe8]), Buffer.from('re d', 'latin1'), Buffer.from([0x92]), Buffer.from('Etat: ', 'latin1'),
        Buffer.from([0x93]), Buffer.from('pas de fermeture', 'latin1'), Buffer.from([0x94]), Buffer.from('\r\n5 November 2024\r\n\r\nLe caf', 'latin1'),
        Buffer.from([0xe9]), Buffer.from(' du port reste ouvert.\r\n', 'latin1'),
      ]),
    )
    const { fields, doc } = await importFile({ name: 'depeche.txt', bytes })
    expect(fields.title).toBe('Ministère d’Etat: “pas de fermeture”')
    expect(fields.publishedAt).toBe('2024-11-05')
    expect(docParts(doc).text).toBe('Le café du port reste ouvert.\n')
  })

  it('imports a DOCX: Title style as the title, formatting, lists and links kept', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Situation report: eastern quay', heading: HeadingLevel.TITLE }),
            new Paragraph({
              children: [new TextRun('Inspectors were seen at the '), new TextRun({ text: 'eastern quay', bold: true }), new TextRun(' on '), new TextRun({ text: 'Monday', italics: true }), new TextRun('.')],
            }),
            new Paragraph({ text: 'Open questions', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Who ordered the inspection?', bullet: { level: 0 } }),
            new Paragraph({ text: 'How long will it last?', bullet: { level: 0 } }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org/notice', children: [new TextRun('harbour notice')] })] }),
          ],
        },
      ],
    })
    const bytes = new Uint8Array(await Packer.toBuffer(document))
    const { fields, doc, mediaType } = await importFile({ name: 'sitrep.docx', bytes })
    expect(mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(fields.title).toBe('Situation report: eastern quay')
    expect(fields.excerpt).toBe('Inspectors were seen at the eastern quay on Monday.')
    const parts = docParts(doc)
    expect(parts.text).toBe('Inspectors were seen at the eastern quay on Monday.\nOpen questions\nWho ordered the inspection?\nHow long will it last?\nharbour notice\n')
    expect([...parts.nodeTypes]).toEqual(expect.arrayContaining(['heading', 'bulletList', 'listItem']))
    expect([...parts.markTypes].sort()).toEqual(['bold', 'italic', 'link'])
    expect(parts.hrefs).toEqual(['https://example.org/notice'])
  })
})

describe('importPasted', () => {
  it('keeps pasted formatting, sanitized, under the title the analyst typed', () => {
    const pasted = importPasted({
      title: '  Pasted briefing  ',
      html: '<p>The <b>minister</b> said <a href="javascript:alert(1)">this</a>.</p><script>alert(2)</script><img src="https://pixel.example/p.gif">',
      text: 'The minister said this.',
    })
    expect(pasted.fields.title).toBe('Pasted briefing')
    expect(pasted.mediaType).toBe('text/html')
    expect(docParts(pasted.doc).markTypes).toEqual(new Set(['bold']))
    expect(JSON.stringify(pasted.doc)).not.toMatch(/alert|javascript|pixel/)
  })

  it('splits pasted plain text into paragraphs, and falls back to it when the HTML holds no text', () => {
    const plain = importPasted({ title: 'Notes', text: 'One.\n\nTwo.' })
    expect(plain.mediaType).toBe('text/plain')
    expect(docParts(plain.doc).text).toBe('One.\nTwo.\n')
    const fallback = importPasted({ title: 'Notes', html: '<img src="x.png">', text: 'Only text.' })
    expect(docParts(fallback.doc).text).toBe('Only text.\n')
  })

  it('refuses a paste with no text in it', () => {
    expect(() => importPasted({ title: 'Empty', html: '<p> </p>', text: '  ' })).toThrow(ImportError)
  })
})

describe('importFile: robustness', () => {
  const htmlPieces = ['<p>', '</p>', '<div>', '<article>', '<h1>', '<script>', '</script>', '<meta property="og:site_name" content="X">', '<a href="javascript:x">', '</a>', '<table><td>', 'word ', 'sentence. ', '<!--', '-->', '<svg>', '<title>', '</title>', '<body>', '<html lang="xx">', '\u0000', '\uFFFD', '<script type="application/ld+json">{"@type":"NewsArticle","author":', '</script>']
  const randomHtml = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom(...htmlPieces), { maxLength: 60 }).map((p) => p.join('')),
  )

  it('never throws anything but ImportError on random HTML', async () => {
    await fc.assert(
      fc.asyncProperty(randomHtml, async (html) => {
        try {
          const { doc, fields } = await importFile({ name: 'random.html', bytes: utf8(html) })
          expect(() => docFromJson(doc)).not.toThrow()
          expect(fields.title.trim()).not.toBe('')
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError)
        }
      }),
      { numRuns: 150 },
    )
  }, 60_000)
})
