import MiniSearch from 'minisearch'
import type { Engine } from './engines'

export function miniSearch(): Engine {
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] })
  return {
    name: 'MiniSearch 7.2.0',
    add: (id, text) => ms.add({ id, text }),
    // Prefix on the word being typed, edit-distance fuzziness on longer words: MiniSearch's as-you-type recipe.
    query: (text) => ms.search(text, { prefix: (_t, i, terms) => i === terms.length - 1, fuzzy: (t) => (t.length >= 5 ? 0.2 : false), combineWith: 'AND' }).length,
  }
}
