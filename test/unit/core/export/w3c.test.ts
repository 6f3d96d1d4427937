import { describe, expect, it } from 'vitest'
import { useSeededNotebook } from './shared-notebook'
import { docFromJson } from '../../../../src-main/shared/schema/annotate-doc'
import { plainText, reanchor } from '../../../../src-main/shared/schema/plain-text'
import type { ExportTarget } from '../../../../src-main/shared/ipc-contract'

const seeded = useSeededNotebook()

interface W3cAnnotation {
  '@context': string
  id: string
  type: string
  motivation: string
  body: Array<{ type: string; purpose?: string; value: string }>
  target: { source: string; state: { cached: string }; selector: Array<Record<string, string | number>> }
}

async function w3c(target: ExportTarget) {
  const { services } = seeded()
  const bytes = (await services.exportTarget(target, 'w3c')).bytes
  return JSON.parse(new TextDecoder().decode(bytes)) as { '@context': string; type: string; id: string; total: number; first: { type: string; items: W3cAnnotation[] } }
}

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection of Annotations in the model\'s shape', async () => {
    const { hostileId, sampleId } = seeded()
    const collection = await w3c({ kind: 'articles', ids: [sampleId, hostileId] })
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(collection.first.type).toBe('AnnotationPage')
    const items = collection.first.items
    expect(items).toHaveLength(11)
    expect(collection.total).toBe(11)
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length)
    for (const a of items) {
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
      expect(a.type).toBe('Annotation')
      expect(a.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(['assessing', 'identifying', 'questioning']).toContain(a.motivation)
      expect(a.body.every((b) => b.type === 'TextualBody' && typeof b.value === 'string')).toBe(true)
      expect(a.target.source).toMatch(/^(https:\/\/example\.org\/|ni:\/\/\/sha-256;[A-Za-z0-9_-]{43}$)/)
      expect(a.target.state.cached).toMatch(/^ni:\/\/\/sha-256;/)
      expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
    }
  })

  it('re-anchoring every selector on its article\'s text finds the quote', async () => {
    const { services, hostileId, sampleId } = seeded()
    const items = (await w3c({ kind: 'all' })).first.items
    const texts = new Map<string, string>()
    for (const id of [sampleId, hostileId]) {
      const view = await services.getArticle(id)
      const source = view.meta.url.startsWith('https:') ? new URL(view.meta.url).href : `ni:///sha-256;${Buffer.from(view.meta.provenance.sha256, 'hex').toString('base64url')}`
      texts.set(source, plainText(docFromJson(view.doc)))
    }
    for (const a of items) {
      const text = texts.get(a.target.source)!
      const [quote, position] = a.target.selector as [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }]
      expect(text.slice(position.start, position.end)).toBe(quote.exact)
      const hit = reanchor(text, { ...quote, start: position.start, end: position.end })!
      expect(text.slice(hit.start, hit.end)).toBe(quote.exact)
      // Without the position, the quote and its context alone find the same place.
      const byQuote = reanchor(text, { ...quote, start: 0, end: 0 })!
      expect(byQuote.start).toBe(position.start)
    }
  })

  it('carries the analyst\'s grading, note and tags as bodies', async () => {
    const { briefId } = seeded()
    const items = (await w3c({ kind: 'brief', id: briefId })).first.items
    const claim = items.find((a) => a.body.some((b) => b.value.includes('disputed')))!
    expect(claim.motivation).toBe('assessing')
    expect(claim.body).toContainEqual(expect.objectContaining({ purpose: 'classifying', value: 'claim' }))
    expect(claim.body).toContainEqual(expect.objectContaining({ purpose: 'tagging', value: 'troop movements' }))
    expect(claim.body.find((b) => b.purpose === 'commenting')!.value).not.toMatch(/javascript:|<script/i)
  })
})
