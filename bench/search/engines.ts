/**
 * The two libraries side by side on the same documents, each doing what search-as-you-type needs from it:
 * every document matching all the words, the last word as a prefix, ranked. Facets, grouping and snippets are
 * the product's own code and the same for either, so they are measured end to end separately.
 * MiniSearch lives in its own module so the section still runs where it is not installed.
 */
import type { SearchArticle } from '../../src-main/core/search/documents'

export interface Engine {
  name: string
  add(id: number, text: string): void
  query(text: string): number
}

export function documents(article: SearchArticle): string[] {
  return [
    [article.title, article.outlet, article.byline, article.excerpt, article.notes, article.text].join('\n'),
    ...article.annotations.map((a) => [a.quote, a.note, a.tags.join(' '), a.extra].join('\n')),
  ]
}

export async function flexSearch(): Promise<Engine | null> {
  let mod: typeof import('flexsearch')
  try {
    mod = await import('flexsearch')
  } catch {
    return null
  }
  const { encoder } = await import('../../src-main/core/search/terms')
  const ix = new mod.Index({ tokenize: 'forward', encoder, resolution: 3, fastupdate: false })
  return {
    name: 'FlexSearch 0.8.212',
    add: (id, text) => void ix.add(id, text),
    query: (text) => (ix.search(text, { limit: 30000 }) as number[]).length,
  }
}
