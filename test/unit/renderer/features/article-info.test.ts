import { describe, expect, it } from 'vitest'
import { formatName, importTimeText, originLabel, originName, sizeText } from '../../../../src-renderer/features/article/article-info'
import type { Provenance } from '../../../../src-main/shared/model/article'

const provenance = (p: Partial<Provenance>): Provenance => ({
  origin: 'file',
  name: 'port-closure.html',
  sha256: 'a'.repeat(64),
  importedAt: '2024-11-05T09:30:15.000Z',
  mediaType: 'text/html',
  byteLength: 1234,
  ...p,
})

describe('article info', () => {
  it('names the source as imported: the file name, the URL, or how it came in', () => {
    expect([originLabel(provenance({})), originName(provenance({}))]).toEqual(['File', 'port-closure.html'])
    expect([originLabel(provenance({ origin: 'url', name: 'https://example.org/a' })), originName(provenance({ origin: 'url', name: 'https://example.org/a' }))]).toEqual([
      'URL',
      'https://example.org/a',
    ])
    expect(originName(provenance({ origin: 'paste', name: 'Pasted text' }))).toBe('Pasted text')
    expect(originName(provenance({ origin: 'sample', name: 'sample' }))).toBe('Sample article')
  })

  it('names each format the importer records, and shows an unknown media type as it is', () => {
    expect(formatName('text/html')).toBe('Web page (HTML)')
    expect(formatName('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word document (DOCX)')
    expect(formatName('text/markdown')).toBe('Markdown')
    expect(formatName('text/plain')).toBe('Plain text')
    expect(formatName('application/x-custom')).toBe('application/x-custom')
  })

  it('gives sizes readably with the exact byte count beside any rounding', () => {
    expect(sizeText(1)).toBe('1 byte')
    expect(sizeText(999)).toBe('999 bytes')
    expect(sizeText(1536)).toBe('1.5 KB (1,536 bytes)')
    expect(sizeText(52_428_800)).toBe('50 MB (52,428,800 bytes)')
  })

  it('gives the import time to the second', () => {
    expect(importTimeText('2024-11-05T09:30:15.000Z')).toMatch(/2024/)
    expect(importTimeText('2024-11-05T09:30:15.000Z')).toMatch(/\d{2}:\d{2}:\d{2}|\d{1,2}:\d{2}:\d{2}/)
    expect(importTimeText('not a date')).toBe('not a date')
  })
})
