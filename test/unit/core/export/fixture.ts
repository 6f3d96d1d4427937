import { seedSample, type SampleArticle } from '../../../../src-main/core/services/sample'
import type { Services } from '../../../../src-main/core/services/notebook-services'
import sample from '../../../../resources/sample/sample-article.json'

/** A hostile article: every string an attacker controls tries to break out of its export format. */
export const HOSTILE = {
  title: '</title><script>window.__pwned=1</script> Report [x](javascript:alert(1)) & co',
  paragraphs: [
    'The <img src=x onerror=alert(1)> minister said **forces** would move by [Friday](javascript:alert(2)).',
    '# Not a heading | pipe | and a footnote [^1] and `code` and <!-- comment -->',
    'Officials denied it; ]]> </style><script>alert(3)</script> "quoted" \'single\' end.',
  ],
}

/**
 * The sample notebook (a tagged, graded article) plus a hostile article with a claim, source and question whose
 * notes, tags and quotes carry markup, and a brief over both: the data every export test reads.
 */
export async function seedExportNotebook(services: Services): Promise<{ sampleId: string; hostileId: string; briefId: string }> {
  const sampleId = await seedSample(services, sample as SampleArticle)
  const meta = await services.addArticle({
    fields: { title: HOSTILE.title, outlet: 'Outlet <b>bold</b>', byline: '', publishedAt: '2024-11-06', url: 'https://example.org/a?x=1&y=<2>', language: 'en', excerpt: '' },
    doc: { type: 'doc', content: HOSTILE.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
    bytes: new TextEncoder().encode(HOSTILE.paragraphs.join('\n\n')),
    provenance: { origin: 'file', name: '../../$(rm -rf ~).html', mediaType: 'text/html' },
  })
  const source = await services.annotateQuote({ articleId: meta.id, kind: 'source', quote: 'The <img src=x onerror=alert(1)> minister', sourceName: 'Minister <script>', patch: { reliability: 'C' } })
  await services.annotateQuote({
    articleId: meta.id,
    kind: 'claim',
    quote: 'said **forces** would move by [Friday](javascript:alert(2))',
    patch: {
      status: 'disputed',
      credibility: '3',
      likelihood: 'roughly even chance',
      confidence: 'low',
      sourceIds: [source.id],
      tags: ['troop movements', '<b>tag</b>'],
      note: '<p>Note with <a href="javascript:alert(4)">a bad link</a> and <strong>bold</strong> &lt;script&gt;alert(5)&lt;/script&gt;</p>',
    },
  })
  await services.annotateQuote({ articleId: meta.id, kind: 'question', quote: ']]> </style><script>alert(3)</script>', patch: { priority: 'urgent', note: '<p>Who wrote <em>this</em>?</p>' } })
  const brief = await services.createBrief({
    title: 'Foreign troops near the front: <assessment> & "outlook"',
    author: 'J. Analyst',
    date: '2024-11-07',
    caveat: 'SECRET // REL TO <FVEY> "test"',
    bluf: 'Foreign troops are likely massing near the border.\n\nA monitoring team is being considered.',
    judgments: '<ul><li><p>We assess with <strong>moderate confidence</strong> that troops moved.</p></li><li><p>Combat use is <em>unlikely</em> this month.</p></li></ul><p onclick="alert(6)">Second paragraph <script>alert(7)</script></p>',
    filter: { articleIds: [], kinds: [], tags: ['troop movements'], statuses: [], evidenceCodes: [] },
  })
  return { sampleId, hostileId: meta.id, briefId: brief.id }
}
