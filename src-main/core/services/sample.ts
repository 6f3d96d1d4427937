import type { AnnotationKind, AnnotationPatch } from '../../shared/model/annotation'
import type { ArticleFields } from '../../shared/model/article'
import type { DocJson } from '../../shared/model/notebook'
import type { Services } from './notebook-services'

/** The sample notebook's article as shipped in resources/sample: text, and the tags to apply to it. */
export interface SampleArticle {
  fields: ArticleFields
  paragraphs: string[]
  annotations: Array<{
    key: string
    kind: AnnotationKind
    quote: string
    sourceName?: string
    /** Keys of source annotations (above in the list) the claim is attributed to. */
    sources?: string[]
    patch?: AnnotationPatch
  }>
}

/**
 * Adds the sample article, already tagged and graded, so a new user sees at once what the app is for.
 * Only the app's first launch calls this; a notebook the CLI creates starts empty.
 */
export async function seedSample(services: Services, sample: SampleArticle): Promise<string> {
  const doc: DocJson = { type: 'doc', content: sample.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) }
  const meta = await services.addArticle({
    fields: sample.fields,
    doc,
    bytes: new TextEncoder().encode(sample.paragraphs.join('\n\n')),
    provenance: { origin: 'sample', name: 'Intel Notebook sample article', mediaType: 'text/plain' },
  })
  const ids = new Map<string, string>()
  for (const a of sample.annotations) {
    const sourceIds = (a.sources ?? []).map((k) => ids.get(k)!).filter(Boolean)
    const record = await services.annotateQuote({
      articleId: meta.id,
      kind: a.kind,
      quote: a.quote,
      sourceName: a.sourceName,
      patch: { ...a.patch, ...(sourceIds.length ? { sourceIds } : {}) },
    })
    ids.set(a.key, record.id)
  }
  return meta.id
}
