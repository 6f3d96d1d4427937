/**
 * The "export" section of the benchmarks (DESIGN.md: a 200-annotation brief exports to Markdown or HTML in
 * ≤ 200 ms and to DOCX in ≤ 1 s). It builds a notebook of 20 articles × 800 words with 10 annotations each, all of
 * them in one brief, then times the whole export (reading the records from the store, rendering) per format.
 *
 *   npx tsx bench/export.ts
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { NotebookStore } from '../src-main/core/store/notebook-store'
import { createServices, type Services } from '../src-main/core/services/notebook-services'
import { newAnnotation, type Annotation, type AnnotationKind } from '../src-main/shared/model/annotation'
import { CLAIM_STATUS, CONFIDENCE, CREDIBILITY, LIKELIHOOD } from '../src-main/shared/model/grading'
import { newId } from '../src-main/shared/model/ids'
import type { DocJson } from '../src-main/shared/model/notebook'
import { addAnnotationMark, docFromJson } from '../src-main/shared/schema/annotate-doc'
import { anchorAt, indexText } from '../src-main/shared/schema/plain-text'
import type { ExportFormat } from '../src-main/shared/ipc-contract'

const ARTICLES = 20
const WORDS = 800
const PER_ARTICLE = 10
const TARGET_MS: Partial<Record<ExportFormat, number>> = { md: 200, html: 200, docx: 1000 }
const NOW = '2024-11-05T10:00:00.000Z'
const VOCAB = 'officials said the troops moved toward the border region on Tuesday while ministry spokesman denied reports of artillery drills near the river crossing'.split(' ')

async function seed(services: Services): Promise<string> {
  const now = NOW
  for (let i = 0; i < ARTICLES; i++) {
    const words = Array.from({ length: WORDS }, (_, w) => VOCAB[(w * 7 + i) % VOCAB.length]!)
    const paragraphs = Array.from({ length: 10 }, (_, p) => `${words.slice(p * 80, p * 80 + 80).join(' ')}.`)
    let doc = docFromJson({ type: 'doc', content: paragraphs.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) })
    const annotations: Annotation[] = []
    for (let k = 0; k < PER_ARTICLE; k++) {
      const kind: AnnotationKind = k % 5 === 0 ? 'source' : k % 5 === 4 ? 'question' : 'claim'
      const index = indexText(doc)
      // One annotation in each paragraph (paragraphs are joined by one newline in the plain text).
      const start = paragraphs.slice(0, k).reduce((n, t) => n + t.length + 1, 0) + 3
      const end = start + 60
      const id = newId('annotation')
      doc = addAnnotationMark(doc, kind, id, start, end, index)
      const base = newAnnotation(kind, id, anchorAt(index.text, start, end), now)
      const note = `<p>Analyst note ${k} on article ${i}: check against <strong>imagery</strong> and a second service.</p>`
      const tags = ['troop movements']
      if (base.kind === 'claim') {
        const sourceIds = annotations.filter((a) => a.kind === 'source').map((a) => a.id)
        annotations.push({ ...base, note, tags, status: CLAIM_STATUS[k % CLAIM_STATUS.length]!, credibility: CREDIBILITY[k % 6]!, likelihood: LIKELIHOOD[k % 7]!, confidence: CONFIDENCE[k % 3]!, sourceIds })
      } else if (base.kind === 'source') annotations.push({ ...base, note, tags, reliability: 'B', chain: ['Reuters', 'NIS'] })
      else annotations.push({ ...base, note, tags, priority: 'high' })
    }
    await services.addArticle({
      fields: { title: `Report ${i}: movements near the border`, outlet: 'Wire service', byline: 'Staff', publishedAt: `2024-10-${String(i + 1).padStart(2, '0')}`, url: `https://example.org/report-${i}`, language: 'en', excerpt: '' },
      doc: doc.toJSON() as DocJson,
      bytes: new TextEncoder().encode(`report ${i}`),
      provenance: { origin: 'url', name: `https://example.org/report-${i}`, mediaType: 'text/html' },
      annotations,
    })
  }
  const brief = await services.createBrief({
    title: 'Benchmark brief: 200 annotations',
    author: 'Bench',
    caveat: 'OFFICIAL',
    bluf: 'Bottom line.',
    judgments: '<ul><li><p>It is <strong>likely</strong> that troops moved.</p></li></ul>',
    filter: { articleIds: [], kinds: [], tags: ['troop movements'], statuses: [], evidenceCodes: [] },
  })
  return brief.id
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Runs the section and prints one line per format; returns whether every target was met. */
export async function runExportBench(out: (line: string) => void = (l) => console.log(l)): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-bench-export-'))
  const store = await NotebookStore.open(dir, { holder: 'export benchmark' })
  let ok = true
  try {
    const services = createServices(store)
    const briefId = await seed(services)
    const evidence = await services.briefEvidence(briefId)
    out(`export: brief of ${evidence.items.length} annotations from ${ARTICLES} articles (${WORDS} words each); median of 7 runs after 2 warm-ups`)
    for (const format of ['md', 'html', 'docx', 'w3c', 'json'] as const) {
      const times: number[] = []
      let bytes = 0
      for (let run = 0; run < 9; run++) {
        const t = performance.now()
        const r = await services.exportTarget({ kind: 'brief', id: briefId }, format)
        if (run >= 2) times.push(performance.now() - t)
        bytes = r.bytes.byteLength
      }
      const m = median(times)
      const target = TARGET_MS[format]
      const verdict = target === undefined ? '(no target)' : m <= target ? `≤ ${target} ms: met` : `> ${target} ms: MISSED`
      if (target !== undefined && m > target) ok = false
      out(`  ${format.padEnd(5)} ${m.toFixed(1).padStart(7)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})  ${(bytes / 1024).toFixed(0)} KB  ${verdict}`)
    }
  } finally {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
  return ok
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runExportBench().then((ok) => (process.exitCode = ok ? 0 : 1))
}
