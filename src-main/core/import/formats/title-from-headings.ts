import type { DocJson } from '../../../shared/model/notebook'

interface JsonNode {
  type?: string
  text?: string
  attrs?: { level?: number }
  content?: JsonNode[]
}

/**
 * The article title a document's headings give: an opening top-level heading is the title and leaves the body,
 * so it is not shown twice (unless it is the whole body); failing that, the first level-1 heading anywhere is
 * the title and stays where it is. '' when there is neither.
 */
export function titleFromHeadings(doc: DocJson): { title: string; doc: DocJson } {
  const blocks = (doc.content ?? []) as JsonNode[]
  const first = blocks[0]
  if (first?.type === 'heading' && (first.attrs?.level ?? 1) <= 2) {
    const title = flatText(first)
    if (title) return { title, doc: blocks.length > 1 ? { ...doc, content: blocks.slice(1) } : doc }
  }
  const h1 = blocks.find((b) => b.type === 'heading' && b.attrs?.level === 1)
  return { title: h1 ? flatText(h1) : '', doc }
}

export function textOf(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return ' '
  return (node.content ?? []).map(textOf).join('')
}

function flatText(node: JsonNode): string {
  return textOf(node).replace(/\s+/g, ' ').trim()
}
