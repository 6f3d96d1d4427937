import type { DocJson } from '../../../../src-main/shared/model/notebook'

/** What a test needs to see in a document: every node type, mark and link, and the text. */
export interface DocParts {
  nodeTypes: Set<string>
  markTypes: Set<string>
  hrefs: string[]
  text: string
}

interface JsonNode {
  type?: string
  text?: string
  marks?: Array<{ type: string; attrs?: { href?: string } }>
  content?: JsonNode[]
}

export function docParts(doc: DocJson): DocParts {
  const parts: DocParts = { nodeTypes: new Set(), markTypes: new Set(), hrefs: [], text: '' }
  const visit = (node: JsonNode): void => {
    if (node.type) parts.nodeTypes.add(node.type)
    for (const mark of node.marks ?? []) {
      parts.markTypes.add(mark.type)
      if (mark.type === 'link' && mark.attrs?.href) parts.hrefs.push(mark.attrs.href)
    }
    if (node.text) parts.text += node.text
    for (const child of node.content ?? []) visit(child)
    if (node.type === 'paragraph' || node.type === 'heading') parts.text += '\n'
  }
  visit(doc as JsonNode)
  return parts
}
