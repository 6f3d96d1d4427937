import { Plugin, PluginKey } from '@tiptap/pm/state'
import { stripAnnotationMarks } from './annotation-ranges'

/**
 * Strips annotation marks from pasted and dropped content, so an id never appears on two spans. Text dragged
 * within the article is moved, not copied: its marks travel with it and the original is deleted.
 */
export function pasteGuardPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('annotationPasteGuard'),
    props: {
      transformPasted(slice, view) {
        if (view.dragging?.move) return slice
        return stripAnnotationMarks(slice)
      },
    },
  })
}
