import { Mark, mergeAttributes } from '@tiptap/core'
import type { AnnotationKind } from '../model/annotation'

/**
 * Claim, source and question marks carry only the annotation id; its meaning lives in the store (like Outline's
 * comment mark). `excludes: ''` lets annotations of any kind overlap and nest, two claims included;
 * `inclusive: false` keeps typing at a span's edge from growing the span.
 */
function annotationMark(kind: AnnotationKind) {
  return Mark.create({
    name: kind,
    excludes: '',
    inclusive: false,
    spanning: true,
    addAttributes() {
      return {
        id: {
          default: null,
          parseHTML: (el: HTMLElement) => el.getAttribute('data-annotation-id'),
          renderHTML: (attrs: { id?: string | null }) => (attrs.id ? { 'data-annotation-id': attrs.id } : {}),
        },
      }
    },
    parseHTML() {
      return [{ tag: `mark[data-kind="${kind}"]` }]
    },
    renderHTML({ HTMLAttributes }) {
      return ['mark', mergeAttributes(HTMLAttributes, { 'data-kind': kind, class: `anno anno-${kind}` }), 0]
    },
  })
}

export const ClaimMark = annotationMark('claim')
export const SourceMark = annotationMark('source')
export const QuestionMark = annotationMark('question')
export const annotationMarks = [ClaimMark, SourceMark, QuestionMark]
export const ANNOTATION_MARK_NAMES: readonly AnnotationKind[] = ['claim', 'source', 'question']
