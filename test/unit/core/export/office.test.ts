import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { useSeededNotebook } from './shared-notebook'
import { chromiumPdfRenderer, findChromium } from '../../../../src-main/core/export/pdf-chromium'
import { UserError } from '../../../../src-main/core/errors'

const run = promisify(execFile)
const seeded = useSeededNotebook()
const which = (name: string) => ['/usr/bin', '/usr/local/bin', '/bin'].map((d) => join(d, name)).find((p) => existsSync(p))
const soffice = which('libreoffice') ?? which('soffice')
const pdftotext = which('pdftotext')
// CI installs LibreOffice and poppler (.ci/run); only a developer machine without them may skip these checks.
const officeMissing = !soffice || !pdftotext
if (officeMissing && process.env.CI) throw new Error('CI must have libreoffice and pdftotext (.ci/run installs libreoffice-writer-nogui and poppler-utils).')

/** Text of a PDF in poppler's reading order, one table cell after another; callers fold the line breaks. */
async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run(pdftotext!, [pdf, '-'])
  return stdout
}
const fold = (s: string) => s.replace(/\s+/g, ' ')

/**
 * Whether the quote's words appear in order. LibreOffice lays table columns out side by side, so a line of the
 * quote may be followed by a line of the next cell before the quote goes on.
 */
function wordsInOrder(text: string, quote: string): boolean {
  const words = text.split(/\s+/)
  let at = 0
  for (const w of quote.split(/\s+/)) {
    while (at < words.length && !words[at]!.includes(w)) at++
    if (at++ >= words.length) return false
  }
  return true
}

describe('DOCX export', () => {
  it.skipIf(officeMissing)('opens in LibreOffice, and the PDF it makes holds every claim, its citation and the caveat', async () => {
    const { services, briefId } = seeded()
    const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-docx-'))
    try {
      const docx = join(dir, 'brief.docx')
      await writeFile(docx, (await services.exportTarget({ kind: 'brief', id: briefId }, 'docx')).bytes)
      await run(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120000 })
      const text = await pdfText(join(dir, 'brief.pdf'))
      const flat = fold(text)
      for (const quote of ['About 10,000 foreign soldiers have moved to the border region in the past two weeks', 'the government had seen no evidence of the troops in combat so far', 'said **forces** would move by [Friday](javascript:alert(2))']) {
        expect(wordsInOrder(text, quote), quote).toBe(true)
      }
      expect(flat).toContain('BOTTOM LINE UP FRONT')
      expect(flat).toMatch(/SHA-256 [0-9a-f]{64}/)
      const pages = text.split('\f').filter((p) => p.trim())
      expect(pages.length).toBeGreaterThanOrEqual(1)
      for (const page of pages) expect(page.match(/SECRET \/\/ REL TO <FVEY> "TEST"/g)?.length, 'caveat in header and footer').toBe(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 180000)

  it('has real headings, an evidence table with a repeating header row, and a footnote per quoted claim', async () => {
    const { services, briefId } = seeded()
    const { default: JSZip } = await import('jszip')
    const zip = await JSZip.loadAsync((await services.exportTarget({ kind: 'brief', id: briefId }, 'docx')).bytes)
    const document = await zip.file('word/document.xml')!.async('string')
    const footnotes = await zip.file('word/footnotes.xml')!.async('string')
    expect(document).toContain('<w:pStyle w:val="Title"/>')
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)!.length).toBeGreaterThanOrEqual(4)
    expect(document).toContain('<w:tblHeader/>')
    expect(document.match(/<w:footnoteReference /g)).toHaveLength(3)
    expect(footnotes).toContain('Intel Notebook sample, “Sample: Officials weigh reports of foreign troops near the front”')
    expect(document).not.toMatch(/<script|<img/)
    expect(document).toContain('&lt;/title&gt;&lt;script&gt;')
  })
})

describe('PDF export', () => {
  it.skipIf(!findChromium() || !pdftotext)('prints the HTML with Chromium: caveat on every page, claims and page numbers', async () => {
    const { services, briefId } = seeded()
    const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-pdf-'))
    try {
      const { bytes } = await services.exportTarget({ kind: 'brief', id: briefId }, 'pdf', { pdf: chromiumPdfRenderer() })
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
      await writeFile(join(dir, 'brief.pdf'), bytes)
      const text = await pdfText(join(dir, 'brief.pdf'))
      const pages = text.split('\f').filter((p) => p.trim())
      expect(pages.length).toBeGreaterThanOrEqual(2)
      pages.forEach((page, i) => {
        expect(page.match(/SECRET \/\/ REL TO <FVEY> "TEST"/g)?.length).toBe(2)
        expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
      })
      expect(fold(text)).toContain('About 10,000 foreign soldiers have moved to the border')
      expect(await readFile(join(dir, 'brief.pdf'))).toBeTruthy()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120000)

  it('without Chromium fails with one sentence saying what to install', async () => {
    const render = chromiumPdfRenderer(null)
    await expect(render('<p>x</p>')).rejects.toBeInstanceOf(UserError)
    await expect(render('<p>x</p>')).rejects.toThrow(/needs Chromium.*apt-get install chromium.*CHROMIUM_PATH/)
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeNull()
  })
})
