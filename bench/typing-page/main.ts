import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/**
 * The baseline of the typing benchmark: a plain tiptap StarterKit editor, nothing else, loaded with the same
 * text as the app's LONG article (marks dropped, since StarterKit has no annotation marks).
 */
declare global {
  interface Window {
    loadPlain(doc: unknown): void
  }
}

window.loadPlain = (doc) => {
  new Editor({ element: document.getElementById('editor')!, extensions: [StarterKit], content: doc as object })
}
