// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { bodyExtensions } from '../../../../src-renderer/editor/extensions'
import type { AnnotationHooks, HooksRef } from '../../../../src-renderer/editor/annotation-commands'
import { annotationRanges } from '../../../../src-renderer/editor/annotation-ranges'
import { activeAnnotationId } from '../../../../src-renderer/editor/annotation-focus'
import { revealAnnotation, stepAnnotation } from '../../../../src-renderer/editor/reveal'

const ID = 'ann_aaaaaaaaaaaaaaaa'
const ID2 = 'ann_bbbbbbbbbbbbbbbb'
let editor: Editor | null = null

function make(content: object, hooks: Partial<AnnotationHooks> = {}): { editor: Editor; hooks: HooksRef } {
  const ref: HooksRef = { current: { tag: vi.fn(), step: vi.fn(), clicked: vi.fn(), ...hooks } }
  editor = new Editor({ element: document.createElement('div'), extensions: bodyExtensions(ref), content, injectCSS: false, enableContentCheck: true })
  return { editor, hooks: ref }
}
const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
const select = (e: Editor, from: number, to: number) => e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, from, to)))
function press(e: Editor, key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) {
  const event = new KeyboardEvent('keydown', { key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, altKey: !!mods.alt, bubbles: true, cancelable: true })
  // ProseMirror's keymap falls back to keyCode for shifted letters ("C" with Shift is Mod-Shift-c), as real key events carry it.
  Object.defineProperty(event, 'keyCode', { value: key.length === 1 ? key.toUpperCase().charCodeAt(0) : 0 })
  let handled = false
  e.view.someProp('handleKeyDown', (f) => (handled = f(e.view, event) === true))
  return handled
}

afterEach(() => {
  editor?.destroy()
  editor = null
})

describe('tagging commands', () => {
  it('marks the selection with the id only, as one undoable step', () => {
    const { editor: e } = make(para('The minister said troops moved.'))
    select(e, 5, 13)
    expect(e.commands.addAnnotationMark('claim', ID)).toBe(true)
    const json = JSON.stringify(e.getJSON())
    expect(json).toContain(`"type":"claim","attrs":{"id":"${ID}"}`)
    expect(e.state.doc.textBetween(...(Object.values(annotationRanges(e.state.doc, ID)[0]!) as [number, number]))).toBe('minister')
    e.commands.undo()
    expect(annotationRanges(e.state.doc, ID)).toEqual([])
    e.commands.redo()
    expect(annotationRanges(e.state.doc, ID)).toHaveLength(1)
  })

  it('lets annotations of any kind overlap, two claims included', () => {
    const { editor: e } = make(para('one two three four'))
    select(e, 1, 14)
    e.commands.addAnnotationMark('claim', ID)
    select(e, 5, 19)
    e.commands.addAnnotationMark('claim', ID2)
    select(e, 5, 8)
    e.commands.addAnnotationMark('source', 'ann_cccccccccccccccc')
    const html = e.getHTML()
    expect(html.match(/<mark/g)?.length).toBeGreaterThanOrEqual(3)
    expect(annotationRanges(e.state.doc, ID)).toEqual([{ from: 1, to: 14 }])
    expect(annotationRanges(e.state.doc, ID2)).toEqual([{ from: 5, to: 19 }])
  })

  it('refuses an empty or all-space selection', () => {
    const { editor: e } = make(para('a  b'))
    select(e, 2, 2)
    expect(e.commands.addAnnotationMark('claim', ID)).toBe(false)
    select(e, 2, 4)
    expect(e.commands.addAnnotationMark('claim', ID)).toBe(false)
  })

  it('removes every mark of one annotation and nothing else, undoably', () => {
    const { editor: e } = make(para('alpha beta'))
    select(e, 1, 6)
    e.commands.addAnnotationMark('claim', ID)
    select(e, 7, 11)
    e.commands.addAnnotationMark('question', ID2)
    e.commands.removeAnnotationMarks(ID)
    expect(annotationRanges(e.state.doc, ID)).toEqual([])
    expect(annotationRanges(e.state.doc, ID2)).toHaveLength(1)
    e.commands.undo()
    expect(annotationRanges(e.state.doc, ID)).toHaveLength(1)
  })

  it('keeps React from walking the text for its selection on every commit, while the text stays editable', () => {
    const { editor: e } = make(para('Troops crossed the river.'))
    const dom = e.view.dom as HTMLElement
    // react-dom saves the selection only of elements whose contentEditable reads 'true'.
    expect(dom.getAttribute('contenteditable')).toBe('true')
    expect(dom.contentEditable).not.toBe('true')
    e.setEditable(false)
    expect(dom.contentEditable).toBe('false')
  })

  it('renders marks with their kind for styling and for screen readers', () => {
    const { editor: e } = make(para('said the ministry'))
    select(e, 1, 5)
    e.commands.addAnnotationMark('source', ID)
    const mark = e.view.dom.querySelector('mark')!
    expect(mark.getAttribute('data-kind')).toBe('source')
    expect(mark.getAttribute('data-annotation-id')).toBe(ID)
    expect(mark.getAttribute('aria-description')).toBe('source')
  })
})

describe('shortcuts', () => {
  it('sends Ctrl+Shift+C/S/Q to the view as claim, source and question', () => {
    const tag = vi.fn()
    const { editor: e } = make(para('text to tag'), { tag })
    select(e, 1, 5)
    expect(press(e, 'C', { ctrl: true, shift: true })).toBe(true)
    expect(press(e, 'S', { ctrl: true, shift: true })).toBe(true)
    expect(press(e, 'Q', { ctrl: true, shift: true })).toBe(true)
    expect(tag.mock.calls.map((c) => c[0])).toEqual(['claim', 'source', 'question'])
  })

  it('keeps Ctrl+Shift+S for sources: strikethrough moves to Ctrl+Shift+X', () => {
    const { editor: e } = make(para('text to tag'))
    select(e, 1, 5)
    press(e, 'S', { ctrl: true, shift: true })
    expect(e.isActive('strike')).toBe(false)
    press(e, 'X', { ctrl: true, shift: true })
    expect(JSON.stringify(e.getJSON())).toContain('"strike"')
  })

  it('moves between annotations with F8 and Alt+arrows', () => {
    const step = vi.fn()
    const { editor: e } = make(para('x'), { step })
    press(e, 'F8')
    press(e, 'F8', { shift: true })
    press(e, 'ArrowDown', { alt: true })
    expect(step.mock.calls.map((c) => c[0])).toEqual([1, -1, 1])
  })
})

describe('focus and navigation', () => {
  it('steps through annotations in order and highlights the current one', () => {
    const { editor: e } = make(para('one two three'))
    select(e, 1, 4)
    e.commands.addAnnotationMark('claim', ID)
    select(e, 9, 14)
    e.commands.addAnnotationMark('question', ID2)
    select(e, 1, 1)
    expect(stepAnnotation(e, 1)).toBe(ID)
    expect(stepAnnotation(e, 1)).toBe(ID2)
    expect(activeAnnotationId(e.state)).toBe(ID2)
    expect(e.view.dom.querySelector('.anno-active')?.textContent).toBe('three')
    expect(stepAnnotation(e, 1)).toBe(ID)
  })

  it('reveals an annotation chosen in the panel by moving the caret to it', () => {
    const { editor: e } = make(para('one two three'))
    select(e, 5, 8)
    e.commands.addAnnotationMark('claim', ID)
    select(e, 1, 1)
    expect(revealAnnotation(e, ID)).toBe(true)
    expect(e.state.selection.from).toBe(5)
    expect(revealAnnotation(e, 'ann_zzzzzzzzzzzzzzzz')).toBe(false)
  })
})

describe('pasting', () => {
  it('never brings an annotation id along', () => {
    const { editor: e } = make(para('before'))
    select(e, 7, 7)
    e.view.pasteHTML(`<p> and <mark data-kind="claim" data-annotation-id="${ID}">copied claim</mark></p>`)
    expect(e.getText()).toContain('copied claim')
    expect(JSON.stringify(e.getJSON())).not.toContain(ID)
  })
})
