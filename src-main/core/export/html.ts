import { createHash } from 'node:crypto'
import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import type { RegistryEntry } from '../../shared/model/source'
import { CREDIBILITY, CREDIBILITY_MEANING, RELIABILITY, RELIABILITY_MEANING } from '../../shared/model/grading'
import { blocksToHtml } from './blocks-html'
import { citationFields } from './citation'
import { cssString, escapeHtml } from './escape'
import { claimGradingLine, confidenceWords, evidenceCodeWords, likelihoodWords, reliabilityWords } from './grading-text'
import { labelArticle, noteAnchor, type LabelledArticle } from './article-entries'
import type { EvidenceEntry, ExportArticle, ExportDocument } from './model'
import { documentTitle } from './model'
import { richBlocks } from './rich-text'
import { EXPORT_CSS, KIND_STYLE, pageCss } from './styles'

const e = escapeHtml

/**
 * The self-contained HTML export: one file with its stylesheet inline, a CSP that allows that stylesheet (by
 * hash) and nothing else (no script, no remote fetch, no form, no base), and every string from content escaped.
 * The PDF is this document printed by Chromium.
 */
export function renderHtml(doc: ExportDocument): string {
  const caveat = doc.kind === 'brief' ? doc.brief.caveat.trim() : ''
  const css = EXPORT_CSS + pageCss(caveat ? cssString(caveat) : null)
  const hash = createHash('sha256').update(css, 'utf8').digest('base64')
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Intel Notebook">
<title>${e(documentTitle(doc))}</title>
<style>${css}</style>
</head>
<body>
${renderBody(doc, { caveatInMargins: !!caveat })}
</body>
</html>
`
}

/** The export's body: the same markup the file holds, for the preview and for the standalone document. */
export function renderBody(doc: ExportDocument, options: { caveatInMargins: boolean } = { caveatInMargins: false }): string {
  const registry = new Map(doc.registry.map((s) => [s.id, s]))
  const caveat = doc.kind === 'brief' ? doc.brief.caveat.trim() : ''
  const banner = (where: 'top' | 'bottom') =>
    caveat ? `<div class="caveat ${where}${options.caveatInMargins ? ' screen' : ''}" role="note">${e(caveat)}</div>` : ''
  const main = doc.kind === 'brief' ? briefBody(doc) : articlesBody(doc.title, doc.articles, registry, doc.generatedAt)
  return `<main class="export-doc">\n${banner('top')}\n${main}\n${banner('bottom')}\n</main>`
}

function briefBody(doc: Extract<ExportDocument, { kind: 'brief' }>): string {
  const { brief, evidence } = doc
  const refs = referenceNumbers(evidence.map((x) => x.article))
  const claims = evidence.filter((x) => x.annotation.kind === 'claim')
  const sources = evidence.filter((x) => x.annotation.kind === 'source')
  const questions = evidence.filter((x) => x.annotation.kind === 'question')
  const judgments = blocksToHtml(richBlocks(brief.judgments), { headingOffset: 2 })
  const parts = [
    `<header class="masthead">
<p class="doctype">Intelligence brief</p>
<h1>${e(brief.title)}</h1>
<dl class="meta">
<dt>Author</dt><dd>${e(brief.author || 'not stated')}</dd>
<dt>Date</dt><dd>${e(brief.date || doc.generatedAt.slice(0, 10))}</dd>
<dt>Evidence</dt><dd>${e(evidenceSummary(evidence, refs.size))}</dd>
</dl>
</header>`,
    `<section class="bluf"><h2>Bottom line up front</h2>${paragraphs(brief.bluf) || '<p class="muted">No bottom line stated.</p>'}</section>`,
    `<section class="judgments"><h2>Key judgments</h2>\n${judgments || '<p class="muted">No key judgments stated.</p>'}</section>`,
    `<section class="evidence"><h2>Evidence</h2>
${legend()}
${claims.length ? `<h3>Claims</h3>\n${claimTable(claims, refs)}` : ''}
${sources.length ? `<h3>Sources</h3>\n${sourceTable(sources, refs)}` : ''}
${questions.length ? `<h3>Follow-up questions</h3>\n${questionTable(questions, refs)}` : ''}
${evidence.length === 0 ? '<p class="muted">No evidence selected.</p>' : ''}
${doc.missing ? `<p class="muted">${doc.missing} picked item${doc.missing === 1 ? ' was' : 's were'} deleted from the notebook since being added and ${doc.missing === 1 ? 'is' : 'are'} not shown.</p>` : ''}
</section>`,
    refs.size ? `<section class="references"><h2>Sources cited</h2>\n<ol class="refs">${refs.list().map((r) => `<li id="ref-${r.n}">${citationDl(r.meta)}</li>`).join('\n')}</ol></section>` : '',
    `<section class="grading-key"><h2>Grading key</h2>${gradingKey()}</section>`,
    `<p class="signature">Prepared by ${e(brief.author || 'the analyst')}${brief.date ? ` on ${e(brief.date)}` : ''}. Generated with Intel Notebook at ${e(doc.generatedAt)}; grades and statuses are as recorded at that time.</p>`,
  ]
  return parts.filter(Boolean).join('\n')
}

function articlesBody(title: string, articles: readonly ExportArticle[], registry: ReadonlyMap<string, RegistryEntry>, generatedAt: string): string {
  const labelled = articles.map((a) => labelArticle(a, registry))
  const single = labelled.length === 1
  const head = single
    ? ''
    : `<header class="masthead"><p class="doctype">Annotated articles</p><h1>${e(title)}</h1><dl class="meta"><dt>Articles</dt><dd>${labelled.length}</dd><dt>Exported</dt><dd>${e(generatedAt)}</dd></dl></header>`
  return [head, ...labelled.map((l) => articleSection(l, single, generatedAt)), `<p class="signature">Generated with Intel Notebook at ${e(generatedAt)}.</p>`].join('\n')
}

function articleSection(l: LabelledArticle, single: boolean, generatedAt: string): string {
  const m = l.article.meta
  const head = single
    ? `<header class="masthead"><p class="doctype">Annotated article</p><h1>${e(m.title)}</h1>
<dl class="meta">${m.outlet ? `<dt>Outlet</dt><dd>${e(m.outlet)}</dd>` : ''}${m.byline ? `<dt>Byline</dt><dd>${e(m.byline)}</dd>` : ''}<dt>Published</dt><dd>${e(m.publishedAt ? m.publishedAt.slice(0, 10) : 'not recorded')}</dd><dt>Exported</dt><dd>${e(generatedAt)}</dd></dl></header>`
    : `<h2>${e(m.title)}</h2>`
  const notes = richBlocks(l.article.notes)
  return `<section class="article" id="article-${e(m.id)}">
${head}
${citationDl(m)}
${legend()}
<div class="article-body">
${blocksToHtml(l.blocks, { headingOffset: 2, labels: l.labels })}
</div>
${l.entries.length ? `<h3>Annotations</h3>\n<ol class="notes">${l.entries.map(noteItem).join('\n')}</ol>` : ''}
${notes.length ? `<h3>Analyst's notes</h3>\n${blocksToHtml(notes, { headingOffset: 3 })}` : ''}
</section>`
}

function noteItem(x: EvidenceEntry): string {
  const a = x.annotation
  const note = richBlocks(a.note)
  return `<li id="${e(noteAnchor(a.id))}" class="kind-${a.kind}"><span class="kindline"><span class="tag tag-${a.kind}">${e(x.label)}</span> ${KIND_STYLE[a.kind].label}${a.orphaned ? ' (text no longer in the article)' : ''}</span>
 — <mark class="anno anno-${a.kind}">“${e(a.anchor.exact)}”</mark>
<div>${e(gradingOf(x))}</div>${sourcesLine(x)}${tagsLine(a)}${note.length ? `\n<div class="note">${blocksToHtml(note, { headingOffset: 4 })}</div>` : ''}</li>`
}

function gradingOf(x: EvidenceEntry): string {
  const a = x.annotation
  if (a.kind === 'claim') return claimGradingLine(a, x.evidenceCode ?? 'F6')
  if (a.kind === 'source') return `Reliability ${reliabilityWords(a.reliability)}${a.chain.length ? ` · relayed by ${a.chain.join(' → ')}` : ''}`
  return `${a.status} · ${a.priority} priority${a.due ? ` · due ${a.due}` : ''}${a.answer ? ` · answer: ${a.answer}` : ''}`
}

function sourcesLine(x: EvidenceEntry): string {
  if (x.annotation.kind !== 'claim' || !x.sourceNames.length) return ''
  return `\n<div class="muted">Attributed to ${e(x.sourceNames.join('; '))}</div>`
}

function tagsLine(a: Annotation): string {
  return a.tags.length ? `\n<div class="muted">Tags: ${e(a.tags.join(', '))}</div>` : ''
}

function claimTable(rows: readonly EvidenceEntry[], refs: References): string {
  const body = rows.map((x) => {
    const a = x.annotation as Extract<Annotation, { kind: 'claim' }>
    const code = x.evidenceCode ?? 'F6'
    return `<tr class="kind-claim">
<td class="label">${e(x.label)}</td>
<td>${quoteCell(x)}</td>
<td><span class="chip" title="${e(evidenceCodeWords(code))}">${e(code)}</span> <span class="muted">${e(evidenceCodeWords(code))}</span><br>${e(a.status)}<br>${e(likelihoodWords(a.likelihood))}<br>${e(confidenceWords(a.confidence))}</td>
<td>${e(x.sourceNames.join('; ') || 'not attributed')}</td>
<td>${refLink(x.article, refs)}</td>
</tr>`
  })
  return `<table class="evidence-table claims"><thead><tr><th>#</th><th>Claim</th><th>Grading</th><th>Attributed to</th><th>Cited</th></tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody></table>`
}

function sourceTable(rows: readonly EvidenceEntry[], refs: References): string {
  const body = rows.map((x) => {
    const a = x.annotation as Extract<Annotation, { kind: 'source' }>
    return `<tr class="kind-source">
<td class="label">${e(x.label)}</td>
<td>${quoteCell(x)}</td>
<td>${e(x.sourceNames[0] ?? '')}</td>
<td><span class="chip" title="${e(reliabilityWords(a.reliability))}">${e(a.reliability ?? '–')}</span> <span class="muted">${e(a.reliability ? RELIABILITY_MEANING[a.reliability].toLowerCase() : 'not graded')}</span></td>
<td>${e(a.chain.join(' → ') || '—')}</td>
<td>${refLink(x.article, refs)}</td>
</tr>`
  })
  return `<table class="evidence-table sources"><thead><tr><th>#</th><th>Source as quoted</th><th>Registry entry</th><th>Reliability</th><th>Relayed by</th><th>Cited</th></tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody></table>`
}

function questionTable(rows: readonly EvidenceEntry[], refs: References): string {
  const body = rows.map((x) => {
    const a = x.annotation as Extract<Annotation, { kind: 'question' }>
    return `<tr class="kind-question">
<td class="label">${e(x.label)}</td>
<td>${quoteCell(x)}</td>
<td>${e(a.status)}<br>${e(a.priority)} priority${a.due ? `<br>due ${e(a.due)}` : ''}</td>
<td>${e(a.answer || '—')}</td>
<td>${refLink(x.article, refs)}</td>
</tr>`
  })
  return `<table class="evidence-table questions"><thead><tr><th>#</th><th>Question</th><th>Status</th><th>Answer</th><th>Cited</th></tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody></table>`
}

function quoteCell(x: EvidenceEntry): string {
  const a = x.annotation
  const note = richBlocks(a.note)
  return `<div class="quote"><mark class="anno anno-${a.kind}">“${e(a.anchor.exact)}”</mark></div>
<div class="muted">${e(x.article.title)}${x.article.outlet ? `, ${e(x.article.outlet)}` : ''}${a.orphaned ? ' · text no longer in the article' : ''}</div>${
    note.length ? `\n<div class="note">${blocksToHtml(note, { headingOffset: 4 })}</div>` : ''
  }${a.tags.length ? `\n<div class="muted">Tags: ${e(a.tags.join(', '))}</div>` : ''}`
}

function refLink(m: ArticleMeta, refs: References): string {
  const n = refs.get(m)
  return n ? `<a href="#ref-${n}">[${n}]</a>` : ''
}

/** Articles numbered in the order the evidence first cites them. */
export function referenceNumbers(metas: readonly ArticleMeta[]): References {
  const byId = new Map<string, { meta: ArticleMeta; n: number }>()
  for (const m of metas) if (!byId.has(m.id)) byId.set(m.id, { meta: m, n: byId.size + 1 })
  return { size: byId.size, get: (m) => byId.get(m.id)?.n, list: () => [...byId.values()] }
}

export interface References {
  size: number
  get(meta: ArticleMeta): number | undefined
  list(): Array<{ meta: ArticleMeta; n: number }>
}

function citationDl(m: ArticleMeta): string {
  return `<dl class="citation">${citationFields(m)
    .map((f) => `<dt>${e(f.label)}</dt><dd${f.label === 'SHA-256' ? ' class="hash"' : ''}>${e(f.value)}</dd>`)
    .join('')}</dl>`
}

function evidenceSummary(evidence: readonly EvidenceEntry[], articles: number): string {
  const n = (kind: Annotation['kind']) => evidence.filter((x) => x.annotation.kind === kind).length
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`
  return `${plural(n('claim'), 'claim')}, ${plural(n('source'), 'source')}, ${plural(n('question'), 'question')} from ${plural(articles, 'article')}`
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

function legend(): string {
  return `<p class="legend">${Object.entries(KIND_STYLE)
    .map(([kind, k]) => `<span class="anno anno-${kind}">${k.label}</span>`)
    .join(' ')} <span>(labels C, S and Q; underlined solid, dotted and wavy)</span></p>`
}

function gradingKey(): string {
  const r = RELIABILITY.map((g) => `<p><b>${g}</b> ${e(RELIABILITY_MEANING[g])}</p>`).join('')
  const c = CREDIBILITY.map((g) => `<p><b>${g}</b> ${e(CREDIBILITY_MEANING[g])}</p>`).join('')
  return `<p class="muted">The evidence code pairs the reliability of the source (letter) with the credibility of the information (number). Likelihood uses the ICD 203 terms with their probability bands; confidence is stated apart from likelihood.</p>
<div class="key">${r}${c}</div>`
}
