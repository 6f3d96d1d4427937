/**
 * Properties of the content policy over attack-shaped random input (fast-check). The import tests already check
 * idempotence on tag soup and that random HTML never escapes as anything but ImportError; these aim the same
 * properties at the attacks, through every importer, and add the store-side checks: the fast path for stored
 * rich text and the JSON rewrite of documents.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { isPolicyOutput, sanitizeHtml, sanitizeStoredHtml } from '../../src-main/core/import/sanitize'
import { importFile, importPasted } from '../../src-main/core/import/import-file'
import { ImportError } from '../../src-main/core/import/errors'
import { cleanDocJson } from '../../src-main/shared/schema/clean-doc'
import { docFromJson } from '../../src-main/shared/schema/annotate-doc'
import type { DocJson } from '../../src-main/shared/model/notebook'
import { docProblems, htmlProblems } from './corpus'
import { attackHtml } from './generators'

// Property runs are sized for a shared two-core machine; the timeouts leave room for a busy one.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150)

describe('sanitizing attack-shaped HTML', () => {
  it('is idempotent, and its output holds only the policy', () => {
    fc.assert(
      fc.property(attackHtml, (html) => {
        const once = sanitizeHtml(html)
        expect(htmlProblems(once)).toEqual([])
        expect(sanitizeHtml(once)).toBe(once)
      }),
      { numRuns: RUNS * 2 },
    )
  }, 120_000)

  it('recognises its own output, so stored rich text is not re-parsed, and re-sanitizes anything else', () => {
    fc.assert(
      fc.property(attackHtml, (html) => {
        const clean = sanitizeHtml(html)
        expect(isPolicyOutput(clean)).toBe(true)
        expect(sanitizeStoredHtml(clean)).toBe(clean)
        expect(htmlProblems(sanitizeStoredHtml(html))).toEqual([])
      }),
      { numRuns: RUNS * 2 },
    )
  }, 120_000)
})

describe('importing attack-shaped content', () => {
  const bytes = (s: string) => new TextEncoder().encode(s)

  it('never throws anything but ImportError, whatever the format, and what it imports is clean', async () => {
    const docx = async (html: string) =>
      new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: html.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })))
    await fc.assert(
      fc.asyncProperty(attackHtml, fc.constantFrom('html', 'htm', 'md', 'txt', 'docx'), async (html, ext) => {
        try {
          const imported = await importFile({ name: `hostile.${ext}`, bytes: ext === 'docx' ? await docx(html) : bytes(html) })
          expect(docProblems(imported.doc)).toEqual([])
          expect(imported.fields.url).toMatch(/^(?:https?:\/\/\S+)?$/)
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError)
        }
      }),
      { numRuns: RUNS },
    )
  }, 180_000)

  it('a paste never throws anything but ImportError, and what it keeps is clean', () => {
    fc.assert(
      fc.property(attackHtml, (html) => {
        try {
          expect(docProblems(importPasted({ title: 'x', html }).doc)).toEqual([])
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError)
        }
      }),
      { numRuns: RUNS },
    )
  }, 120_000)
})

describe('document JSON through the schema allowlist', () => {
  const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.boolean(), fc.constantFrom('javascript:alert(1)', ' JaVa\tScRiPt:x', 'https://example.org/', 'ann_0123456789abcdef', '"><img src=x onerror=alert(1)>', 'data:text/html,x'))
  const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.record(
      {
        type: fc.constantFrom('paragraph', 'heading', 'text', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'hardBreak', 'horizontalRule', 'image', 'script'),
        text: fc.string({ minLength: 1, maxLength: 6 }),
        attrs: fc.dictionary(fc.constantFrom('level', 'start', 'href', 'onclick', 'src', 'style', '__proto__'), value, { maxKeys: 3 }),
        marks: fc.array(fc.record({ type: fc.constantFrom('bold', 'italic', 'link', 'claim', 'source', 'script'), attrs: fc.dictionary(fc.constantFrom('href', 'id', 'onclick', 'target', 'rel'), value, { maxKeys: 3 }) }), { maxLength: 3 }),
        content: fc.array(tie('node'), { maxLength: 3 }),
        extra: value,
      },
      { requiredKeys: ['type'] },
    ),
  })).node
  const doc = fc.record({ type: fc.constant('doc' as const), content: fc.array(node, { maxLength: 4 }) })

  it('leaves nothing the schema does not define, and is stable', () => {
    let fitting = 0
    fc.assert(
      fc.property(doc, (d) => {
        const cleaned = cleanDocJson(d as DocJson)
        expect(cleanDocJson(cleaned)).toEqual(cleaned)
        let fits = true
        try {
          docFromJson(cleaned)
        } catch {
          fits = false
        }
        if (!fits) return
        fitting++
        expect(docProblems(cleaned)).toEqual([])
        expect(docProblems(docFromJson(cleaned).toJSON())).toEqual([])
      }),
      { numRuns: RUNS * 3 },
    )
    expect(fitting).toBeGreaterThan(0)
  }, 120_000)
})
