import type { Brief, BriefFilter } from '../../../src-main/shared/model/brief'
import type { ExportFormat } from '../../../src-main/shared/ipc-contract'

/** The formats offered, in the order an analyst reaches for them, with what each is for. */
export const FORMAT_CHOICES: ReadonlyArray<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'pdf', label: 'PDF', hint: 'to print or hand on as it looks here' },
  { format: 'docx', label: 'Word (DOCX)', hint: 'to edit further; citations become footnotes' },
  { format: 'html', label: 'Web page (HTML)', hint: 'one self-contained file, no scripts' },
  { format: 'md', label: 'Markdown', hint: 'plain text with footnotes' },
  { format: 'json', label: 'Notebook (.intelnotebook)', hint: 'lossless JSON, for another Intel Notebook to import' },
  { format: 'w3c', label: 'W3C Web Annotations', hint: 'JSON-LD for annotation tools' },
]

export const EMPTY_FILTER: BriefFilter = { articleIds: [], kinds: [], tags: [], statuses: [], evidenceCodes: [] }

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}

/** "b2, A1 c3" → ["B2", "A1", "C3"]: what the analyst types into the evidence-code filter, keeping only real codes. */
export function parseCodes(text: string): string[] {
  const codes = text.toUpperCase().match(/[A-F][1-6]/g) ?? []
  return [...new Set(codes)]
}

export function describeFilter(filter: BriefFilter | null, articleTitle: (id: string) => string): string {
  if (!filter) return 'No filter: only the items picked one by one.'
  const parts: string[] = []
  if (filter.kinds.length) parts.push(filter.kinds.join(' or '))
  if (filter.tags.length) parts.push(`tagged ${filter.tags.join(' or ')}`)
  if (filter.statuses.length) parts.push(`claims ${filter.statuses.join(' or ')}`)
  if (filter.evidenceCodes.length) parts.push(`evidence ${filter.evidenceCodes.join(', ')}`)
  if (filter.articleIds.length) parts.push(`from ${filter.articleIds.map(articleTitle).join('; ')}`)
  return parts.length ? `Also every annotation ${parts.join(', ')}.` : 'No filter: only the items picked one by one.'
}

export type BriefPatch = Partial<Pick<Brief, 'title' | 'author' | 'date' | 'caveat' | 'bluf' | 'judgments' | 'items' | 'filter'>>
