import type { Mark, Node as PMNode } from '@tiptap/pm/model'
import type { AnnotationKind } from '../../shared/model/annotation'
import type { DocJson } from '../../shared/model/notebook'
import { docFromJson } from '../../shared/schema/annotate-doc'
import { ANNOTATION_MARK_NAMES } from '../../shared/schema/annotation-marks'
import { safeUrl } from '../../shared/schema/safe-url'

/**
 * An article body flattened to what every export format can express: blocks of styled runs. Markdown, HTML and
 * DOCX all render from this one walk of the shared schema, so the three cannot disagree about the text.
 */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  /** Only http, https and mailto survive, checked again here because stored documents are content too. */
  href?: string
  /** The annotations this run lies in, outermost (earliest opened) first. */
  annotations: Array<{ id: string; kind: AnnotationKind }>
  /** A hard line break inside the block rather than text. */
  lineBreak?: boolean
  /** Annotations whose span starts with this run (their first run in the whole document). */
  starts?: string[]
  /** Annotations whose span ends with this run (their last run in the whole document): where labels go. */
  ends?: string[]
}

export type Block =
  | { type: 'paragraph'; runs: Run[]; quoteDepth: number }
  | { type: 'heading'; level: number; runs: Run[]; quoteDepth: number }
  | { type: 'item'; ordered: boolean; depth: number; number: number; runs: Run[]; quoteDepth: number }
  | { type: 'rule'; quoteDepth: number }

export function docBlocks(json: DocJson): Block[] {
  const doc = docFromJson(json)
  const blocks: Block[] = []
  walk(doc, { quoteDepth: 0, list: [] }, blocks)
  markSpanEnds(blocks)
  return blocks
}

function markSpanEnds(blocks: Block[]): void {
  const first = new Map<string, Run>()
  const last = new Map<string, Run>()
  for (const b of blocks) {
    if (b.type === 'rule') continue
    for (const r of b.runs) {
      for (const a of r.annotations) {
        if (!first.has(a.id)) first.set(a.id, r)
        last.set(a.id, r)
      }
    }
  }
  for (const [id, run] of first) (run.starts ??= []).push(id)
  for (const [id, run] of last) (run.ends ??= []).push(id)
}

interface Ctx {
  quoteDepth: number
  list: Array<{ ordered: boolean; next: number }>
}

function walk(parent: PMNode, ctx: Ctx, out: Block[]): void {
  parent.forEach((child) => walkNode(child, ctx, out))
}

function walkNode(node: PMNode, ctx: Ctx, out: Block[]): void {
  const name = node.type.name
  const quoteDepth = ctx.quoteDepth
  if (name === 'blockquote') return walk(node, { ...ctx, quoteDepth: quoteDepth + 1 }, out)
  if (name === 'bulletList' || name === 'orderedList') {
    const start = name === 'orderedList' ? Number(node.attrs.start ?? 1) || 1 : 1
    return walk(node, { ...ctx, list: [...ctx.list, { ordered: name === 'orderedList', next: start }] }, out)
  }
  if (name === 'listItem') {
    const level = ctx.list[ctx.list.length - 1]
    const number = level ? level.next++ : 1
    let first = true
    node.forEach((part) => {
      if (part.isTextblock && first) {
        out.push({ type: 'item', ordered: level?.ordered ?? false, depth: ctx.list.length - 1, number, runs: runsOf(part), quoteDepth })
        first = false
      } else walkNode(part, ctx, out)
    })
    return
  }
  if (name === 'horizontalRule') return void out.push({ type: 'rule', quoteDepth })
  if (name === 'heading') return void out.push({ type: 'heading', level: Number(node.attrs.level) || 1, runs: runsOf(node), quoteDepth })
  if (node.isTextblock) return void out.push({ type: 'paragraph', runs: runsOf(node), quoteDepth })
  if (node.childCount > 0) walk(node, ctx, out)
}

function runsOf(block: PMNode): Run[] {
  const runs: Run[] = []
  block.forEach((child) => {
    if (child.type.name === 'hardBreak') return void runs.push({ text: '\n', lineBreak: true, annotations: [] })
    if (!child.isText || !child.text) return
    runs.push(runOf(child.text, child.marks))
  })
  return runs
}

function runOf(text: string, marks: readonly Mark[]): Run {
  const run: Run = { text, annotations: [] }
  for (const m of marks) {
    const name = m.type.name
    if (name === 'bold') run.bold = true
    else if (name === 'italic') run.italic = true
    else if (name === 'underline') run.underline = true
    else if (name === 'strike') run.strike = true
    else if (name === 'link') {
      const href = safeUrl(m.attrs.href as string | null)
      if (href) run.href = href
    } else if ((ANNOTATION_MARK_NAMES as readonly string[]).includes(name) && typeof m.attrs.id === 'string') {
      run.annotations.push({ id: m.attrs.id, kind: name as AnnotationKind })
    }
  }
  return run
}

/** Ids in the order their spans first appear in the text: the numbering readers see (C1, S1, Q1…). */
export function annotationOrder(blocks: readonly Block[]): string[] {
  const seen = new Set<string>()
  for (const b of blocks) if (b.type !== 'rule') for (const r of b.runs) for (const a of r.annotations) seen.add(a.id)
  return [...seen]
}
