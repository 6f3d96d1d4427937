// @vitest-environment jsdom
/**
 * The window's paste and drop path, headless: HTML pasted into the body editor and into a note passes through the
 * one sanitizing policy and then the schema. ProseMirror's `pasteHTML` runs the same pipeline as a real paste event.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { bodyExtensions, noteExtensions } from '../../src-renderer/editor/extensions'
import type { HooksRef } from '../../src-renderer/editor/annotation-commands'
import { sanitizePastedHtml } from '../../src-renderer/editor/paste-sanitizer'
import { sanitizeHtml } from '../../src-main/core/import/sanitize'
import fc from 'fast-check'
import { ARTICLE_SENTENCE, FIXTURES, docProblems, docText } from './corpus'
import { attackHtml } from './generators'

// jsdom has no ClipboardEvent; pasteHTML only builds one to hand to paste handlers, which read nothing from it here.
globalThis.ClipboardEvent ??= class extends Event {
  readonly clipboardData = null
} as unknown as typeof ClipboardEvent

const editors: Editor[] = []
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy()
})

function body(text = 'ab'): Editor {
  const hooks: HooksRef = { current: { tag: vi.fn(), step: vi.fn(), clicked: vi.fn() } }
  const e = new Editor({ element: document.createElement('div'), extensions: bodyExtensions(hooks), content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, injectCSS: false })
  editors.push(e)
  return e
}

function note(): Editor {
  const e = new Editor({ element: document.createElement('div'), extensions: noteExtensions('Note'), content: '', injectCSS: false })
  editors.push(e)
  return e
}

describe.each(FIXTURES.map((f) => [f.id, f] as const))('%s pasted in the window', (_id, f) => {
  it('leaves the body with only what the schema allows, and the article text', () => {
    const e = body()
    e.view.pasteHTML(f.html)
    expect(docProblems(e.getJSON())).toEqual([])
    expect(docText(e.getJSON())).toContain(ARTICLE_SENTENCE)
  })

  it('leaves a note the same way', () => {
    const e = note()
    e.view.pasteHTML(f.html)
    expect(docProblems(e.getJSON())).toEqual([])
    expect(e.getText()).toContain(ARTICLE_SENTENCE)
  })

  it('is cleaned by the same rules main applies', () => {
    expect(sanitizePastedHtml(f.html)).toBe(sanitizeHtml(f.html))
  })
})

describe('one policy in main and in the window', () => {
  it('gives the same output on attack-shaped HTML, and pasting it leaves a clean body', () => {
    fc.assert(
      fc.property(attackHtml, (html) => {
        expect(sanitizePastedHtml(html)).toBe(sanitizeHtml(html))
        const e = body()
        e.view.pasteHTML(html)
        expect(docProblems(e.getJSON())).toEqual([])
        e.destroy()
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    )
  }, 120_000)
})

describe('the policy runs on paste, not only the schema', () => {
  it('drops interface text (forms, buttons, navigation) with its elements, as an import does', () => {
    const e = body()
    e.view.pasteHTML(`<p>${ARTICLE_SENTENCE}</p><nav>Home | World | Sport</nav><form><button>Subscribe now</button></form>`)
    expect(e.getText()).toContain(ARTICLE_SENTENCE)
    expect(e.getText()).not.toMatch(/Subscribe now|Home \| World/)
  })

  it('keeps the shape of a paste copied within the editor', () => {
    const e = body('ab')
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, 2)))
    e.view.pasteHTML('<p data-pm-slice="0 0 []">Whole paragraph</p>')
    expect(e.getJSON().content?.map((p) => docText(p))).toEqual(['a', 'Whole paragraph', 'b'])
  })

  it('ignores a slice marker that is not ProseMirror\'s', () => {
    expect(sanitizePastedHtml('<p data-pm-slice="0 0 []&quot;><img src=x onerror=alert(1)>">text</p>')).toBe('<p>text</p>')
    expect(sanitizePastedHtml('<p data-pm-slice="0 0 [{&quot;x&quot;:1}]">text</p>')).toBe('<p>text</p>')
  })
})
