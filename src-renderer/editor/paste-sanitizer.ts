import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import createDOMPurify from 'dompurify'
import { sanitizeWith, type Purifier } from '../../src-main/shared/schema/sanitize-policy'

/**
 * Pasted and dropped HTML goes through the notebook's one sanitizing policy (the same rules main applies to imports)
 * before ProseMirror parses it against the schema, which stays the final allowlist. ProseMirror parses clipboard
 * HTML in an inert document already; the policy adds the same URL rules, the same dropped elements and the same
 * canonical shape as every other way into a notebook, so a paste can never hold what an import could not.
 */

let purifier: Purifier | null = null

function purify(): Purifier {
  purifier ??= createDOMPurify(window)
  return purifier
}

/** ProseMirror's own marker on HTML it copied: open depths and the node context, e.g. `1 1 ["bulletList",null]`. */
const PM_SLICE = /^\d+ \d+(?: -\d+)? \[[^<>]*\]$/

/** The marker of HTML copied from an editor of this app, if it is well formed, so copy and paste within it keep their shape. */
function sliceMarker(html: string): string | null {
  const value = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-pm-slice]')?.getAttribute('data-pm-slice') ?? null
  if (!value || !PM_SLICE.test(value)) return null
  try {
    const context: unknown = JSON.parse(value.slice(value.indexOf('[')))
    return Array.isArray(context) && context.every((c, i) => (i % 2 === 0 ? typeof c === 'string' : c === null || (typeof c === 'object' && !Array.isArray(c)))) ? value : null
  } catch {
    return null
  }
}

export function sanitizePastedHtml(html: string): string {
  const inert = document.implementation.createHTMLDocument('')
  const clean = sanitizeWith(purify(), inert, html)
  const marker = sliceMarker(html)
  if (!marker) return clean
  const holder = inert.createElement('div')
  holder.innerHTML = clean
  holder.firstElementChild?.setAttribute('data-pm-slice', marker)
  return holder.innerHTML
}

export const PasteSanitizer = Extension.create({
  name: 'pasteSanitizer',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('pasteSanitizer'), props: { transformPastedHTML: (html) => sanitizePastedHtml(html) } })]
  },
})
