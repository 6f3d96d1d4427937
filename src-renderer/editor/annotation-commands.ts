import { Extension } from '@tiptap/core'
import type { AnnotationKind } from '../../src-main/shared/model/annotation'
import { SHORTCUTS } from '../ui/shortcuts'
import { trimRange } from './annotation-ranges'
import { annotationFocusPlugin } from './annotation-focus'
import { pasteGuardPlugin } from './paste-guard'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annotationMarks: {
      /** Marks the selection (whitespace at its ends trimmed) as one annotation, in one undoable step. */
      addAnnotationMark: (kind: AnnotationKind, id: string) => ReturnType
      /** Removes every mark of one annotation, wherever it is in the document. */
      removeAnnotationMarks: (id: string) => ReturnType
    }
  }
}

/**
 * What the React side does for the editor. A mutable holder, so the editor is built once per article while the
 * callbacks follow the latest state of the view.
 */
export interface AnnotationHooks {
  /** Tag the current selection (the view creates the record in the store). */
  tag(kind: AnnotationKind): void
  /** Move to the next (1) or previous (-1) annotation. */
  step(direction: 1 | -1): void
  /** The analyst clicked tagged text. */
  clicked(id: string): void
}
export interface HooksRef {
  current: AnnotationHooks
}

export const AnnotationCommands = Extension.create<{ hooks: HooksRef | null }>({
  name: 'annotationCommands',
  // Above StarterKit's marks, so Mod-Shift-S tags a source instead of striking through.
  priority: 1000,

  addOptions() {
    return { hooks: null }
  },

  addCommands() {
    return {
      addAnnotationMark:
        (kind, id) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.marks[kind]
          if (!type || state.selection.empty) return false
          const ranges = state.selection.ranges
            .map((r) => trimRange(state.doc, r.$from.pos, r.$to.pos))
            .filter((r): r is NonNullable<typeof r> => r !== null)
          if (ranges.length === 0) return false
          if (dispatch) for (const r of ranges) tr.addMark(r.from, r.to, type.create({ id }))
          return true
        },
      removeAnnotationMarks:
        (id) =>
        ({ state, tr, dispatch }) => {
          let found = false
          state.doc.descendants((node, pos) => {
            if (!node.isText) return true
            for (const mark of node.marks) {
              if (mark.attrs.id !== id) continue
              found = true
              if (dispatch) tr.removeMark(pos, pos + node.nodeSize, mark)
            }
            return false
          })
          return found
        },
    }
  },

  addKeyboardShortcuts() {
    const hooks = this.options.hooks
    const bind = (keys: readonly string[], run: () => boolean) => Object.fromEntries(keys.map((k) => [k, run]))
    const tag = (kind: AnnotationKind) => () => {
      hooks?.current.tag(kind)
      // Claimed even with nothing selected: the view explains what to do rather than falling through to strikethrough.
      return true
    }
    const step = (direction: 1 | -1) => () => {
      hooks?.current.step(direction)
      return true
    }
    return {
      ...bind(SHORTCUTS.tagClaim, tag('claim')),
      ...bind(SHORTCUTS.tagSource, tag('source')),
      ...bind(SHORTCUTS.tagQuestion, tag('question')),
      ...bind(SHORTCUTS.nextAnnotation, step(1)),
      ...bind(SHORTCUTS.previousAnnotation, step(-1)),
      ...bind(SHORTCUTS.strike, () => this.editor.commands.toggleStrike()),
    }
  },

  addProseMirrorPlugins() {
    const hooks = this.options.hooks
    return [annotationFocusPlugin((id) => hooks?.current.clicked(id)), pasteGuardPlugin()]
  },
})
