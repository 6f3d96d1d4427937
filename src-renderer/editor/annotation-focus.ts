import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { annotationRanges, annotationsAt } from './annotation-ranges'

/**
 * Which annotation the analyst is looking at. The editor highlights its span with a decoration (no DOM work per
 * keystroke: the set is only mapped) and reports clicks on tagged text so the panel can select the record.
 */
interface FocusState {
  activeId: string | null
  decorations: DecorationSet
}

export const annotationFocusKey = new PluginKey<FocusState>('annotationFocus')

export function activeAnnotationId(state: EditorState): string | null {
  return annotationFocusKey.getState(state)?.activeId ?? null
}

export function setActiveAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(annotationFocusKey, { activeId: id })
}

function decorate(state: { doc: EditorState['doc'] }, id: string | null): DecorationSet {
  if (!id) return DecorationSet.empty
  const decos = annotationRanges(state.doc, id).map((r) => Decoration.inline(r.from, r.to, { class: 'anno-active' }))
  return DecorationSet.create(state.doc, decos)
}

export function annotationFocusPlugin(onClickAnnotation: (id: string) => void): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key: annotationFocusKey,
    state: {
      init: () => ({ activeId: null, decorations: DecorationSet.empty }),
      apply(tr, prev, _old, next) {
        const meta = tr.getMeta(annotationFocusKey) as { activeId: string | null } | undefined
        if (meta) return { activeId: meta.activeId, decorations: decorate(next, meta.activeId) }
        if (!tr.docChanged || !prev.activeId) return prev
        // Marks may have been added or removed (tagging, undo): only then is a rescan worth it.
        const marksTouched = tr.steps.some((s) => s instanceof AddMarkStep || s instanceof RemoveMarkStep)
        return { activeId: prev.activeId, decorations: marksTouched ? decorate(next, prev.activeId) : prev.decorations.map(tr.mapping, tr.doc) }
      },
    },
    props: {
      decorations: (state) => annotationFocusKey.getState(state)?.decorations,
      handleClick(view: EditorView, pos: number) {
        const spans = annotationsAt(view.state.doc, pos)
        if (spans.length === 0) return false
        // A second click on nested spans steps outward, so every layer is reachable with the mouse.
        const current = activeAnnotationId(view.state)
        const at = spans.findIndex((s) => s.id === current)
        const pick = spans[(at + 1) % spans.length]!
        view.dispatch(setActiveAnnotation(view.state.tr, pick.id))
        onClickAnnotation(pick.id)
        return false
      },
    },
  })
}
