import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../../../src-main/core/search/search-index'
import type { SearchAnnotation, SearchArticle } from '../../../../src-main/core/search/documents'

let n = 0
function article(text: string, fields: Partial<SearchArticle> = {}, annotations: Array<Partial<SearchAnnotation> & { quote: string }> = []): SearchArticle {
  const id = `art_${String(++n).padStart(16, '0')}`
  return {
    id,
    title: 'Untitled',
    outlet: '',
    byline: '',
    publishedAt: '',
    url: '',
    excerpt: '',
    notes: '',
    text,
    ...fields,
    annotations: annotations.map((a, i) => {
      const start = text.indexOf(a.quote)
      return {
        id: `ann_${String(n * 100 + i).padStart(16, '0')}`,
        kind: 'claim',
        start,
        end: start + a.quote.length,
        note: '',
        tags: [],
        status: 'unverified',
        credibility: '',
        reliability: '',
        registryId: null,
        sourceIds: [],
        extra: '',
        ...a,
      }
    }),
  }
}

const KURSK = 'Ukrainian units crossed into the Kursk region on Tuesday, the general staff said. Officials said the incursion was planned for months.'
const MOSCOW = 'Moscow denied that any village had been taken. A ministry spokesman called the reports provocations.'

describe('search index', () => {
  it('finds a word by its prefix while it is typed, with the match offsets in the snippet and in the article', () => {
    const ix = new SearchIndex()
    const a = article(KURSK, { title: 'Incursion reported' })
    ix.upsert(a)
    ix.upsert(article(MOSCOW))
    for (const typed of ['Ku', 'Kur', 'Kurs', 'kursk']) {
      const r = ix.search({ text: typed })
      expect(r.groups.map((g) => g.articleId), typed).toEqual([a.id])
      const hit = r.groups[0]!.hits[0]!
      expect(hit.field).toBe('text')
      const [s, e] = hit.highlights[0]!
      expect(hit.snippet.slice(s, e)).toBe('Kursk')
      expect(KURSK.slice(hit.start!, hit.end!)).toBe('Kursk')
    }
  })

  it('tolerates transliteration variants of a name and ignores case and accents', () => {
    const ix = new SearchIndex()
    const a = article('Shoigu met Zelensky envoys in Rostov. The café near Zaporizhzhia was shelled.')
    ix.upsert(a)
    expect(ix.search({ text: 'shoygu' }).groups).toHaveLength(1)
    expect(ix.search({ text: 'zelenskiy' }).groups).toHaveLength(1)
    expect(ix.search({ text: 'CAFE' }).groups).toHaveLength(1)
    expect(ix.search({ text: 'Belgorod' }).groups).toHaveLength(0)
  })

  it('requires every word, and a stray last letter waits for the next keystroke', () => {
    const ix = new SearchIndex()
    ix.upsert(article(KURSK))
    ix.upsert(article(MOSCOW))
    expect(ix.search({ text: 'ministry spokesman' }).groups).toHaveLength(1)
    expect(ix.search({ text: 'ministry kursk' }).groups).toHaveLength(0)
    expect(ix.search({ text: 'ministry s' }).groups).toHaveLength(1)
  })

  it('groups the matches of an article, annotations first as their own hits with their span to scroll to', () => {
    const ix = new SearchIndex()
    const a = article(KURSK, {}, [{ quote: 'Ukrainian units crossed into the Kursk region', note: '<checked>' }, { quote: 'the general staff', kind: 'source' }])
    ix.upsert(a)
    const r = ix.search({ text: 'kursk' })
    expect(r.groups).toHaveLength(1)
    expect(r.totalHits).toBe(2)
    const claimHit = r.groups[0]!.hits.find((h) => h.field === 'annotation')!
    expect(claimHit).toMatchObject({ kind: 'claim', annotationId: a.annotations[0]!.id, start: 0, end: 45 })
    const noteHit = ix.search({ text: 'checked' }).groups[0]!.hits[0]!
    expect(noteHit.snippet).toBe('<checked>')
    expect(noteHit.highlights).toEqual([[1, 8]])
  })

  it('finds titles, outlets, notes and quotes of annotations', () => {
    const ix = new SearchIndex()
    const a = article(MOSCOW, { title: 'Denial from Moscow', outlet: 'Interfax', notes: 'Compare with the Meduza piece.' }, [{ quote: 'A ministry spokesman', kind: 'source', note: 'press office' }])
    ix.upsert(a)
    expect(ix.search({ text: 'denial' }).groups[0]!.titleHighlights).toEqual([[0, 6]])
    expect(ix.search({ text: 'interfax' }).groups[0]!.hits[0]!.field).toBe('meta')
    expect(ix.search({ text: 'meduza' }).groups[0]!.hits[0]!.field).toBe('notes')
    expect(ix.search({ text: 'press office' }).groups[0]!.hits[0]).toMatchObject({ field: 'annotation', kind: 'source' })
  })

  it('updates an edited article and forgets a deleted one', () => {
    const ix = new SearchIndex()
    const a = article(KURSK)
    ix.upsert(a)
    ix.upsert({ ...a, text: MOSCOW })
    expect(ix.search({ text: 'kursk' }).groups).toHaveLength(0)
    expect(ix.search({ text: 'provocations' }).groups).toHaveLength(1)
    ix.remove(a.id)
    expect(ix.search({ text: 'provocations' }).groups).toHaveLength(0)
  })

  it('stays correct through many edits, when dead entries force a rebuild', () => {
    const ix = new SearchIndex()
    const arts = Array.from({ length: 30 }, (_, i) => article(`Report number w${i}x about convoys.`, {}, Array.from({ length: 20 }, (_, j) => ({ quote: 'convoys', note: `note ${i} ${j} rev0` }))))
    for (const a of arts) ix.upsert(a)
    for (let rev = 1; rev <= 40; rev++) {
      for (const a of arts) ix.upsert({ ...a, annotations: a.annotations.map((x) => ({ ...x, note: `${x.note.slice(0, -4)} rev${rev}` })) })
    }
    expect(ix.search({ text: 'rev40' }).totalHits).toBe(600)
    expect(ix.search({ text: 'rev39' }).totalHits).toBe(0)
    expect(ix.search({ text: 'w7x' }).groups).toHaveLength(1)
  })

  describe('facets', () => {
    const REG = [
      { id: 'src_000000000000000a', name: 'General Staff', reliability: 'B' as const },
      { id: 'src_000000000000000b', name: 'Ministry of Defence', reliability: 'D' as const },
    ]
    function notebook() {
      const ix = new SearchIndex()
      ix.setRegistry(REG)
      const kursk = article(KURSK, { outlet: 'Reuters', publishedAt: '2024-08-07' }, [
        { quote: 'the general staff', kind: 'source', status: '', registryId: REG[0]!.id },
        { quote: 'Ukrainian units crossed into the Kursk region', status: 'corroborated', credibility: '2', tags: ['kursk-incursion'] },
        { quote: 'the incursion was planned for months', status: 'unverified', credibility: '4', tags: ['kursk-incursion', 'planning'] },
      ])
      kursk.annotations[1]!.sourceIds = [kursk.annotations[0]!.id]
      const moscow = article(MOSCOW, { outlet: 'TASS', publishedAt: '2023-01-15' }, [
        { quote: 'A ministry spokesman', kind: 'source', status: '', registryId: REG[1]!.id },
        { quote: 'Moscow denied that any village had been taken', status: 'disputed', credibility: '5' },
        { quote: 'any village', kind: 'question', status: 'open', note: 'Which villages? Check Kursk reporting.' },
      ])
      moscow.annotations[1]!.sourceIds = [moscow.annotations[0]!.id]
      ix.upsert(kursk)
      ix.upsert(moscow)
      return { ix, kursk, moscow }
    }
    const counts = (values: Array<{ value: string; count: number }>) => Object.fromEntries(values.map((v) => [v.value, v.count]))
    const annotationIds = (r: ReturnType<SearchIndex['search']>) => r.groups.flatMap((g) => g.hits.map((h) => h.annotationId)).sort()

    it('narrow by each facet, and count each facet ignoring its own filter', () => {
      const { ix, kursk, moscow } = notebook()
      const claims = ix.search({ text: '', facets: { kinds: ['claim'] } })
      expect(claims.totalHits).toBe(3)
      expect(counts(claims.facets.kind)).toEqual({ claim: 3, source: 2, question: 1 })
      expect(counts(claims.facets.status)).toEqual({ corroborated: 1, unverified: 1, disputed: 1 })

      expect(annotationIds(ix.search({ text: '', facets: { tags: ['planning'] } }))).toEqual([kursk.annotations[2]!.id])
      expect(ix.search({ text: '', facets: { tags: ['kursk-incursion'] } }).totalHits).toBe(2)
      expect(annotationIds(ix.search({ text: '', facets: { statuses: ['open'] } }))).toEqual([moscow.annotations[2]!.id])
      expect(annotationIds(ix.search({ text: '', facets: { credibility: ['2', '5'] } }))).toEqual([kursk.annotations[1]!.id, moscow.annotations[1]!.id].sort())
      // A claim takes the best reliability of its sources, a source the grade of its registry entry.
      expect(annotationIds(ix.search({ text: '', facets: { reliability: ['B'] } }))).toEqual([kursk.annotations[0]!.id, kursk.annotations[1]!.id].sort())
      const bySource = ix.search({ text: '', facets: { sources: [REG[1]!.id] } })
      expect(annotationIds(bySource)).toEqual([moscow.annotations[0]!.id, moscow.annotations[1]!.id].sort())
      expect(bySource.facets.source.map((v) => [v.label, v.count])).toEqual([
        ['General Staff', 2],
        ['Ministry of Defence', 2],
      ])
      expect(bySource.groups[0]!.hits.find((h) => h.kind === 'claim')).toMatchObject({ reliability: 'D', credibility: '5', sources: ['Ministry of Defence'] })

      const reuters = ix.search({ text: 'kursk', facets: { outlets: ['Reuters'] } })
      expect(reuters.groups.map((g) => g.articleId)).toEqual([kursk.id])
      expect(counts(reuters.facets.outlet)).toEqual({ Reuters: 3, TASS: 1 })
      const in2023 = ix.search({ text: 'kursk', facets: { from: '2023-01-01', to: '2023-12-31' } })
      expect(in2023.groups.map((g) => g.articleId)).toEqual([moscow.id])
      expect(counts(in2023.facets.year)).toEqual({ '2023': 1, '2024': 3 })
      expect(ix.search({ text: '', facets: { kinds: ['claim'], statuses: ['corroborated'], outlets: ['TASS'] } }).totalHits).toBe(0)
    })

    it('follow the registry: a renamed or regraded entry changes labels and filters without re-indexing', () => {
      const { ix, moscow } = notebook()
      expect(ix.search({ text: '', facets: { reliability: ['A'] } }).totalHits).toBe(0)
      ix.setRegistry([REG[0]!, { ...REG[1]!, name: 'MoD press office', reliability: 'A' }])
      const graded = ix.search({ text: '', facets: { reliability: ['A'] } })
      expect(annotationIds(graded)).toEqual([moscow.annotations[0]!.id, moscow.annotations[1]!.id].sort())
      expect(graded.facets.source.map((v) => v.label)).toContain('MoD press office')
    })

    it('keep their values when an edit moves annotations but leaves their words', () => {
      const { ix, kursk } = notebook()
      const [source, claim, other] = kursk.annotations
      ix.upsert({ ...kursk, annotations: [other!, source!, { ...claim!, status: 'retracted' }] })
      const r = ix.search({ text: 'ukrainian', facets: { statuses: ['retracted'] } })
      expect(r.groups[0]!.hits[0]).toMatchObject({ annotationId: claim!.id, status: 'retracted', sources: ['General Staff'] })
      expect(ix.search({ text: '', facets: { statuses: ['corroborated'] } }).totalHits).toBe(0)
    })
  })
})
