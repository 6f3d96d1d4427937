import type { QuestionStatus } from '../../shared/model/grading'
import type { LinkType } from '../../shared/model/link'
import type { SearchQuery } from '../../shared/model/search'
import type { ServiceContext } from './context'
import type { SearchService } from '../search/search-service'
import { claimsLedger } from '../ledger/claims-ledger'
import { mergeSources, registryRows } from '../ledger/registry-view'
import { answerQuestion, questionRows } from '../ledger/question-tracker'
import { articleLinks } from '../ledger/article-links'
import { locateAnnotation } from '../ledger/notebook-scan'
import { catalogueData } from '../catalogue/notebook-data'
import { catalogueOf } from '../catalogue/notebook-catalogue'
import { warmUpSaves } from '../store/save-warm-up'
import { acceptSuggestions, dismissSuggestions, restoreSuggestions, suggestForArticle } from '../assistant/suggestions'
import { createLink } from './links'

/** The operations that work across the whole notebook: search, the ledger, the registry, questions, links, the assistant. */
export function viewServices(ctx: ServiceContext, search: SearchService) {
  return {
    search: (query: SearchQuery) => search.search(query),
    /**
     * What the app starts once its first screen is up, so that none of it delays that screen: the search index (the
     * first query starts it too), the catalogue the views are built from, and the warm-up of the save's code.
     */
    startBackgroundWork: () => {
      search.start()
      void catalogueOf(ctx.store).ready().catch(() => {})
      void warmUpSaves(ctx.store).catch(() => {})
    },
    searchIndexReady: () => search.whenBuilt(),
    flushSearchUpdates: () => search.flushUpdates(),
    closeSearch: () => search.close(),
    claimsLedger: async () => claimsLedger(await catalogueData(ctx.store)),
    registryRows: async () => registryRows(await catalogueData(ctx.store)),
    mergeSources: (keepId: string, mergeId: string) => mergeSources(ctx, keepId, mergeId),
    listQuestions: async (status?: QuestionStatus) => questionRows(await catalogueData(ctx.store), status),
    answerQuestion: (input: Parameters<typeof answerQuestion>[1]) => answerQuestion(ctx, input),
    articleLinks: (articleId: string) => articleLinks(ctx, articleId),
    /** Links two annotations named by id alone, wherever they are: the CLI's way. */
    linkAnnotations: async (fromId: string, toId: string, type: LinkType) => {
      const from = await locateAnnotation(ctx, fromId)
      const to = await locateAnnotation(ctx, toId)
      return createLink(ctx, { type, from: { articleId: from.meta.id, annotationId: fromId }, to: { articleId: to.meta.id, annotationId: toId } })
    },
    suggest: (articleId: string) => suggestForArticle(ctx, articleId),
    acceptSuggestions: (input: { articleId: string; ids: string[] | 'all' }) => acceptSuggestions(ctx, input.articleId, input.ids),
    dismissSuggestions: (input: { articleId: string; ids: string[] | 'all' }) => dismissSuggestions(ctx, input.articleId, input.ids),
    restoreSuggestions: (input: { articleId: string; ids: string[] }) => restoreSuggestions(ctx, input.articleId, input.ids),
  }
}
