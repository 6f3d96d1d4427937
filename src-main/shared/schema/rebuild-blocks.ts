import { safeUrl } from './safe-url'
import { ANNOTATION_KINDS } from '../model/annotation'
import { isId } from '../model/ids'

/**
 * Copies sanitized DOM into fresh elements of the article allowlist, in a canonical shape:
 *  - top level, list items and block quotes hold only blocks; loose inline text is wrapped in a paragraph;
 *  - paragraphs and headings hold only inline content; a block found inside one (a <div> in a <p>, as quirks-mode
 *    parsing and sloppy pages produce) ends it, and inline formatting in force carries over to the next block;
 *  - layout elements (div, section, table cells, …) become block boundaries, so their texts never run together;
 *  - h5/h6 become h4, pre becomes a paragraph with line breaks, b/i/del become strong/em/s, and styled spans
 *    (Word, Google Docs) become the formatting they show;
 *  - empty paragraphs, lists and quotes are dropped, links need an http, https or mailto href.
 * Output in this shape parses back to the same tree, which is what makes sanitizing idempotent.
 */

type InlineTag = 'strong' | 'em' | 'u' | 's' | 'a' | 'mark'
interface Wrapper {
  tag: InlineTag
  attrs: Array<[string, string]>
  /** Two wrappers with the same key never nest: a link in a link is invalid, bold in bold is noise. */
  key: string
}
interface OpenWrapper {
  wrapper: Wrapper
  /** The element in the current paragraph, created lazily when content arrives. */
  el: Element | null
}
interface Flow {
  doc: Document
  out: Element
  para: Element | null
  paraTag: string
  preformatted: boolean
  stack: OpenWrapper[]
}

const TEXTBLOCKS: Record<string, string> = { p: 'p', h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4', pre: 'p' }
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'address', 'center',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'details', 'summary', 'hgroup',
  'body', 'html', 'li',
])
/** Deeper markup is flattened to its text: real articles never nest this deep, and recursion must stay bounded. */
const MAX_DEPTH = 200
const TEXT_NODE = 3
const ELEMENT_NODE = 1

export function rebuildBlocks(doc: Document, src: ParentNode, out: Element): void {
  flowInto(doc, Array.from(src.childNodes), out, [], 0)
}

function flowInto(doc: Document, nodes: Node[], out: Element, inherited: Wrapper[], depth: number): void {
  const flow: Flow = { doc, out, para: null, paraTag: 'p', preformatted: false, stack: inherited.map((wrapper) => ({ wrapper, el: null })) }
  for (const node of nodes) walk(flow, node, depth)
  closePara(flow)
}

function walk(flow: Flow, node: Node, depth: number): void {
  if (node.nodeType === TEXT_NODE) return addText(flow, (node as Text).data)
  if (node.nodeType !== ELEMENT_NODE) return
  const el = node as Element
  if (depth > MAX_DEPTH) return addText(flow, el.textContent ?? '')
  const tag = el.localName

  if (tag === 'br') {
    cursor(flow).append(flow.doc.createElement('br'))
    return
  }
  if (tag === 'hr') {
    closePara(flow)
    flow.out.append(flow.doc.createElement('hr'))
    return
  }
  const textblock = TEXTBLOCKS[tag]
  if (textblock) {
    closePara(flow)
    const outer = { paraTag: flow.paraTag, preformatted: flow.preformatted }
    flow.paraTag = textblock
    flow.preformatted ||= tag === 'pre'
    walkChildren(flow, el, depth)
    closePara(flow)
    Object.assign(flow, outer)
    return
  }
  if (tag === 'ul' || tag === 'ol') {
    closePara(flow)
    addList(flow, el, tag, depth)
    return
  }
  if (tag === 'blockquote') {
    closePara(flow)
    const quote = flow.doc.createElement('blockquote')
    flowInto(flow.doc, Array.from(el.childNodes), quote, openWrappers(flow), depth + 1)
    if (quote.hasChildNodes()) flow.out.append(quote)
    return
  }
  if (CONTAINERS.has(tag)) {
    closePara(flow)
    walkChildren(flow, el, depth)
    closePara(flow)
    return
  }

  const added = inlineWrappers(el).filter((w) => !flow.stack.some((open) => open.wrapper.key === w.key))
  for (const wrapper of added) flow.stack.push({ wrapper, el: null })
  walkChildren(flow, el, depth)
  flow.stack.splice(flow.stack.length - added.length, added.length)
}

function walkChildren(flow: Flow, el: Element, depth: number): void {
  for (const child of Array.from(el.childNodes)) walk(flow, child, depth + 1)
}

function addList(flow: Flow, el: Element, tag: 'ul' | 'ol', depth: number): void {
  const list = flow.doc.createElement(tag)
  const wrappers = openWrappers(flow)
  let loose: Node[] = []
  const flushLoose = (): void => {
    if (loose.some((n) => n.nodeType !== TEXT_NODE || /\S/.test((n as Text).data))) addItem(list, loose, wrappers, depth)
    loose = []
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === ELEMENT_NODE && (child as Element).localName === 'li') {
      flushLoose()
      addItem(list, Array.from(child.childNodes), wrappers, depth)
    } else loose.push(child)
  }
  flushLoose()
  if (list.hasChildNodes()) flow.out.append(list)
}

function addItem(list: Element, nodes: Node[], wrappers: Wrapper[], depth: number): void {
  const item = list.ownerDocument.createElement('li')
  flowInto(list.ownerDocument, nodes, item, wrappers, depth + 1)
  if (item.hasChildNodes()) list.append(item)
}

function openWrappers(flow: Flow): Wrapper[] {
  return flow.stack.map((open) => open.wrapper)
}

function addText(flow: Flow, data: string): void {
  if (!flow.para && !/\S/.test(data)) return
  if (!flow.preformatted) {
    cursor(flow).append(data)
    return
  }
  data.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) cursor(flow).append(flow.doc.createElement('br'))
    if (line) cursor(flow).append(line)
  })
}

/** The element inline content goes into now: opens the paragraph and the formatting in force if need be. */
function cursor(flow: Flow): Element {
  if (!flow.para) {
    flow.para = flow.doc.createElement(flow.paraTag)
    flow.out.append(flow.para)
  }
  let parent = flow.para
  for (const open of flow.stack) {
    if (!open.el) {
      open.el = flow.doc.createElement(open.wrapper.tag)
      for (const [name, value] of open.wrapper.attrs) open.el.setAttribute(name, value)
      parent.append(open.el)
    }
    parent = open.el
  }
  return parent
}

function closePara(flow: Flow): void {
  if (flow.para && !/\S/.test(flow.para.textContent ?? '')) flow.para.remove()
  flow.para = null
  for (const open of flow.stack) open.el = null
}

function inlineWrappers(el: Element): Wrapper[] {
  switch (el.localName) {
    case 'b':
    case 'strong':
      // Google Docs wraps whole pastes in <b style="font-weight:normal">.
      return /font-weight\s*:\s*(?:normal|[1-4]00)\b/i.test(el.getAttribute('style') ?? '') ? [] : [simple('strong')]
    case 'i':
    case 'em':
      return [simple('em')]
    case 'u':
      return [simple('u')]
    case 's':
    case 'strike':
    case 'del':
      return [simple('s')]
    case 'a': {
      const href = el.getAttribute('href')
      return href !== null && safeUrl(href) !== null ? [{ tag: 'a', attrs: [['href', href.trim()]], key: 'a' }] : []
    }
    case 'mark': {
      const kind = el.getAttribute('data-kind') ?? ''
      const id = el.getAttribute('data-annotation-id') ?? ''
      if (!(ANNOTATION_KINDS as readonly string[]).includes(kind) || !isId('annotation', id)) return []
      return [{ tag: 'mark', attrs: [['data-kind', kind], ['data-annotation-id', id]], key: `mark:${kind}:${id}` }]
    }
    default:
      return styledWrappers(el.getAttribute('style') ?? '')
  }
}

function styledWrappers(style: string): Wrapper[] {
  if (!style) return []
  const wrappers: Wrapper[] = []
  if (/font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i.test(style)) wrappers.push(simple('strong'))
  if (/font-style\s*:\s*(?:italic|oblique)\b/i.test(style)) wrappers.push(simple('em'))
  const decoration = /text-decoration(?:-line)?\s*:\s*([^;]*)/i.exec(style)?.[1] ?? ''
  if (/underline/i.test(decoration)) wrappers.push(simple('u'))
  if (/line-through/i.test(decoration)) wrappers.push(simple('s'))
  return wrappers
}

function simple(tag: InlineTag): Wrapper {
  return { tag, attrs: [], key: tag }
}
