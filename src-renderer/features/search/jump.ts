import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { indexText, pmPosAt } from '../../../src-main/shared/schema/plain-text'

/** Where a view sends the analyst: an article, and in it an annotation or a plain-text range. */
export interface Jump {
  articleId: string
  annotationId?: string | null
  start?: number | null
  end?: number | null
}

/** Selects a plain-text range of the open article (a search hit in its body) and scrolls it to the middle. */
export function revealText(editor: Editor, start: number, end: number): boolean {
  if (editor.isDestroyed) return false
  const index = indexText(editor.state.doc)
  const from = pmPosAt(index, start, 'start')
  const to = pmPosAt(index, end, 'end')
  if (from === null || to === null) return false
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)))
  const { node } = editor.view.domAtPos(from + 1)
  const el = node instanceof Element ? node : node.parentElement
  el?.scrollIntoView({ block: 'center', inline: 'nearest' })
  editor.view.focus()
  return true
}
