import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { adjacentAnnotation, annotationRanges } from './annotation-ranges'
import { activeAnnotationId, setActiveAnnotation } from './annotation-focus'

/** Highlights an annotation's span, puts the caret at its start and scrolls it to the middle of the pane. */
export function revealAnnotation(editor: Editor, id: string, { moveCaret = true }: { moveCaret?: boolean } = {}): boolean {
  if (editor.isDestroyed) return false
  const first = annotationRanges(editor.state.doc, id)[0]
  const tr = setActiveAnnotation(editor.state.tr, id)
  if (first && moveCaret) tr.setSelection(TextSelection.create(tr.doc, first.from))
  editor.view.dispatch(tr)
  if (!first) return false
  const { node } = editor.view.domAtPos(first.from + 1)
  const el = node instanceof Element ? node : node.parentElement
  el?.scrollIntoView({ block: 'center', inline: 'nearest' })
  return true
}

/** Moves to the next or previous annotation in document order; returns its id, or null if there is none. */
export function stepAnnotation(editor: Editor, direction: 1 | -1): string | null {
  if (editor.isDestroyed) return null
  const { state } = editor
  const span = adjacentAnnotation(state.doc, state.selection.from, direction, activeAnnotationId(state))
  if (!span) return null
  revealAnnotation(editor, span.id)
  return span.id
}

export function clearActiveAnnotation(editor: Editor): void {
  if (editor.isDestroyed || activeAnnotationId(editor.state) === null) return
  editor.view.dispatch(setActiveAnnotation(editor.state.tr, null))
}
