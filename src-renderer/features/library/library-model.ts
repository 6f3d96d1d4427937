import type { ArticleMeta } from '../../../src-main/shared/model/article'

/** The date an article is filed under: its publication date when known, else when it was imported. */
export function articleDate(a: ArticleMeta): string {
  return a.publishedAt ? a.publishedAt.slice(0, 10) : a.createdAt.slice(0, 10)
}

/** Newest first; ties keep the most recently imported on top. */
export function newestFirst(articles: readonly ArticleMeta[]): ArticleMeta[] {
  return [...articles].sort((a, b) => articleDate(b).localeCompare(articleDate(a)) || b.createdAt.localeCompare(a.createdAt))
}

/**
 * Filters by title and outlet, every word of the query matching somewhere, ignoring case and accents, so
 * "reuters kyiv" finds a Reuters piece on Kyiv and "sao" finds "São Paulo".
 */
export function filterArticles(articles: readonly ArticleMeta[], query: string): ArticleMeta[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...articles]
  return articles.filter((a) => {
    const hay = fold(`${a.title} ${a.outlet}`)
    return words.every((w) => hay.includes(w))
  })
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** "12 Mar 2024" for a YYYY-MM-DD date, in the analyst's locale, without shifting the day across time zones. */
export function displayDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd)
  if (!m) return ymd
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}
