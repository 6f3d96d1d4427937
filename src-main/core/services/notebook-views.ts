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
import { acceptSuggestions, dismissSuggestions, restoreSuggestions, suggestForArticle } from '../assistant/suggestions'
import { createLink } from './links'

/** The operations that work across the whole notebook: search, the ledger, the registry, questions, links, the assistant. */
export function viewServices(ctx: ServiceContext, search: SearchService) {
  return {
    search: (query: SearchQuery) => search.search(query),
    /** The app calls this once its first screen is up; the first query starts it too. */
    startSearchIndex: () => search.start(),
    searchIndexReady: () => search.whenBuilt(),
    flushSearchUpdates: () => search.flushUpdates(),
    closeSearch: () => search.close(),
    /** Builds the notebook's catalogue in the background; the app calls it once the first screen is up. */
    startCatalogue: () => void catalogueOf(ctx.store).ready().catch(() => {}),
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
