/**
 * The attack corpus: one HTML fixture per known class of bug that let a crafted note or paste run code in a
 * desktop notebook (Joplin, Zettlr, Logseq, Mark Text, Typora), plus hostile titles and file names.
 * Every script payload sets `window.__pwned` (or calls alert), so a browser test can tell whether any of it ran.
 * The checks below read what the app stores and renders structurally, because the corpus's own text
 * (a title that is literally `</title><script>…`) is legitimate content once it is text.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'

export const CORPUS_DIR = join(import.meta.dirname, 'attacks')

export interface Fixture {
  /** The file's stem, e.g. `img-onerror`. */
  id: string
  /** What the fixture attacks, from its leading comment. */
  bugClass: string
  html: string
}

export const FIXTURES: readonly Fixture[] = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => {
    const html = readFileSync(join(CORPUS_DIR, file), 'utf8')
    const bugClass = /<!--\s*([\s\S]*?)\s*-->/.exec(html)?.[1] ?? file
    return { id: file.replace(/\.html$/, ''), bugClass, html }
  })

/** The bug classes issue 8 names; a test checks each has its fixture, so none is dropped by accident. */
export const REQUIRED_CLASSES = [
  'img-onerror',
  'svg-style-use',
  'iframe-srcdoc',
  'embed-object',
  'map-area',
  'noscript-xmp-mxss',
  'meta-refresh',
  'details-ontoggle',
  'form-formaction',
  'links-obfuscated',
  'title-breakout',
] as const

export function fixture(id: (typeof REQUIRED_CLASSES)[number]): Fixture {
  const found = FIXTURES.find((f) => f.id === id)
  if (!found) throw new Error(`no fixture ${id}`)
  return found
}

/** Titles that break out of whatever they are written into: an HTML title or attribute, Markdown, a shell line. */
export const HOSTILE_TITLES: readonly string[] = [
  `</title><script>window.__pwned='title'</script><img src=x onerror="window.__pwned='title-img'">`,
  `"><img src=x onerror=window.__pwned='attr'>`,
  `' onmouseover='window.__pwned=1`,
  `[click](javascript:window.__pwned='md') <a href="javascript:alert(1)">x</a>`,
  `</textarea></style></xmp><svg onload=window.__pwned='svg'>`,
  `$(touch /tmp/intel-notebook-pwned) \`id\` ; rm -rf ~`,
  `# Heading * list > quote <!-- comment --> | table |`,
]

/** File names that try to leave the folder, run a command, hide, or pass for an option or a device. */
export const HOSTILE_FILE_NAMES: readonly string[] = [
  '../../x.html',
  '..\\..\\..\\Windows\\System32\\win.html',
  '/etc/passwd.txt',
  '$(touch intel-notebook-pwned).pdf.html',
  '`id`.md',
  'a;b&c|d>e.txt',
  '-rf.txt',
  '.bashrc.md',
  'CON.txt',
  'report\u202Eloh.txt',
  '<img src=x onerror=window.__pwned=1>.html',
]

/**
 * What the document schema allows, written out here rather than read from the schema, so that a change that
 * widened the schema (or the URL policy) would fail these checks instead of widening them too.
 */
const ALLOWED_NODES = new Map<string, Set<string>>([
  ['doc', new Set()], ['paragraph', new Set()], ['text', new Set()], ['heading', new Set(['level'])], ['blockquote', new Set()],
  ['bulletList', new Set()], ['orderedList', new Set(['start', 'type'])], ['listItem', new Set()], ['hardBreak', new Set()], ['horizontalRule', new Set()],
])
const ALLOWED_MARKS = new Map<string, Set<string>>([
  ['bold', new Set()], ['italic', new Set()], ['underline', new Set()], ['strike', new Set()], ['link', new Set(['href', 'target', 'rel', 'class', 'title'])],
  ['claim', new Set(['id'])], ['source', new Set(['id'])], ['question', new Set(['id'])],
])

/** The URL policy, stated independently of safeUrl: a web or mail address, nothing before its scheme, no control characters. */
export function isSafeHref(href: unknown): boolean {
  return typeof href === 'string' && /^(?:https?:\/\/|mailto:)[^\u0000-\u001f\u007f]*$/i.test(href) && !/^\s/.test(href)
}

/**
 * Everything in a stored document that the schema does not allow or that could act: unknown node or mark types,
 * attributes the schema does not define, links whose href fails the URL policy, annotation marks without a valid id.
 * Text is text, whatever it spells. Returns one line per problem; an empty list means clean.
 */
export function docProblems(doc: unknown, path = 'doc'): string[] {
  const nodes = ALLOWED_NODES
  const marks = ALLOWED_MARKS
  const problems: string[] = []
  const visit = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      problems.push(`${at}: not a node`)
      return
    }
    const n = node as Record<string, unknown>
    const type = String(n.type)
    const allowedAttrs = nodes.get(type)
    if (!allowedAttrs) problems.push(`${at}: node type ${type}`)
    for (const key of Object.keys(n)) if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) problems.push(`${at}: key ${key}`)
    for (const key of Object.keys((n.attrs as object) ?? {})) if (!allowedAttrs?.has(key)) problems.push(`${at}: attribute ${type}.${key}`)
    for (const [i, mark] of ((n.marks as unknown[]) ?? []).entries()) {
      const m = mark as { type?: string; attrs?: Record<string, unknown> }
      const allowed = marks.get(String(m.type))
      if (!allowed) problems.push(`${at}.marks[${i}]: mark type ${m.type}`)
      for (const key of Object.keys(m.attrs ?? {})) if (!allowed?.has(key)) problems.push(`${at}.marks[${i}]: attribute ${m.type}.${key}`)
      if (m.type === 'link' && !isSafeHref(m.attrs?.href)) problems.push(`${at}.marks[${i}]: link href ${JSON.stringify(m.attrs?.href)}`)
      if (['claim', 'source', 'question'].includes(String(m.type)) && !/^ann_[0-9a-z]{16}$/.test(String(m.attrs?.id))) problems.push(`${at}.marks[${i}]: annotation id ${JSON.stringify(m.attrs?.id)}`)
    }
    for (const [i, child] of ((n.content as unknown[]) ?? []).entries()) visit(child, `${at}.content[${i}]`)
  }
  visit(doc, path)
  return problems
}

const HTML_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'u', 's', 'a', 'br', 'hr', 'mark'])
const HTML_ATTRIBUTES: Record<string, string[]> = { a: ['href'], mark: ['data-kind', 'data-annotation-id'] }

/** The same check for rich text kept as HTML (notes, judgments): only the policy's elements and attributes. */
export function htmlProblems(html: string, path = 'html'): string[] {
  const body = new JSDOM(`<body>${html}`).window.document.body
  const problems: string[] = []
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.localName
    if (!HTML_ELEMENTS.has(tag)) problems.push(`${path}: <${tag}>`)
    for (const attr of Array.from(el.attributes)) {
      if (!(HTML_ATTRIBUTES[tag] ?? []).includes(attr.name)) problems.push(`${path}: ${tag}[${attr.name}]`)
      if (attr.name === 'href' && !isSafeHref(attr.value)) problems.push(`${path}: href ${JSON.stringify(attr.value)}`)
    }
  }
  return problems
}

/** An article file as stored, checked in every part that holds rich content. */
export function articleFileProblems(file: { doc: unknown; notes: string; annotations: Array<{ note: string }>; trash?: Array<{ note: string }> }): string[] {
  return [
    ...docProblems(file.doc),
    ...htmlProblems(file.notes, 'notes'),
    ...file.annotations.flatMap((a, i) => htmlProblems(a.note, `annotations[${i}].note`)),
    ...(file.trash ?? []).flatMap((a, i) => htmlProblems(a.note, `trash[${i}].note`)),
  ]
}

/** Concatenated text of a document, to check that the article's words survive sanitizing. */
export function docText(doc: unknown): string {
  const n = doc as { text?: string; content?: unknown[] }
  return (n.text ?? '') + (n.content ?? []).map(docText).join(' ')
}

/** The benign sentence every HTML fixture carries, so a test can tell the article was kept, not just emptied. */
export const ARTICLE_SENTENCE = 'the northern terminal remained open to container traffic'
