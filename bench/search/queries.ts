import type { SearchFacets } from '../../src-main/shared/model/search'

/** What analysts type, keystroke by keystroke: names, places, phrases, a few very common words, some with facets. */
const TYPED: Array<{ text: string; facets?: SearchFacets }> = [
  { text: 'kursk' },
  { text: 'wagner troops' },
  { text: 'missile strike' },
  { text: 'satellite imagery' },
  { text: 'prigozhin said' },
  { text: 'shipment' },
  { text: 'reinforcements border' },
  { text: 'officials said' },
  { text: 'zaporizhzhia' },
  { text: 'ammunition depot' },
  { text: 'kalinora' },
  { text: 'drone', facets: { kinds: ['claim'] } },
  { text: 'convoy', facets: { kinds: ['claim'], statuses: ['corroborated'] } },
  { text: 'belgorod', facets: { outlets: ['Reuters'] } },
  { text: 'sanctions', facets: { from: '2020-01-01', to: '2022-12-31' } },
  { text: 'gerasimov', facets: { reliability: ['A', 'B'] } },
]

/** Every prefix from the second character on: the queries a search box sends while someone types. */
export function asYouType(): Array<{ text: string; facets?: SearchFacets }> {
  const out: Array<{ text: string; facets?: SearchFacets }> = []
  for (const q of TYPED) for (let i = 2; i <= q.text.length; i++) out.push({ text: q.text.slice(0, i), facets: q.facets })
  return out
}
