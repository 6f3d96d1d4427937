import { Extension } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'

/**
 * Around every commit, react-dom saves the selection of the focused element so it can restore it if the commit
 * moved that element: for a contenteditable it walks every node inside it to count characters
 * (getSelectionInformation). React never renders inside the editor, so in a 50k-word article that walk is pure
 * cost, paid on each commit while the text has focus, such as the one that shows a new tag's row. React recognises
 * a contenteditable by `contentEditable === 'true'`; the editor's root answers 'inherit' to that read instead.
 * The attribute, which is what makes the element editable, is untouched, and ProseMirror only ever compares the
 * property with 'false'.
 */
const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable')

function hideFromReactSelection(dom: HTMLElement): void {
  if (!native?.get || !native.set) return
  const { get, set } = native
  Object.defineProperty(dom, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = get.call(this) as string
      return value === 'true' ? 'inherit' : value
    },
    set(this: HTMLElement, value: string) {
      set.call(this, value)
    },
  })
}

export const ReactSelectionGuard = Extension.create({
  name: 'reactSelectionGuard',
  addProseMirrorPlugins() {
    return [new Plugin({ view: (view) => (hideFromReactSelection(view.dom), {}) })]
  },
})
