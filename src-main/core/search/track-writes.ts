import type { SearchService } from './search-service'

type Fn = (...args: never[]) => Promise<unknown>

/**
 * Wraps the services that write so that each successful write schedules a re-index of what it touched.
 * Wrapping at the one place services are composed means a new writer cannot forget to tell search; the
 * table below says, for each writer, which articles it touched.
 */
export function trackWrites<S extends Record<string, unknown>>(services: S, search: SearchService): S {
  const touched: Record<string, (args: unknown[], result: unknown) => string[] | 'registry'> = {
    saveArticleBody: (a) => [a[0] as string],
    saveArticleNotes: (a) => [a[0] as string],
    updateArticleFields: (a) => [a[0] as string],
    deleteArticle: (a) => [a[0] as string],
    createArticle: (_a, r) => [(r as { id: string }).id],
    addArticle: (_a, r) => [(r as { id: string }).id],
    importFiles: (_a, r) => (r as Array<{ status: string; article?: { id: string } }>).filter((x) => x.status === 'imported').map((x) => x.article!.id),
    createAnnotation: (a) => [(a[0] as { articleId: string }).articleId],
    updateAnnotation: (a) => [(a[0] as { articleId: string }).articleId],
    deleteAnnotation: (a) => [(a[0] as { articleId: string }).articleId],
    annotateQuote: (a) => [(a[0] as { articleId: string }).articleId],
    answerQuestion: (a) => [(a[0] as { articleId: string }).articleId],
    acceptSuggestions: (a) => [(a[0] as { articleId: string }).articleId],
    mergeSources: (_a, r) => (r as { articleIds: string[] }).articleIds,
    createSource: () => 'registry',
    updateSource: () => 'registry',
  }
  const wrapped: Record<string, unknown> = { ...services }
  for (const [name, which] of Object.entries(touched)) {
    const fn = services[name] as Fn | undefined
    if (typeof fn !== 'function') continue
    wrapped[name] = async (...args: never[]) => {
      const result = await fn(...args)
      const ids = which(args, result)
      if (ids === 'registry') search.registryChanged()
      else {
        for (const id of ids) search.articleChanged(id)
        // Accepting a suggestion or merging can add or rewrite registry entries too.
        if (name === 'acceptSuggestions' || name === 'mergeSources' || name === 'annotateQuote') search.registryChanged()
      }
      return result
    }
  }
  return wrapped as S
}
