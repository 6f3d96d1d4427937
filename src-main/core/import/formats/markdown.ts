import MarkdownIt from 'markdown-it'
import type { ArticleFields } from '../../../shared/model/article'
import { decodeText } from '../decode-text'
import { normalizeDate } from '../dates'
import { htmlToDoc } from '../html-to-doc'
import { titleFromHeadings } from './title-from-headings'
import type { Converted, SourceFile } from './types'

// Raw HTML in Markdown is allowed through to the sanitizer, which treats it like any other imported HTML.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false })

/** Markdown: the title comes from front matter, else from its headings, else (in importFile) the file name. */
export function importMarkdown(file: SourceFile): Converted {
  const { meta, body } = splitFrontMatter(decodeText(file.bytes).text)
  const rendered = htmlToDoc(markdown.render(body))
  const { title, doc } = meta.title ? { title: meta.title, doc: rendered } : titleFromHeadings(rendered)
  return { fields: { ...meta, title }, doc, mediaType: 'text/markdown' }
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/
const KEYS: Record<string, keyof ArticleFields> = {
  title: 'title',
  author: 'byline',
  byline: 'byline',
  date: 'publishedAt',
  published: 'publishedAt',
  publishedat: 'publishedAt',
  source: 'outlet',
  outlet: 'outlet',
  publication: 'outlet',
  url: 'url',
  link: 'url',
  lang: 'language',
  language: 'language',
  description: 'excerpt',
  summary: 'excerpt',
}

/** Reads the flat `key: value` lines of YAML front matter, the common way notes tools store a document's metadata. */
function splitFrontMatter(text: string): { meta: Partial<ArticleFields>; body: string } {
  const m = FRONT_MATTER.exec(text)
  if (!m) return { meta: {}, body: text }
  const meta: Partial<ArticleFields> = {}
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.+)$/.exec(line)
    const field = kv ? KEYS[kv[1]!.toLowerCase()] : undefined
    if (!kv || !field || meta[field]) continue
    const value = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2')
    meta[field] = field === 'publishedAt' ? normalizeDate(value) : value
  }
  return { meta, body: text.slice(m[0].length) }
}
