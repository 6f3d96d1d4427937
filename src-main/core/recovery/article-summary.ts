import type { ArticleFile, DocJson } from '../../shared/model/notebook'

/** The first line of an article's text, for a title when the index that held the real one is gone. */
export function firstLine(doc: DocJson, max = 120): string {
  let line = ''
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (n.type === 'text' && typeof n.text === 'string') line += n.text
    if (Array.isArray(n.content)) {
      for (const child of n.content) {
        if (visit(child)) return true
        // A block ends the line: stop at the first block that had text.
        if (line.trim() && isBlock(child)) return true
      }
    }
    return line.length >= max
  }
  visit(doc)
  const clean = line.replace(/\s+/g, ' ').trim()
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

function isBlock(node: unknown): boolean {
  const type = (node as { type?: unknown })?.type
  return typeof type === 'string' && type !== 'text' && type !== 'hardBreak'
}

/** The library's counts of an article, as the services keep them: orphaned annotations are not counted. */
export function annotationCounts(file: ArticleFile): { claim: number; source: number; question: number } {
  const counts = { claim: 0, source: 0, question: 0 }
  for (const a of file.annotations) if (!a.orphaned) counts[a.kind]++
  return counts
}

export function annotationTags(file: ArticleFile): string[] {
  return [...new Set(file.annotations.flatMap((a) => a.tags))]
}

/** The article's text, one block per line: what a recovered article keeps as its original when the real one is unknown. */
export function docText(doc: DocJson): string {
  const lines: string[] = []
  let line = ''
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (n.type === 'text' && typeof n.text === 'string') line += n.text
    if (n.type === 'hardBreak') line += '\n'
    if (Array.isArray(n.content)) for (const child of n.content) visit(child)
    if (isBlock(node) && n.type !== 'doc' && line) {
      lines.push(line)
      line = ''
    }
  }
  visit(doc)
  if (line) lines.push(line)
  return lines.join('\n')
}
