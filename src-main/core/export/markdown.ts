import type { Annotation } from '../../shared/model/annotation'
import type { ArticleMeta } from '../../shared/model/article'
import { CREDIBILITY, CREDIBILITY_MEANING, RELIABILITY, RELIABILITY_MEANING } from '../../shared/model/grading'
import type { RegistryEntry } from '../../shared/model/source'
import { labelArticle, type LabelledArticle } from './article-entries'
import { blocksToMarkdown } from './blocks-markdown'
import { citationText } from './citation'
import { escapeMarkdown } from './escape'
import { claimGradingLine, reliabilityWords } from './grading-text'
import type { EvidenceEntry, ExportArticle, ExportDocument } from './model'
import { blocksText, richBlocks } from './rich-text'
import { referenceNumbers } from './html'
import { KIND_STYLE } from './styles'
import { footnoteText } from './footnote-text'

const md = escapeMarkdown

/**
 * The Markdown export: CommonMark, plus footnotes (`[^1]`) for citations and notes. Evidence is a list rather
 * than a table because CommonMark has no tables; every string from content is escaped.
 */
export function renderMarkdown(doc: ExportDocument): string {
  const body = doc.kind === 'brief' ? briefMarkdown(doc) : articlesMarkdown(doc.title, doc.articles, new Map(doc.registry.map((s) => [s.id, s])), doc.generatedAt)
  return `${body.trim()}\n`
}

function briefMarkdown(doc: Extract<ExportDocument, { kind: 'brief' }>): string {
  const { brief, evidence } = doc
  const refs = referenceNumbers(evidence.map((x) => x.article))
  const caveat = brief.caveat.trim() ? `> **${md(brief.caveat.trim())}**\n\n` : ''
  const byKind = (k: Annotation['kind']) => evidence.filter((x) => x.annotation.kind === k)
  const section = (title: string, rows: EvidenceEntry[]) => (rows.length ? `### ${title}\n\n${rows.map((x) => evidenceItem(x, `ref${refs.get(x.article)}`)).join('\n\n')}\n\n` : '')
  const judgments = blocksToMarkdown(richBlocks(brief.judgments), 2)
  return `${caveat}# ${md(brief.title)}

*Intelligence brief*\\
**Author:** ${md(brief.author || 'not stated')}\\
**Date:** ${md(brief.date || doc.generatedAt.slice(0, 10))}

## Bottom line up front

${paragraphs(brief.bluf) || '*No bottom line stated.*'}

## Key judgments

${judgments || '*No key judgments stated.*'}

## Evidence

${section('Claims', byKind('claim'))}${section('Sources', byKind('source'))}${section('Follow-up questions', byKind('question'))}${evidence.length ? '' : '*No evidence selected.*\n\n'}${
    doc.missing ? `*${doc.missing} picked item${doc.missing === 1 ? ' was' : 's were'} deleted from the notebook and ${doc.missing === 1 ? 'is' : 'are'} not shown.*\n\n` : ''
  }## Grading key

${gradingKey()}

---

Prepared by ${md(brief.author || 'the analyst')}${brief.date ? ` on ${md(brief.date)}` : ''}. Generated with Intel Notebook at ${md(doc.generatedAt)}; grades and statuses are as recorded at that time.

${caveat}${refs
    .list()
    .map((r) => `[^ref${r.n}]: ${md(citationText(r.meta))}`)
    .join('\n')}
`
}

/** One evidence item: label, kind and grading first, then the quote with its citation footnote. */
function evidenceItem(x: EvidenceEntry, footnote: string): string {
  const a = x.annotation
  const lines = [`- **${md(x.label)} · ${KIND_STYLE[a.kind].label}** — “${md(a.anchor.exact)}”[^${footnote}]`]
  const detail: string[] = []
  if (a.kind === 'claim') {
    detail.push(`Grading: ${md(claimGradingLine(a, x.evidenceCode ?? 'F6'))}`)
    detail.push(`Attributed to: ${md(x.sourceNames.join('; ') || 'not attributed')}`)
  } else if (a.kind === 'source') {
    detail.push(`Registry entry: ${md(x.sourceNames[0] ?? '')}`, `Reliability: ${md(reliabilityWords(a.reliability))}`)
    if (a.chain.length) detail.push(`Relayed by: ${md(a.chain.join(' → '))}`)
  } else {
    detail.push(`Status: ${md(`${a.status} · ${a.priority} priority${a.due ? ` · due ${a.due}` : ''}`)}`)
    if (a.answer) detail.push(`Answer: ${md(a.answer)}`)
  }
  detail.push(`From: ${md(x.article.title)}${x.article.outlet ? `, ${md(x.article.outlet)}` : ''}${a.orphaned ? ' (text no longer in the article)' : ''}`)
  const note = blocksText(richBlocks(a.note))
  if (note) detail.push(`Note: ${md(note)}`)
  if (a.tags.length) detail.push(`Tags: ${md(a.tags.join(', '))}`)
  return [...lines, ...detail.map((d) => `  - ${d}`)].join('\n')
}

function articlesMarkdown(title: string, articles: readonly ExportArticle[], registry: ReadonlyMap<string, RegistryEntry>, generatedAt: string): string {
  const labelled = articles.map((a, i) => ({ l: labelArticle(a, registry), prefix: `a${i + 1}` }))
  const single = labelled.length === 1
  const head = single ? '' : `# ${md(title)}\n\n*Annotated articles, exported ${md(generatedAt)}*\n\n`
  return head + labelled.map(({ l, prefix }) => articleMarkdown(l, prefix, single ? 1 : 2)).join('\n\n') + `\n\nGenerated with Intel Notebook at ${md(generatedAt)}.\n`
}

function articleMarkdown(l: LabelledArticle, prefix: string, level: number): string {
  const m = l.article.meta
  const footnote = (label: string) => `${prefix}-${label}`
  const byId = new Map(l.entries.map((x) => [x.annotation.id, x]))
  const labels = {
    get: (id: string) => {
      const x = byId.get(id)
      return x ? { label: x.label, footnote: footnote(x.label) } : undefined
    },
  }
  const notes = richBlocks(l.article.notes)
  const h = '#'.repeat(level)
  return `${h} ${md(m.title)}

${citationLines(m)}

*${Object.values(KIND_STYLE)
    .map((k) => k.label)
    .join(', ')} spans are set in brackets; each is followed by a footnote (C = claim, S = source, Q = question).*

${blocksToMarkdown(l.blocks, level + 1, labels)}
${notes.length ? `\n${h}# Analyst's notes\n\n${blocksToMarkdown(notes, level + 2)}\n` : ''}
${l.entries.map((x) => `[^${footnote(x.label)}]: ${md(footnoteText(x))}`).join('\n')}`
}

function citationLines(m: ArticleMeta): string {
  return `**Citation:** ${md(citationText(m))}`
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('\n').map(md).join('\\\n'))
    .join('\n\n')
}

function gradingKey(): string {
  return [
    'The evidence code pairs the reliability of the source (letter) with the credibility of the information (number). Likelihood uses the ICD 203 terms with their probability bands; confidence is stated apart from likelihood.',
    '',
    RELIABILITY.map((g) => `**${g}** ${RELIABILITY_MEANING[g]}`).join(' · '),
    '',
    CREDIBILITY.map((g) => `**${g}** ${CREDIBILITY_MEANING[g]}`).join(' · '),
  ].join('\n')
}
