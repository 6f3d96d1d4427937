import { Mark, mergeAttributes, type AnyExtension } from '@tiptap/core'
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo, Placeholder } from '@tiptap/extensions'
import type { AnnotationKind } from '../../src-main/shared/model/annotation'
import { documentExtensions } from '../../src-main/shared/schema/document-extensions'
import { ANNOTATION_MARK_NAMES } from '../../src-main/shared/schema/annotation-marks'
import { AnnotationCommands, type HooksRef } from './annotation-commands'
import { PasteSanitizer } from './paste-sanitizer'
import { ReactSelectionGuard } from './react-selection-guard'

/**
 * The shared document schema, extended for the window: undo history, drop and gap cursors, annotation commands,
 * shortcuts and plugins. Nothing here changes what a document can hold; core reads the same schema bare.
 */

const KIND_WORD: Record<AnnotationKind, string> = { claim: 'claim', source: 'source', question: 'follow-up question' }

/**
 * Same marks, same parse rules, same attributes: only the editor's DOM adds a description, so a screen reader
 * announces the kind of tagged text, which colour and underline alone cannot tell it.
 */
function describedMark(ext: AnyExtension): AnyExtension {
  const kind = ext.name as AnnotationKind
  if (!(ext instanceof Mark) || !ANNOTATION_MARK_NAMES.includes(kind)) return ext
  return ext.extend({
    renderHTML({ HTMLAttributes }) {
      return ['mark', mergeAttributes(HTMLAttributes, { 'data-kind': kind, class: `anno anno-${kind}`, 'aria-description': KIND_WORD[kind] }), 0]
    },
  })
}

function windowOnlyExtensions(): AnyExtension[] {
  return [UndoRedo.configure({ depth: 500, newGroupDelay: 600 }), Dropcursor.configure({ width: 2, class: 'drop-cursor' }), Gapcursor, TrailingNode, PasteSanitizer]
}

/** The article body editor. */
export function bodyExtensions(hooks: HooksRef): AnyExtension[] {
  return [...documentExtensions().map(describedMark), ...windowOnlyExtensions(), AnnotationCommands.configure({ hooks }), ReactSelectionGuard]
}

/**
 * A note (on an article or an annotation): the same rich text without the annotation marks, so tagged text
 * pasted into a note arrives as plain text and no annotation id is copied.
 */
export function noteExtensions(placeholder: string): AnyExtension[] {
  return [
    ...documentExtensions().filter((e) => !ANNOTATION_MARK_NAMES.includes(e.name as AnnotationKind)),
    ...windowOnlyExtensions(),
    Placeholder.configure({ placeholder }),
  ]
}
