import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ParagraphChild,
} from 'docx'
import type { AnnotationKind } from '../../shared/model/annotation'
import type { RegistryEntry } from '../../shared/model/source'
import { CREDIBILITY, CREDIBILITY_MEANING, RELIABILITY, RELIABILITY_MEANING } from '../../shared/model/grading'
import { labelArticle, type LabelledArticle } from './article-entries'
import { citationFields, citationText } from './citation'
import type { Block, Run } from './doc-blocks'
import { confidenceWords, evidenceCodeWords, likelihoodWords, reliabilityWords } from './grading-text'
import type { EvidenceEntry, ExportDocument } from './model'
import { documentTitle } from './model'
import { blocksText, richBlocks } from './rich-text'
import { KIND_STYLE } from './styles'
import { footnoteText } from './footnote-text'

/** Word's colours have no alpha: the tints are the screen tints laid over white. */
const DOCX_KIND: Record<AnnotationKind, { color: string; fill: string; underline: (typeof UnderlineType)[keyof typeof UnderlineType] }> = {
  claim: { color: '0072B2', fill: 'DDEBF5', underline: UnderlineType.SINGLE },
  source: { color: 'AD7400', fill: 'FBEBCB', underline: UnderlineType.DOTTED },
  question: { color: 'B45A8E', fill: 'F6E2ED', underline: UnderlineType.WAVE },
}

const SANS = 'Calibri'
const SERIF = 'Cambria'

/**
 * The DOCX export: real Word headings, the evidence as tables whose header rows repeat on each page, a footnote
 * with the full citation for each quoted claim, and the caveat in every page's header and footer. Word escapes
 * text itself; characters XML cannot hold are removed first.
 */
export async function renderDocx(doc: ExportDocument): Promise<Uint8Array> {
  const caveat = doc.kind === 'brief' ? doc.brief.caveat.trim() : ''
  const children = doc.kind === 'brief' ? briefChildren(doc) : articlesChildren(doc.title, doc.articles.map((a) => labelArticle(a, new Map(doc.registry.map((s) => [s.id, s] as [string, RegistryEntry])))), doc.generatedAt)
  const document = new Document({
    creator: doc.kind === 'brief' ? xml(doc.brief.author) || 'Intel Notebook' : 'Intel Notebook',
    title: xml(documentTitle(doc)),
    description: doc.kind === 'brief' ? 'Intelligence brief' : 'Annotated article',
    styles: {
      default: {
        document: { run: { font: SERIF, size: 21 }, paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: SANS, size: 26, bold: true, allCaps: true, color: '1B1F24' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: SANS, size: 23, bold: true, color: '1B1F24' }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: { run: { font: SANS, size: 21, bold: true, color: '1B1F24' } },
        title: { run: { font: SANS, size: 40, bold: true, color: '1B1F24' }, paragraph: { spacing: { after: 160, line: 240, lineRule: LineRuleType.AUTO } } },
      },
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } } })) },
        { reference: 'numbers', levels: [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } } })) },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1300, bottom: 1300, left: 1134, right: 1134, header: 560, footer: 560 } } },
        headers: { default: new Header({ children: caveat ? [banner(caveat)] : [] }) },
        footers: {
          default: new Footer({
            children: [
              ...(caveat ? [banner(caveat)] : []),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ font: SANS, size: 16, color: '5A6270', children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

function briefChildren(doc: Extract<ExportDocument, { kind: 'brief' }>): Array<Paragraph | Table> {
  const { brief, evidence } = doc
  const byKind = (k: AnnotationKind) => evidence.filter((x) => x.annotation.kind === k)
  const out: Array<Paragraph | Table> = [
    new Paragraph({ children: [new TextRun({ text: 'INTELLIGENCE BRIEF', font: SANS, size: 17, color: '5A6270' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xml(brief.title))] }),
    metaLine('Author', brief.author || 'not stated'),
    metaLine('Date', brief.date || doc.generatedAt.slice(0, 10)),
    metaLine('Evidence', `${byKind('claim').length} claims, ${byKind('source').length} sources, ${byKind('question').length} questions from ${doc.articles.length} articles`),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Bottom line up front')] }),
    ...plainParagraphs(brief.bluf, 'No bottom line stated.').map(
      (p) => new Paragraph({ ...p, shading: { type: ShadingType.CLEAR, fill: 'F4F5F7', color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '1B1F24', space: 8 } } }),
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Key judgments')] }),
    ...orEmpty(blockParagraphs(richBlocks(brief.judgments), 1), 'No key judgments stated.'),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Evidence')] }),
    legend(),
  ]
  const tables: Array<[string, AnnotationKind, string[]]> = [
    ['Claims', 'claim', ['#', 'Claim', 'Grading', 'Attributed to']],
    ['Sources', 'source', ['#', 'Source as quoted', 'Reliability', 'Relayed by']],
    ['Follow-up questions', 'question', ['#', 'Question', 'Status', 'Answer']],
  ]
  for (const [title, kind, head] of tables) {
    const rows = byKind(kind)
    if (!rows.length) continue
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(title)] }), evidenceTable(head, rows.map(evidenceRow)))
  }
  if (!evidence.length) out.push(muted('No evidence selected.'))
  if (doc.missing) out.push(muted(`${doc.missing} picked item${doc.missing === 1 ? ' was' : 's were'} deleted from the notebook and ${doc.missing === 1 ? 'is' : 'are'} not shown.`))
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Grading key')] }), ...gradingKey())
  out.push(
    new Paragraph({
      spacing: { before: 480 },
      border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'D5D9DE', space: 6 } },
      children: [
        new TextRun({
          font: SANS,
          size: 17,
          color: '5A6270',
          text: xml(`Prepared by ${brief.author || 'the analyst'}${brief.date ? ` on ${brief.date}` : ''}. Generated with Intel Notebook at ${doc.generatedAt}; grades and statuses are as recorded at that time.`),
        }),
      ],
    }),
  )
  return out
}

function evidenceRow(x: EvidenceEntry): TableCell[] {
  const a = x.annotation
  const quote = new Paragraph({
    children: [...kindRuns(`“${a.anchor.exact}”`, a.kind), new FootnoteReferenceRun({ children: [noteParagraph(citationText(x.article))] })],
  })
  const from = small(`${x.article.title}${x.article.outlet ? `, ${x.article.outlet}` : ''}${a.orphaned ? ' · text no longer in the article' : ''}`)
  const note = blocksText(richBlocks(a.note))
  const first = [quote, from, ...(note ? [small(`Note: ${note}`)] : []), ...(a.tags.length ? [small(`Tags: ${a.tags.join(', ')}`)] : [])]
  let grading: Paragraph[]
  let last: Paragraph[]
  if (a.kind === 'claim') {
    const code = x.evidenceCode ?? 'F6'
    grading = [
      new Paragraph({ children: [new TextRun({ text: code, bold: true, font: SANS, size: 18 }), new TextRun({ text: ` ${evidenceCodeWords(code)}`, font: SANS, size: 16, color: '5A6270' })] }),
      small(a.status),
      small(likelihoodWords(a.likelihood)),
      small(confidenceWords(a.confidence)),
    ]
    last = [small(x.sourceNames.join('; ') || 'not attributed')]
  } else if (a.kind === 'source') {
    first.splice(1, 0, small(`Registry entry: ${x.sourceNames[0] ?? ''}`))
    grading = [small(reliabilityWords(a.reliability))]
    last = [small(a.chain.join(' → ') || '—')]
  } else {
    grading = [small(a.status), small(`${a.priority} priority`), ...(a.due ? [small(`due ${a.due}`)] : [])]
    last = [small(a.answer || '—')]
  }
  return [cell([new Paragraph({ children: [new TextRun({ text: xml(x.label), bold: true, font: SANS, size: 18 })] })], 7), cell(first, 45), cell(grading, 26), cell(last, 22)]
}

function evidenceTable(head: string[], rows: TableCell[][]): Table {
  const widths = [7, 45, 26, 22]
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: 'D5D9DE' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'D5D9DE' },
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h, i) => cell([new Paragraph({ children: [new TextRun({ text: h, bold: true, font: SANS, size: 16, color: '5A6270' })] })], widths[i]!, true)),
      }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
    ],
  })
}

function cell(children: Paragraph[], widthPct: number, header = false): TableCell {
  return new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(header ? { borders: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '1B1F24' } } } : {}),
  })
}

function articlesChildren(title: string, labelled: LabelledArticle[], generatedAt: string): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = []
  const single = labelled.length === 1
  if (!single) out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xml(title))] }), metaLine('Exported', generatedAt))
  labelled.forEach((l, i) => {
    const m = l.article.meta
    out.push(
      new Paragraph({ children: [new TextRun({ text: 'ANNOTATED ARTICLE', font: SANS, size: 17, color: '5A6270' })], pageBreakBefore: i > 0 || !single }),
      new Paragraph({ heading: single ? HeadingLevel.TITLE : HeadingLevel.HEADING_1, children: [new TextRun(xml(m.title))] }),
      ...citationFields(m).map((f) => metaLine(f.label, f.value)),
      legend(),
      ...blockParagraphs(l.blocks, single ? 1 : 2, l),
    )
    const orphans = l.entries.filter((x) => x.annotation.orphaned)
    if (orphans.length) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Annotations whose text is no longer in the article')] }))
      for (const x of orphans) out.push(new Paragraph({ children: [...kindRuns(`“${x.annotation.anchor.exact}”`, x.annotation.kind), new FootnoteReferenceRun({ children: [noteParagraph(footnoteText(x))] })] }))
    }
    const notes = richBlocks(l.article.notes)
    if (notes.length) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("Analyst's notes")] }), ...blockParagraphs(notes, 2))
  })
  out.push(small(`Generated with Intel Notebook at ${generatedAt}.`))
  return out
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

/** Body blocks as Word paragraphs; with an article's labels, spans are marked and each note becomes a footnote. */
function blockParagraphs(blocks: readonly Block[], headingOffset: number, l?: LabelledArticle): Paragraph[] {
  let instance = 0
  let inList = false
  return blocks.map((b) => {
    const indent = b.quoteDepth ? { left: 567 * b.quoteDepth } : undefined
    if (b.type === 'rule') {
      inList = false
      return new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'D5D9DE', space: 4 } }, children: [] })
    }
    const children = runsOf(b.runs, l)
    if (b.type === 'heading') {
      inList = false
      return new Paragraph({ heading: HEADINGS[Math.min(5, b.level - 1 + headingOffset)], children })
    }
    if (b.type === 'item') {
      if (!inList) instance++
      inList = true
      return new Paragraph({ numbering: { reference: b.ordered ? 'numbers' : 'bullets', level: Math.min(3, b.depth), instance }, children })
    }
    inList = false
    return new Paragraph({ children, ...(indent ? { indent } : {}) })
  })
}

function runsOf(runs: readonly Run[], l?: LabelledArticle): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const run of runs) {
    if (run.lineBreak) {
      out.push(new TextRun({ break: 1 }))
      continue
    }
    const kind = run.annotations.length ? run.annotations[run.annotations.length - 1]!.kind : null
    const style = {
      text: xml(run.text),
      bold: run.bold,
      italics: run.italic,
      strike: run.strike,
      ...(kind ? { underline: { type: DOCX_KIND[kind].underline, color: DOCX_KIND[kind].color }, shading: { type: ShadingType.CLEAR, fill: DOCX_KIND[kind].fill, color: 'auto' } } : run.underline ? { underline: {} } : {}),
    }
    out.push(run.href ? new ExternalHyperlink({ link: run.href, children: [new TextRun({ ...style, color: '1B1F24' })] }) : new TextRun(style))
    if (!l) continue
    for (const id of run.ends ?? []) {
      const x = l.entry(id)
      if (!x) continue
      out.push(new TextRun({ text: x.label, superScript: true, bold: true, font: SANS, color: DOCX_KIND[x.annotation.kind].color }))
      out.push(new FootnoteReferenceRun({ children: [noteParagraph(footnoteText(x))] }))
    }
  }
  return out
}

function kindRuns(text: string, kind: AnnotationKind): TextRun[] {
  const k = DOCX_KIND[kind]
  return [new TextRun({ text: xml(text), underline: { type: k.underline, color: k.color }, shading: { type: ShadingType.CLEAR, fill: k.fill, color: 'auto' } })]
}

function noteParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: xml(text), size: 17 })] })
}

function banner(caveat: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: xml(caveat).toUpperCase(), bold: true, font: SANS, size: 17, characterSpacing: 20 })] })
}

function metaLine(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 20 },
    children: [new TextRun({ text: `${label}: `, font: SANS, size: 17, color: '5A6270' }), new TextRun({ text: xml(value), font: SANS, size: 17 })],
  })
}

function small(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: xml(text), font: SANS, size: 16 })] })
}

function muted(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: xml(text), italics: true, color: '5A6270' })] })
}

function legend(): Paragraph {
  const runs: TextRun[] = []
  for (const [kind, k] of Object.entries(KIND_STYLE) as Array<[AnnotationKind, (typeof KIND_STYLE)[AnnotationKind]]>) {
    runs.push(...kindRuns(k.label, kind), new TextRun({ text: '   ' }))
  }
  runs.push(new TextRun({ text: '(labels C, S and Q; underlined solid, dotted and wavy)', font: SANS, size: 16, color: '5A6270' }))
  return new Paragraph({ children: runs })
}

function plainParagraphs(text: string, empty: string): Array<{ children: TextRun[] }> {
  const paras = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (!paras.length) return [{ children: [new TextRun({ text: empty, italics: true })] }]
  return paras.map((p) => ({ children: p.split('\n').flatMap((line, i) => (i ? [new TextRun({ break: 1 }), new TextRun(xml(line))] : [new TextRun(xml(line))])) }))
}

function orEmpty(paragraphs: Paragraph[], empty: string): Paragraph[] {
  return paragraphs.length ? paragraphs : [muted(empty)]
}

function gradingKey(): Paragraph[] {
  return [
    small('The evidence code pairs the reliability of the source (letter) with the credibility of the information (number). Likelihood uses the ICD 203 terms with their probability bands; confidence is stated apart from likelihood.'),
    ...RELIABILITY.map((g) => small(`${g}  ${RELIABILITY_MEANING[g]}`)),
    ...CREDIBILITY.map((g) => small(`${g}  ${CREDIBILITY_MEANING[g]}`)),
  ]
}

/** XML 1.0 cannot hold most control characters or lone surrogates; Word refuses a file that has them. */
function xml(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
}
