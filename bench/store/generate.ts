/**
 * Generated notebooks for the store benchmark, written straight in the store's file format (layout, stable JSON,
 * schemas), without the services, so that 10,000 articles take seconds rather than minutes. Each size is written
 * once under os.tmpdir(), keyed by GENERATOR_VERSION, and reused by later runs; bump the version when the data or
 * the file format changes.
 * The same notebook is also written as one lowdb JSON file (what a naive single-file store would hold) for the
 * headline comparison.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import type { Annotation } from '../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../src-main/shared/model/article'
import { CLAIM_STATUS, CONFIDENCE, CREDIBILITY, LIKELIHOOD, QUESTION_PRIORITY, QUESTION_STATUS, RELIABILITY } from '../../src-main/shared/model/grading'
import { ArticleFileSchema, IndexFileSchema, SCHEMA_VERSION, type ArticleFile, type DocJson, type IndexFile } from '../../src-main/shared/model/notebook'
import type { RegistryEntry } from '../../src-main/shared/model/source'
import type { Link } from '../../src-main/shared/model/link'
import { stableStringify } from '../../src-main/core/store/stable-json'
import { notebookLayout } from '../../src-main/core/store/layout'
import { eachLimited } from '../../src-main/core/backup/durable-copy'

export const GENERATOR_VERSION = 3
export const SIZES = { S: 1_000, M: 10_000 } as const
export type Size = keyof typeof SIZES
const WORDS = 800
const ANNOTATIONS = 20
const PARAGRAPHS = 8

export interface GeneratedNotebook {
  size: Size
  articles: number
  /** The notebook folder, in the store's layout. */
  dir: string
  /** The same data as one lowdb JSON file. */
  singleFile: string
  bytes: { index: number; articles: number; singleFile: number }
  ids: string[]
}

const VOCAB = (
  'the ministry said officials troops border region reported statement spokesman denied claims artillery river crossing ' +
  'according to sources intelligence service agency government forces command unit village city district morning evening ' +
  'satellite images showed movement convoy vehicles near airfield port bridge railway station checkpoint residents witnesses ' +
  'told reporters that drones struck warehouse depot fuel supplies were destroyed casualties remain unclear independent ' +
  'verification was not possible analysts believe operation could expand next week talks resumed envoy delegation ceasefire'
).split(' ')
/** Words from the languages analysts read, so the data is not all ASCII. */
const FOREIGN = ['Überblick', 'Zürich', 'café', 'naïve', 'Москва', 'Київ', 'Харків', 'الحكومة', 'بيان', '北京', '新闻', 'São', 'Łódź', 'Δελτίο', 'İstanbul', 'Göteborg']
const OUTLETS = ['Reuters', 'AP', 'AFP', 'BBC', 'Kyiv Independent', 'Meduza', 'Al Jazeera', 'Yonhap', 'Le Monde', 'Der Spiegel']

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** Ids shaped like the model's (prefix_ + 16 base-36 symbols), but reproducible from a seed. */
function idFrom(prefix: string, n: number, salt: string): string {
  const h = createHash('sha256').update(`${salt}:${n}`).digest()
  let body = ''
  for (let i = 0; i < 16; i++) body += (h[i]! % 36).toString(36)
  return `${prefix}_${body}`
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

function iso(base: number, offsetMinutes: number): string {
  return new Date(base + offsetMinutes * 60_000).toISOString()
}

function sentences(r: () => number, count: number): string[] {
  const words: string[] = []
  for (let i = 0; i < count; i++) words.push(r() < 0.03 ? pick(r, FOREIGN) : pick(r, VOCAB))
  return words
}

interface Built {
  meta: ArticleMeta
  file: ArticleFile
}

function buildArticle(i: number, sources: readonly RegistryEntry[]): Built {
  const r = rng(i + 1)
  const id = idFrom('art', i, 'article')
  const created = iso(Date.UTC(2024, 0, 1), i * 37)
  const words = sentences(r, WORDS)
  const perParagraph = WORDS / PARAGRAPHS
  const spansPer = ANNOTATIONS / PARAGRAPHS
  const content: unknown[] = []
  const annotations: Annotation[] = []
  const sourceIds: string[] = []
  let offset = 0
  for (let p = 0; p < PARAGRAPHS; p++) {
    const ws = words.slice(p * perParagraph, (p + 1) * perParagraph)
    ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1)
    const text = `${ws.join(' ')}.`
    // Spans in this paragraph: evenly spread, never overlapping.
    const count = Math.floor(spansPer) + (p < ANNOTATIONS - Math.floor(spansPer) * PARAGRAPHS ? 1 : 0)
    const nodes: unknown[] = []
    let cursor = 0
    for (let k = 0; k < count; k++) {
      const n = annotations.length
      const kind = n % 4 === 1 ? 'source' : n % 4 === 3 ? 'question' : 'claim'
      const slot = Math.floor(text.length / count)
      const start = text.indexOf(' ', k * slot + Math.floor(r() * (slot / 3))) + 1
      const end = Math.min(text.indexOf(' ', start + 20 + Math.floor(r() * 30)), (k + 1) * slot)
      if (start <= cursor || end <= start) continue
      const annId = idFrom('ann', i * 100 + n, 'annotation')
      nodes.push({ type: 'text', text: text.slice(cursor, start) })
      nodes.push({ type: 'text', text: text.slice(start, end), marks: [{ type: kind, attrs: { id: annId } }] })
      cursor = end
      const full = { start: offset + start, end: offset + end }
      annotations.push(annotation(r, kind, annId, full, text.slice(start, end), created, sources, sourceIds))
      if (kind === 'source') sourceIds.push(annId)
    }
    nodes.push({ type: 'text', text: text.slice(cursor) })
    content.push({ type: 'paragraph', content: nodes })
    offset += text.length + 1
  }
  const plain = (content as Array<{ content: Array<{ text: string }> }>).map((p) => p.content.map((n) => n.text).join('')).join('\n')
  for (const a of annotations) {
    a.anchor.prefix = plain.slice(Math.max(0, a.anchor.start - 32), a.anchor.start)
    a.anchor.suffix = plain.slice(a.anchor.end, a.anchor.end + 32)
  }
  const doc: DocJson = { type: 'doc', content }
  const counts = { claim: 0, source: 0, question: 0 }
  for (const a of annotations) counts[a.kind]++
  const title = sentences(r, 6 + Math.floor(r() * 6)).join(' ')
  const meta: ArticleMeta = {
    id,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    outlet: pick(r, OUTLETS),
    byline: `${pick(r, ['Anna', 'Olena', 'James', 'Yuki', 'Omar', 'Marta'])} ${pick(r, ['Kovalenko', 'Smith', 'Tanaka', 'Haddad', 'Nowak'])}`,
    publishedAt: created.slice(0, 10),
    url: `https://news.example.org/${created.slice(0, 10)}/${id}`,
    language: 'en',
    excerpt: plain.slice(0, 200),
    createdAt: created,
    updatedAt: created,
    provenance: {
      origin: 'file',
      name: `report-${i}.html`,
      sha256: createHash('sha256').update(id).digest('hex'),
      importedAt: created,
      mediaType: 'text/html',
      byteLength: plain.length * 2,
    },
    counts,
  }
  const notes = r() < 0.3 ? `<p>Check against ${pick(r, FOREIGN)} reporting; ${pick(r, VOCAB)} unconfirmed.</p>` : ''
  return { meta, file: { schemaVersion: SCHEMA_VERSION, id, doc, notes, annotations, trash: [], dismissedSuggestions: [] } }
}

function annotation(
  r: () => number,
  kind: 'claim' | 'source' | 'question',
  id: string,
  span: { start: number; end: number },
  exact: string,
  at: string,
  sources: readonly RegistryEntry[],
  sourceIds: readonly string[],
): Annotation {
  const common = {
    id,
    anchor: { exact, prefix: '', suffix: '', start: span.start, end: span.end },
    note: r() < 0.4 ? `<p>${sentences(r, 12).join(' ')}</p>` : '',
    tags: r() < 0.5 ? [`tag-${Math.floor(r() * 50)}`] : [],
    createdAt: at,
    updatedAt: at,
    orphaned: false,
  }
  if (kind === 'source') return { ...common, kind, registryId: pick(r, sources).id, reliability: pick(r, RELIABILITY), chain: [] }
  if (kind === 'question') return { ...common, kind, status: pick(r, QUESTION_STATUS), priority: pick(r, QUESTION_PRIORITY), due: '', answer: '', answeredBy: [] }
  return {
    ...common,
    kind,
    status: pick(r, CLAIM_STATUS),
    likelihood: pick(r, LIKELIHOOD),
    confidence: pick(r, CONFIDENCE),
    credibility: pick(r, CREDIBILITY),
    sourceIds: sourceIds.length && r() < 0.7 ? [sourceIds[sourceIds.length - 1]!] : [],
  }
}

function buildRegistry(): RegistryEntry[] {
  const r = rng(424242)
  const at = iso(Date.UTC(2024, 0, 1), 0)
  return Array.from({ length: 500 }, (_, n) => ({
    id: idFrom('src', n, 'source'),
    name: `${pick(r, ['Ministry of', 'Office of', 'Spokesman for', 'Agency for', 'Council of'])} ${pick(r, VOCAB)} ${pick(r, FOREIGN)} ${n}`,
    type: pick(r, ['person', 'organisation', 'outlet', 'document'] as const),
    reliability: pick(r, RELIABILITY),
    aliases: [],
    note: '',
    createdAt: at,
    updatedAt: at,
  }))
}

function cacheRoot(): string {
  return join(tmpdir(), 'intel-notebook-bench', `store-v${GENERATOR_VERSION}`)
}

/** The generated notebook of a size, made on the first call and read from the cache after. */
export async function generatedNotebook(size: Size, log: (s: string) => void = () => {}): Promise<GeneratedNotebook> {
  const root = join(cacheRoot(), size)
  const done = join(root, 'complete.json')
  try {
    return JSON.parse(await readFile(done, 'utf8')) as GeneratedNotebook
  } catch {
    // Not generated yet, or cut short: build it afresh.
  }
  const articles = SIZES[size]
  log(`  generating notebook ${size} (${articles} articles) under ${root} …`)
  const started = performance.now()
  await rm(root, { recursive: true, force: true })
  const building = `${root}.building`
  await rm(building, { recursive: true, force: true })
  const dir = join(building, 'notebook')
  const layout = notebookLayout(dir)
  await mkdir(layout.articlesDir, { recursive: true })
  await mkdir(layout.originalsDir, { recursive: true })
  const sources = buildRegistry()
  const metas: ArticleMeta[] = new Array(articles)
  let articleBytes = 0
  const single = join(building, 'single.json')
  const singleParts: string[] = []
  await eachLimited(
    Array.from({ length: articles }, (_, i) => i),
    16,
    async (i) => {
      const { meta, file } = buildArticle(i, sources)
      if (i < 3) ArticleFileSchema.parse(file)
      metas[i] = meta
      const text = stableStringify(file)
      articleBytes += Buffer.byteLength(text)
      await writeFile(layout.article(meta.id), text)
      singleParts[i] = JSON.stringify({ ...meta, file }, null, 2)
    },
  )
  const r = rng(99)
  const links: Link[] = Array.from({ length: Math.floor(articles / 5) }, (_, n) => {
    const a = Math.floor(r() * articles)
    const b = (a + 1 + Math.floor(r() * (articles - 1))) % articles
    return {
      id: idFrom('lnk', n, 'link'),
      type: pick(r, ['supports', 'contradicts', 'same-as', 'elaborates', 'answers'] as const),
      from: { articleId: metas[a]!.id, annotationId: idFrom('ann', a * 100, 'annotation') },
      to: { articleId: metas[b]!.id, annotationId: idFrom('ann', b * 100, 'annotation') },
      createdAt: iso(Date.UTC(2024, 6, 1), n),
    }
  })
  const index: IndexFile = {
    schemaVersion: SCHEMA_VERSION,
    notebook: { id: idFrom('nbk', 0, 'notebook'), name: `Benchmark notebook ${size}`, createdAt: iso(Date.UTC(2024, 0, 1), 0) },
    articles: metas,
    sources,
    tags: Array.from({ length: 50 }, (_, n) => `tag-${n}`),
    links,
    briefs: [],
  }
  IndexFileSchema.parse(index)
  const indexText = stableStringify(index)
  await writeFile(layout.index, indexText)
  // The record the store keeps of the index it last wrote, as after any save in the app.
  await writeFile(layout.indexChecksum, JSON.stringify({ sha256: createHash('sha256').update(indexText).digest('hex'), size: Buffer.byteLength(indexText) }))
  const { articles: _articles, ...rest } = index
  const head = JSON.stringify(rest, null, 2)
  // What lowdb's JSONFile writes (JSON.stringify(data, null, 2)) for the same data, built piecewise because the
  // whole text is too long for one string in the generator's own heap.
  await writeFile(single, `${head.slice(0, -2)},\n  "articles": [\n${singleParts.map((p) => p.replace(/^/gm, '    ')).join(',\n')}\n  ]\n}`)
  const result: GeneratedNotebook = {
    size,
    articles,
    dir: join(root, 'notebook'),
    singleFile: join(root, 'single.json'),
    bytes: { index: Buffer.byteLength(indexText), articles: articleBytes, singleFile: (await stat(single)).size },
    ids: metas.map((m) => m.id),
  }
  await rename(building, root)
  await writeFile(done, JSON.stringify(result))
  log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result
}
