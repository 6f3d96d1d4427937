import { describe, expect, it } from 'vitest'
import { Document, Packer, Paragraph } from 'docx'
import { importFile, MAX_IMPORT_BYTES } from '../../../../src-main/core/import/import-file'
import { ImportError, type ImportErrorCode } from '../../../../src-main/core/import/errors'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

async function refusal(name: string, bytes: Uint8Array): Promise<ImportError> {
  try {
    await importFile({ name, bytes })
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error(`${name} was imported`)
}

/** The message is one sentence for people: it names the file and ends by saying what to do. */
function expectClearMessage(error: ImportError, code: ImportErrorCode, name: string, ...phrases: string[]): void {
  expect(error.code).toBe(code)
  expect(error.fileName).toBe(name)
  expect(error.message).toMatch(/^"[^"]+" [^\n]+\.$/)
  expect(error.message).toContain(`"${name}"`)
  expect(error.message.split(/\.\s+[A-Z]/)).toHaveLength(1)
  for (const phrase of phrases) expect(error.message).toContain(phrase)
}

async function realDocx(): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph({ text: 'A short report on the eastern quay inspection.' })] }] })
  return new Uint8Array(await Packer.toBuffer(document))
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

describe('importFile refuses bad input with a clear message', () => {
  it('an empty file', async () => {
    expectClearMessage(await refusal('notes.txt', new Uint8Array()), 'empty', 'notes.txt', 'is empty')
    expectClearMessage(await refusal('blank.md', utf8(' \n\n\t ')), 'empty', 'blank.md', 'has no text')
  })

  it('a file over 50 MB, before reading any of it', async () => {
    // Junk bytes under a .docx name: were they parsed, the refusal would be about the content instead.
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)
    expectClearMessage(await refusal('archive.docx', huge), 'too-large', 'archive.docx', '50 MB')
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024)
    await expect(importFile({ name: 'limit.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES).fill(0x61) })).resolves.toBeDefined()
  })

  it('an unsupported extension, listing the supported ones', async () => {
    const error = await refusal('report.pdf', utf8('%PDF-1.7'))
    expectClearMessage(error, 'unsupported-type', 'report.pdf', '.pdf files are not supported', '.txt, .md, .html, .htm or .docx')
    expectClearMessage(await refusal('README', utf8('text')), 'unsupported-type', 'README', 'no file extension')
  })

  it('binary content under a text extension', async () => {
    expectClearMessage(await refusal('photo.txt', PNG), 'wrong-type', 'photo.txt', 'is not a text file', 'a PNG image')
    expectClearMessage(await refusal('report.txt', await realDocx()), 'wrong-type', 'report.txt', 'is not a text file', 'ZIP archive')
    expectClearMessage(await refusal('scan.html', utf8('%PDF-1.4\n%âãÏÓ\n1 0 obj')), 'wrong-type', 'scan.html', 'a PDF document')
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)
    expectClearMessage(await refusal('dump.md', noise), 'wrong-type', 'dump.md', 'is not a text file')
  })

  it('text under a .docx extension', async () => {
    expectClearMessage(await refusal('memo.docx', utf8('Just some text that was renamed.')), 'wrong-type', 'memo.docx', 'is not a Word .docx document')
    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expectClearMessage(await refusal('legacy.docx', oldWord), 'wrong-type', 'legacy.docx', 'old-style Word (.doc)')
  })

  it('text in an encoding that cannot be read sensibly', async () => {
    // Shift-JIS for "北部ターミナルは閉鎖されていない": neither UTF-8 nor plausible Windows-1252.
    const shiftJis = new Uint8Array([0x96, 0x6b, 0x95, 0x94, 0x83, 0x5e, 0x81, 0x5b, 0x83, 0x7e, 0x83, 0x69, 0x83, 0x8b, 0x82, 0xcd, 0x95, 0xc2, 0x8d, 0xbd, 0x82, 0xb3, 0x82, 0xea, 0x82, 0xc4, 0x82, 0xa2, 0x82, 0xc8, 0x82, 0xa2])
    expectClearMessage(await refusal('tokyo.txt', shiftJis), 'undecodable', 'tokyo.txt', 'save it as UTF-8')
  })

  it('HTML with no article in it', async () => {
    const shell = '<!DOCTYPE html><html><head><title>Loading…</title><script src="app.js"></script></head><body><div id="root"></div><noscript>Enable JavaScript.</noscript></body></html>'
    expectClearMessage(await refusal('app.html', utf8(shell)), 'no-article', 'app.html', 'no article text')
    expectClearMessage(await refusal('blank.htm', utf8('<html><body><img src="a.png"></body></html>')), 'no-article', 'blank.htm', 'New article')
  })

  it('a corrupt DOCX', async () => {
    const docx = await realDocx()
    expectClearMessage(await refusal('truncated.docx', docx.subarray(0, Math.floor(docx.length / 2))), 'corrupt-docx', 'truncated.docx', 'may be damaged')
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(300).map((_, i) => (i * 31) % 251)])
    expectClearMessage(await refusal('garbage.docx', garbage), 'corrupt-docx', 'garbage.docx', 'save it again as .docx')
  })

  it('uses the file name, never a path it may have been given', async () => {
    const error = await refusal('/home/analyst/private/leak.txt', new Uint8Array())
    expect(error.fileName).toBe('leak.txt')
    expect(error.message).not.toContain('/home/analyst')
  })
})
