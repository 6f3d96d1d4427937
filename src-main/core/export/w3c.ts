import { createHash } from 'node:crypto'
import type { Annotation } from '../../shared/model/annotation'
import type { RegistryEntry } from '../../shared/model/source'
import { blocksToHtml } from './blocks-html'
import { richBlocks } from './rich-text'
import { labelArticle } from './article-entries'
import { citationIri, citationText, niUri } from './citation'
import { claimGradingLine, reliabilityWords } from './grading-text'
import type { EvidenceEntry, ExportDocument } from './model'
import { documentTitle } from './model'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/**
 * The W3C Web Annotation export: an AnnotationCollection with one page holding every annotation. Each targets
 * its article (the article's URL, else an RFC 6920 name of its original bytes) through a TextQuoteSelector and
 * a TextPositionSelector over the article's plain text, and says what the analyst said in TextualBodies:
 * the kind, the grading, the note, the tags.
 */
export function renderW3c(doc: ExportDocument): Record<string, unknown> {
  const entries = doc.kind === 'brief' ? doc.evidence : doc.articles.flatMap((a) => labelArticle(a, new Map(doc.registry.map((s) => [s.id, s]))).entries)
  const registry = new Map(doc.registry.map((s) => [s.id, s]))
  const collectionId = uuidUrn(`collection:${doc.kind === 'brief' ? doc.brief.id : doc.articles.map((a) => a.meta.id).join(',')}:${doc.generatedAt}`)
  const items = entries.map((x) => annotationJson(x, registry))
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: documentTitle(doc),
    generator: { type: 'Software', name: 'Intel Notebook' },
    generated: doc.generatedAt,
    total: items.length,
    first: { id: `${collectionId}#page1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

const MOTIVATION: Record<Annotation['kind'], string> = { claim: 'assessing', source: 'identifying', question: 'questioning' }

export function annotationJson(x: EvidenceEntry, registry: ReadonlyMap<string, RegistryEntry>): Record<string, unknown> {
  const a = x.annotation
  const body: Array<Record<string, unknown>> = [{ type: 'TextualBody', purpose: 'classifying', value: a.kind, format: 'text/plain' }]
  if (a.kind === 'claim') {
    body.push({ type: 'TextualBody', purpose: 'assessing', value: claimGradingLine(a, x.evidenceCode ?? 'F6'), format: 'text/plain' })
    if (x.sourceNames.length) body.push({ type: 'TextualBody', purpose: 'identifying', value: `Attributed to ${x.sourceNames.join('; ')}`, format: 'text/plain' })
  } else if (a.kind === 'source') {
    const entry = a.registryId ? registry.get(a.registryId) : undefined
    body.push({ type: 'TextualBody', purpose: 'identifying', value: entry?.name ?? a.anchor.exact, format: 'text/plain' })
    body.push({ type: 'TextualBody', purpose: 'assessing', value: `Reliability ${reliabilityWords(a.reliability)}`, format: 'text/plain' })
    if (a.chain.length) body.push({ type: 'TextualBody', purpose: 'describing', value: `Relayed by ${a.chain.join(' → ')}`, format: 'text/plain' })
  } else {
    body.push({ type: 'TextualBody', purpose: 'assessing', value: `${a.status}, ${a.priority} priority${a.due ? `, due ${a.due}` : ''}`, format: 'text/plain' })
    if (a.answer) body.push({ type: 'TextualBody', purpose: 'replying', value: a.answer, format: 'text/plain' })
  }
  // Stored notes are content: a reader of this file may render the HTML, so it is written afresh from the note's
  // blocks, with every string escaped and only safe links, rather than copied.
  const note = blocksToHtml(richBlocks(a.note), { headingOffset: 0 })
  if (note) body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/html' })
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  return {
    '@context': ANNO_CONTEXT,
    id: uuidUrn(`annotation:${a.id}`),
    type: 'Annotation',
    motivation: MOTIVATION[a.kind],
    created: a.createdAt,
    modified: a.updatedAt,
    label: x.label,
    body,
    target: {
      source: citationIri(x.article),
      // The exact bytes the analyst read, and when: a web page may change after it was imported.
      state: { type: 'TimeState', sourceDate: x.article.provenance.importedAt, cached: niUri(x.article.provenance.sha256) },
      'dcterms:bibliographicCitation': citationText(x.article),
      selector: [
        { type: 'TextQuoteSelector', exact: a.anchor.exact, prefix: a.anchor.prefix, suffix: a.anchor.suffix },
        { type: 'TextPositionSelector', start: a.anchor.start, end: a.anchor.end },
      ],
    },
  }
}

/**
 * Annotation ids must be IRIs. A name-based UUID (version 5 layout over SHA-1) gives each annotation the same
 * IRI in every export, so a reader can match annotations across two exports of the notebook.
 */
export function uuidUrn(name: string): string {
  const h = createHash('sha1').update(`intel-notebook:${name}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
