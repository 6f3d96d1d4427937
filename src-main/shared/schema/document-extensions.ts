import StarterKit from '@tiptap/starter-kit'
import { getSchema, type AnyExtension } from '@tiptap/core'
import { annotationMarks } from './annotation-marks'
import { safeUrl } from './safe-url'

/**
 * The document schema, defined once. The editor extends it with UI; core uses it bare in Node to convert
 * HTML and Markdown, and it is the final allowlist for anything imported or pasted: what it cannot express is dropped.
 * UI-only plugins (undo history, drop cursor, gap cursor, trailing node) are left to the renderer.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      dropcursor: false,
      gapcursor: false,
      trailingNode: false,
      code: false,
      codeBlock: false,
      heading: { levels: [1, 2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        protocols: [],
        defaultProtocol: 'https',
        isAllowedUri: (url) => safeUrl(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    ...annotationMarks,
  ]
}

let cached: ReturnType<typeof getSchema> | null = null
export function documentSchema() {
  cached ??= getSchema(documentExtensions())
  return cached
}
