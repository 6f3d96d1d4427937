import type { Node as PMNode } from '@tiptap/pm/model'
import type { JSONContent } from '@tiptap/core'

/**
 * `doc.toJSON()` without redoing the parts that did not change. Documents are persistent: an edit replaces the
 * nodes on the path to it and shares every other node with the previous document, so each node's JSON is kept
 * (weakly, it goes with the node) and an autosave of a long article serialises only the paragraph being typed in.
 * The result is shared between calls: callers must not modify it.
 */
const cache = new WeakMap<PMNode, JSONContent>()

export function docJson(node: PMNode): JSONContent {
  let json = cache.get(node)
  if (json) return json
  if (node.isText || node.childCount === 0) json = node.toJSON() as JSONContent
  else {
    // The same keys, in the same order, as Node.toJSON.
    json = { type: node.type.name }
    for (const _ in node.attrs) {
      json.attrs = node.attrs
      break
    }
    const content: JSONContent[] = []
    node.forEach((child) => content.push(docJson(child)))
    json.content = content
    if (node.marks.length) json.marks = node.marks.map((m) => m.toJSON() as NonNullable<JSONContent['marks']>[number])
  }
  cache.set(node, json)
  return json
}
