import type { ArticleMeta } from '../shared/model/article'
import type { RegistryEntry } from '../shared/model/source'
import { claimEvidenceCode } from '../shared/model/evidence'
import type { ArticleView } from '../shared/ipc-contract'
import { docFromJson } from '../shared/schema/annotate-doc'
import { plainText } from '../shared/schema/plain-text'

export function formatList(articles: readonly ArticleMeta[]): string {
  if (articles.length === 0) return 'The notebook is empty. Import articles with: import FILE...'
  return articles
    .map((a) => {
      const when = a.publishedAt ? a.publishedAt.slice(0, 10) : `imported ${a.createdAt.slice(0, 10)}`
      const counts = `${a.counts.claim}c ${a.counts.source}s ${a.counts.question}q`
      return `${a.id}  ${when}  ${a.title}${a.outlet ? ` — ${a.outlet}` : ''}  [${counts}]`
    })
    .join('\n')
}

/** The article for a terminal: header, text, then each annotation with its quote and grades. */
export function formatArticle(view: ArticleView, sources: readonly RegistryEntry[]): { text: string; rendered: string } {
  const text = plainText(docFromJson(view.doc))
  const m = view.meta
  const byId = new Map(view.annotations.map((a) => [a.id, a]))
  const registry = new Map(sources.map((s) => [s.id, s]))
  const lines = [
    m.title,
    [m.outlet, m.byline, m.publishedAt].filter(Boolean).join(' · '),
    `id ${m.id} · imported ${m.provenance.importedAt} from ${m.provenance.name} · sha256 ${m.provenance.sha256}`,
    '',
    text,
    '',
    `Annotations (${view.annotations.length}):`,
  ]
  for (const a of view.annotations) {
    let grade = ''
    if (a.kind === 'claim') grade = ` ${claimEvidenceCode(a, byId, registry)} ${a.status}${a.likelihood ? ` · ${a.likelihood}` : ''}${a.confidence ? ` · ${a.confidence} confidence` : ''}`
    if (a.kind === 'source') grade = ` ${a.reliability ?? '-'}${a.registryId ? ` · ${registry.get(a.registryId)?.name ?? ''}` : ''}`
    if (a.kind === 'question') grade = ` ${a.status} · ${a.priority}`
    lines.push(`  ${a.kind.padEnd(8)} ${a.id}${grade}${a.orphaned ? ' · ORPHANED' : ''}`)
    lines.push(`           "${a.anchor.exact}"`)
  }
  return { text, rendered: lines.join('\n') }
}
