import { parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import { safeUrl } from '../../shared/schema/safe-url'
import type { Block, Run } from './doc-blocks'

type Node = DefaultTreeAdapterMap['childNode']
type Element = DefaultTreeAdapterMap['element']

/**
 * Stored rich text (notes, key judgments) as export blocks, read with parse5, the HTML parser jsdom uses, without
 * building a DOM: a brief's notes are read once each per export, and a DOM per note costs more than the export.
 * The walk is an allowlist in itself: paragraphs, headings, lists, quotes, rules, line breaks, bold, italic,
 * underline, strike and http/https/mailto links are kept; any other element gives only its text, and the content
 * of script-like elements is dropped. Nothing read here is ever written out unescaped.
 */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button', 'xmp', 'noembed', 'noframes'])
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'address', 'center', 'pre', 'table', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'details', 'summary'])
const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 }

interface Style {
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  href?: string
}

interface Ctx {
  quoteDepth: number
  lists: Array<{ ordered: boolean; next: number }>
}

export function htmlBlocks(html: string): Block[] {
  const out: Block[] = []
  let current: { block: Block & { runs: Run[] }; fresh: boolean } | null = null
  const flush = () => {
    if (current) {
      trimRuns(current.block.runs)
      if (current.block.runs.some((r) => r.lineBreak || r.text.trim())) out.push(current.block)
    }
    current = null
  }
  const open = (block: Block & { runs: Run[] }) => {
    flush()
    current = { block, fresh: true }
  }
  const ensure = (ctx: Ctx) => {
    if (!current) current = { block: { type: 'paragraph', runs: [], quoteDepth: ctx.quoteDepth }, fresh: true }
    return current.block
  }

  const walk = (nodes: Node[], ctx: Ctx, style: Style) => {
    for (const node of nodes) {
      if (node.nodeName === '#text') {
        const text = (node as DefaultTreeAdapterMap['textNode']).value.replace(/[\s\u0000]+/g, ' ')
        if (!text) continue
        const block = ensure(ctx)
        if (!block.runs.length && !text.trim()) continue
        block.runs.push({ text, annotations: [], ...style })
        continue
      }
      if (!('tagName' in node)) continue
      const el = node as Element
      const tag = el.tagName
      if (SKIP.has(tag)) continue
      const children = el.childNodes as Node[]
      if (tag === 'br') {
        ensure(ctx).runs.push({ text: '\n', lineBreak: true, annotations: [] })
      } else if (tag === 'hr') {
        flush()
        out.push({ type: 'rule', quoteDepth: ctx.quoteDepth })
      } else if (tag in HEADING) {
        open({ type: 'heading', level: HEADING[tag]!, runs: [], quoteDepth: ctx.quoteDepth })
        walk(children, ctx, style)
        flush()
      } else if (tag === 'blockquote') {
        flush()
        walk(children, { ...ctx, quoteDepth: ctx.quoteDepth + 1 }, style)
        flush()
      } else if (tag === 'ul' || tag === 'ol') {
        flush()
        const start = tag === 'ol' ? Number(attr(el, 'start')) || 1 : 1
        walk(children, { ...ctx, lists: [...ctx.lists, { ordered: tag === 'ol', next: start }] }, style)
        flush()
      } else if (tag === 'li') {
        const level = ctx.lists[ctx.lists.length - 1]
        open({ type: 'item', ordered: level?.ordered ?? false, depth: Math.max(0, ctx.lists.length - 1), number: level ? level.next++ : 1, runs: [], quoteDepth: ctx.quoteDepth })
        // The item's first paragraph is the item's own text, not a paragraph after it.
        walk(children, ctx, style)
        flush()
      } else if (BLOCK.has(tag)) {
        const c = current as { block: Block; fresh: boolean } | null
        const inFreshItem = c?.fresh && c.block.type === 'item' && !(c.block as { runs: Run[] }).runs.length
        if (inFreshItem && tag === 'p') {
          c!.fresh = false
          walk(children, ctx, style)
        } else {
          open({ type: 'paragraph', runs: [], quoteDepth: ctx.quoteDepth })
          walk(children, ctx, style)
          flush()
        }
      } else {
        const next: Style = { ...style }
        if (tag === 'strong' || tag === 'b') next.bold = true
        else if (tag === 'em' || tag === 'i') next.italic = true
        else if (tag === 'u') next.underline = true
        else if (tag === 's' || tag === 'strike' || tag === 'del') next.strike = true
        else if (tag === 'a') {
          const href = safeUrl(attr(el, 'href'))
          if (href) next.href = href
          else delete next.href
        }
        walk(children, ctx, next)
      }
    }
  }
  walk(parseFragment(html).childNodes as Node[], { quoteDepth: 0, lists: [] }, {})
  flush()
  return out
}

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null
}

/** Spaces at a block's edges are layout in HTML, not text. */
function trimRuns(runs: Run[]): void {
  while (runs.length && !runs[0]!.lineBreak && !runs[0]!.text.trim()) runs.shift()
  while (runs.length && !runs[runs.length - 1]!.lineBreak && !runs[runs.length - 1]!.text.trim()) runs.pop()
  if (runs[0] && !runs[0].lineBreak) runs[0].text = runs[0].text.replace(/^\s+/, '')
  const last = runs[runs.length - 1]
  if (last && !last.lineBreak) last.text = last.text.replace(/\s+$/, '')
}
