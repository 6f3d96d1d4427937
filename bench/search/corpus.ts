/**
 * A generated notebook for the search benchmark, built in memory: DESIGN.md's notebook M is 10k articles ×
 * 800 words × 20 annotations. Words follow a Zipf law over a vocabulary of real news words and invented
 * long-tail words, so posting lists have the skew real text has (a handful of words in every article,
 * most words in few). Seeded, so every run indexes the same text.
 */
import { CLAIM_STATUS, CREDIBILITY, RELIABILITY } from '../../src-main/shared/model/grading'
import type { SearchArticle } from '../../src-main/core/search/documents'

const FUNCTION_WORDS =
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ')
const NEWS_WORDS =
  'troops border officials ministry spokesman intelligence report reported according statement military forces attack strike drone missile convoy brigade battalion artillery ceasefire negotiations sanctions embassy government opposition president minister defence defense security agency service sources confirmed denied claimed alleged casualties civilians refugees shelling offensive withdrawal reinforcements deployment satellite imagery footage video verified analysts assessment estimate thousands hundreds soldiers fighters militia commander general colonel region province village city town bridge railway airfield port depot warehouse ammunition fuel supplies shipment cargo vessel tanker aircraft helicopter radar launcher battery systems weapons equipment vehicles tanks armoured units positions frontline advance retreat counteroffensive operation exercise mobilisation conscripts volunteers mercenaries contractors company network financing payments bank accounts transfer crypto smuggling route corridor checkpoint crossing detention arrest prisoners exchange talks summit delegation envoy treaty agreement violation inspection monitors observers mission peacekeepers humanitarian aid convoy evacuation hospital damage destroyed damaged explosion fire blast investigation evidence witnesses residents local media outlet newspaper broadcaster channel telegram posted published interview briefing press conference warned threatened announced pledged promised rejected accused blamed condemned insisted suggested indicated revealed disclosed leaked document memo cable briefing intercepted communications phone calls messages'.split(' ')
const NAMES =
  'Kursk Belgorod Kharkiv Donetsk Luhansk Zaporizhzhia Kherson Odesa Mariupol Bakhmut Avdiivka Pokrovsk Crimea Sevastopol Novorossiysk Rostov Moscow Kyiv Minsk Pyongyang Seoul Tokyo Beijing Tehran Damascus Aleppo Idlib Baghdad Mosul Erbil Ankara Istanbul Tbilisi Yerevan Baku Khartoum Tripoli Benghazi Bamako Niamey Wagner Rosgvardia Shoigu Gerasimov Prigozhin Lukashenko Zelensky Budanov Syrskyi Kadyrov Akhmat Hezbollah Hamas Houthis IRGC Quds NATO OSCE IAEA Reuters Yonhap Interfax TASS RIA Meduza Kommersant Kyodo Bloomberg'.split(' ')
const SYLLABLES = 'ka ro mi ten sal vor lin de qua pre nos tar bel gri mun fet ho ze ul ran kov ski ta ne po li va su ga de re mo'.split(' ')

export const OUTLETS = ['Reuters', 'Associated Press', 'BBC News', 'The Guardian', 'Yonhap', 'Kyiv Independent', 'Meduza', 'Al Jazeera', 'Le Monde', 'Der Spiegel', 'NHK', 'Interfax', 'TASS', 'Financial Times', 'New York Times', 'Washington Post', 'Kommersant', 'Novaya Gazeta', 'RFE/RL', 'Bellingcat']
export const TAGS = ['kursk-incursion', 'north-korea', 'logistics', 'air-defence', 'casualties', 'sanctions', 'wagner', 'black-sea', 'drones', 'energy', 'prisoners', 'finance', 'disinformation', 'mobilisation', 'diplomacy']

/** The registry of the generated notebook: forty named sources, graded. */
export const REGISTRY = NAMES.slice(40).map((name, i) => ({ id: `src_${i.toString(36).padStart(16, '0')}`, name, reliability: RELIABILITY[i % RELIABILITY.length]! }))

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function vocabulary(random: () => number, longTail: number): string[] {
  const words = [...FUNCTION_WORDS, ...NEWS_WORDS]
  // Names sit in the middle of the ranking: frequent enough to matter, rare enough to be good queries.
  const ranked = [...words.slice(0, 150), ...NAMES, ...words.slice(150)]
  const seen = new Set(ranked.map((w) => w.toLowerCase()))
  const target = ranked.length + longTail
  while (ranked.length < target) {
    const n = 2 + Math.floor(random() * 3)
    let w = ''
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    if (!seen.has(w)) {
      seen.add(w)
      ranked.push(w)
    }
  }
  return ranked
}

/** Samples ranks from a Zipf law by inverting the cumulative weights once. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, s)
    cdf[i] = sum
  }
  return () => {
    const x = random() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

export interface CorpusOptions {
  articles: number
  words: number
  annotations: number
  seed?: number
}

/** Plain-text articles with metadata and annotations, in the shape the search index takes. */
export function* generateCorpus(options: CorpusOptions): Generator<SearchArticle> {
  const random = rng(options.seed ?? 42)
  const vocab = vocabulary(random, 30000)
  const pick = zipfSampler(vocab.length, 1.05, random)
  for (let n = 0; n < options.articles; n++) {
    const paragraphs: string[] = []
    let count = 0
    while (count < options.words) {
      const sentences: string[] = []
      for (let s = 0; s < 4 && count < options.words; s++) {
        const len = 10 + Math.floor(random() * 16)
        const words: string[] = []
        for (let w = 0; w < len; w++) words.push(vocab[pick()]!)
        count += len
        words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1)
        sentences.push(words.join(' ') + '.')
      }
      paragraphs.push(sentences.join(' '))
    }
    const text = paragraphs.join('\n')
    const id = `art_${n.toString(36).padStart(16, '0')}`
    const annotations: SearchArticle['annotations'] = []
    for (let a = 0; a < options.annotations; a++) {
      const start = Math.floor(random() * (text.length - 120))
      const from = text.indexOf(' ', start) + 1
      const to = text.indexOf(' ', from + 20 + Math.floor(random() * 80))
      const kind = a % 5 < 3 ? 'claim' : a % 5 === 3 ? 'source' : 'question'
      const tags = random() < 0.4 ? [TAGS[Math.floor(random() * TAGS.length)]!] : []
      const id = `ann_${(n * 100 + a).toString(36).padStart(16, '0')}`
      annotations.push({
        id,
        kind,
        start: from,
        end: to,
        quote: text.slice(from, to),
        note: random() < 0.3 ? `Check against ${NAMES[Math.floor(random() * NAMES.length)]} reporting.` : '',
        tags,
        status: kind === 'claim' ? CLAIM_STATUS[Math.floor(random() * CLAIM_STATUS.length)]! : kind === 'question' ? (random() < 0.7 ? 'open' : 'answered') : '',
        credibility: kind === 'claim' ? CREDIBILITY[Math.floor(random() * CREDIBILITY.length)]! : '',
        reliability: kind === 'source' ? RELIABILITY[Math.floor(random() * RELIABILITY.length)]! : '',
        registryId: kind === 'source' ? REGISTRY[Math.floor(random() * REGISTRY.length)]!.id : null,
        // One annotation in five is a source (a % 5 === 3); a claim rests on the source of the cycle before it.
        sourceIds: kind === 'claim' && a >= 5 ? [`ann_${(n * 100 + a - (a % 5) - 2).toString(36).padStart(16, '0')}`] : [],
        extra: '',
      })
    }
    const year = 2015 + Math.floor(random() * 10)
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
    yield {
      id,
      title: text.slice(0, text.indexOf(' ', 40)),
      outlet: OUTLETS[n % OUTLETS.length]!,
      byline: '',
      publishedAt: `${year}-${month}-${day}`,
      url: '',
      excerpt: '',
      notes: '',
      text,
      annotations,
    }
  }
}
