/**
 * Metadata a saved page states about itself, read before Readability rewrites the document: Open Graph and
 * article meta tags, Dublin Core and newsroom meta names, JSON-LD (schema.org NewsArticle and kin), the canonical
 * link and the "saved from url" comment browsers write. Readability reads some of these itself; this is the
 * fallback for the fields it misses. Every value is text read from the page, never evaluated.
 */
export interface PageMetadata {
  title: string
  siteName: string
  byline: string
  published: string
  language: string
  description: string
  url: string
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|LiveBlogPosting)$/

export function readPageMetadata(document: Document): PageMetadata {
  const meta = metaIndex(document)
  const found = jsonLdArticle(document)
  const ld = found?.article
  const graph = found?.graph ?? new Map<string, JsonObject>()
  const first = (...values: Array<string | undefined>): string => values.map((v) => clean(v ?? '')).find(Boolean) ?? ''

  return {
    title: first(meta('og:title'), meta('twitter:title'), str(ld?.headline), str(ld?.name), document.title),
    siteName: first(
      meta('og:site_name'),
      ldName(ld?.publisher, graph),
      notUrl(meta('article:publisher')),
      meta('dc.publisher'),
      meta('application-name'),
    ),
    byline: first(
      notUrl(meta('author')),
      notUrl(meta('article:author')),
      meta('dc.creator'),
      meta('sailthru.author'),
      meta('parsely-author'),
      meta('byl'),
      ldName(ld?.author, graph),
    ),
    published: first(
      meta('article:published_time'),
      meta('article:published'),
      str(ld?.datePublished),
      meta('datepublished'),
      meta('og:published_time'),
      meta('dc.date.issued'),
      meta('dc.date'),
      meta('date'),
      meta('pubdate'),
      meta('publishdate'),
      meta('parsely-pub-date'),
      meta('sailthru.date'),
      meta('article:publicationdate'),
      meta('pdate'),
      document.querySelector('time[itemprop="datePublished"], time[pubdate]')?.getAttribute('datetime') ?? undefined,
    ),
    language: first(
      document.documentElement?.getAttribute('lang') ?? undefined,
      document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? undefined,
      meta('og:locale')?.replace('_', '-'),
      str(ld?.inLanguage),
    ),
    description: first(meta('og:description'), meta('description'), meta('twitter:description'), str(ld?.description)),
    url: first(
      httpUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')),
      httpUrl(meta('og:url')),
      httpUrl(str(ld?.url)),
      httpUrl(ldId(ld?.mainEntityOfPage)),
      savedFromUrl(document),
    ),
  }
}

/** Meta tag contents by lower-cased property, name or itemprop; the first tag of a name wins, as it does in Readability. */
function metaIndex(document: Document): (key: string) => string | undefined {
  const index = new Map<string, string>()
  for (const el of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = el.getAttribute('content') ?? ''
    for (const attr of ['property', 'name', 'itemprop']) {
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key && !index.has(key)) index.set(key, content)
      }
    }
  }
  return (key) => index.get(key)
}

function jsonLdArticle(document: Document): { article: JsonObject; graph: Map<string, JsonObject> } | null {
  const nodes: JsonObject[] = []
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/)|(?:-->|\/\*\s*\]\]>\s*\*\/)\s*$/g, '')
    try {
      collect(JSON.parse(text) as Json, nodes)
    } catch {
      // A page's broken JSON-LD is its own problem; the other sources of metadata still count.
    }
  }
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t)))
  if (!article) return null
  // Authors and publishers are often references into the @graph; resolve them so their names can be read.
  const graph = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]))
  return { article, graph }
}

function collect(value: Json, into: JsonObject[]): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, into))
  if (!value || typeof value !== 'object') return
  into.push(value)
  if (value['@graph']) collect(value['@graph'], into)
}

function types(node: JsonObject): string[] {
  const t = node['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

function str(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return str(value[0])
  return undefined
}

/** The name(s) of an author or publisher given as a string, an object, a reference or a list of any of these. */
function ldName(value: Json | undefined, graph: Map<string, JsonObject>): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((v) => {
      if (typeof v === 'string') return v
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined
      const resolved = typeof v['@id'] === 'string' && !v.name ? (graph.get(v['@id']) ?? v) : v
      return str(resolved.name)
    })
    .map((n) => notUrl(n))
    .filter((n): n is string => !!n && !!n.trim())
  return names.length ? [...new Set(names.map(clean))].join(', ') : undefined
}

function ldId(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && !Array.isArray(value)) return str(value['@id'])
  return undefined
}

/** Author and publisher tags sometimes hold a profile URL instead of a name. */
function notUrl(value: string | undefined): string | undefined {
  return value && !/^\s*(?:https?:)?\/\//i.test(value) ? value : undefined
}

function httpUrl(value: string | null | undefined): string | undefined {
  const v = (value ?? '').trim()
  return /^https?:\/\/[^\s]+$/i.test(v) ? v : undefined
}

/** Internet Explorer and Chrome mark saved pages with `<!-- saved from url=(0071)https://… -->`. */
function savedFromUrl(document: Document): string | undefined {
  const comments = [...Array.from(document.childNodes), ...Array.from(document.documentElement?.childNodes ?? [])]
  for (const node of comments) {
    if (node.nodeType !== 8) continue
    const m = /saved from url=\(\d+\)(\S+)/i.exec((node as Comment).data)
    if (m) return httpUrl(m[1])
  }
  return undefined
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
