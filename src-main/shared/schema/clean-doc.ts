import type { DocJson } from '../model/notebook'
import { documentSchema } from './document-extensions'
import { ANNOTATION_MARK_NAMES } from './annotation-marks'
import { safeUrl } from './safe-url'
import { isId } from '../model/ids'

/**
 * The schema as the final allowlist for document JSON that did not come out of the sanitizer: bodies the window
 * sends to be saved, and bodies read back from a store file someone else may have written (a synced or restored
 * notebook). ProseMirror's `fromJSON` checks node and mark types but keeps any href and any annotation id, and the
 * raw JSON would be stored as sent; this rewrite keeps only what the schema defines, with the URL policy on links.
 * Unknown node types are kept (without attributes) so that the schema check that follows refuses them with a
 * message rather than dropping the analyst's text.
 */
export function cleanDocJson(json: DocJson): DocJson {
  return cleanNode(json, 0) as DocJson
}

/** Deeper nesting than any article has is cut, so a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 200
const HEADING_LEVELS = new Set([1, 2, 3, 4])
const ANNOTATION_MARKS: ReadonlySet<string> = new Set(ANNOTATION_MARK_NAMES)

function cleanNode(value: unknown, depth: number): Record<string, unknown> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const node = value as Record<string, unknown>
  const type = typeof node.type === 'string' ? node.type : ''
  const out: Record<string, unknown> = { type }
  const nodeType = documentSchema().nodes[type]
  if (nodeType && node.attrs && typeof node.attrs === 'object') {
    const attrs = primitiveAttrs(node.attrs as Record<string, unknown>, Object.keys(nodeType.spec.attrs ?? {}))
    if (type === 'heading' && !HEADING_LEVELS.has(attrs.level as number)) attrs.level = 1
    if (Object.keys(attrs).length) out.attrs = attrs
  }
  if (type === 'text') out.text = typeof node.text === 'string' ? node.text : ''
  if (Array.isArray(node.marks)) {
    const marks = node.marks.flatMap(cleanMark)
    if (marks.length) out.marks = marks
  }
  // A leaf (text, a hard break) holds no children; fromJSON ignores any it is given, so they would be stored unchecked.
  const leaf = type === 'text' || nodeType?.isLeaf === true
  if (!leaf && Array.isArray(node.content) && depth < MAX_DEPTH) {
    out.content = node.content.map((child) => cleanNode(child, depth + 1)).filter((c): c is Record<string, unknown> => c !== null)
  }
  return out
}

function cleanMark(value: unknown): Array<Record<string, unknown>> {
  if (!value || typeof value !== 'object') return []
  const mark = value as { type?: unknown; attrs?: Record<string, unknown> }
  const type = typeof mark.type === 'string' ? mark.type : ''
  if (!documentSchema().marks[type]) return []
  if (type === 'link') {
    const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : null
    return safeUrl(href) ? [{ type, attrs: { href: href!.trim() } }] : []
  }
  if (ANNOTATION_MARKS.has(type)) return isId('annotation', mark.attrs?.id) ? [{ type, attrs: { id: mark.attrs!.id } }] : []
  return [{ type }]
}

function primitiveAttrs(attrs: Record<string, unknown>, allowed: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of allowed) {
    const v = attrs[key]
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v
  }
  return out
}
