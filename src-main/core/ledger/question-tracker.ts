import { QUESTION_PRIORITY, type QuestionStatus } from '../../shared/model/grading'
import type { Question } from '../../shared/model/annotation'
import type { QuestionRow } from '../../shared/model/ledger'
import { isId } from '../../shared/model/ids'
import { UserError } from '../errors'
import type { ServiceContext } from '../services/context'
import { updateAnnotation } from '../services/annotations'
import { createLink } from '../services/links'
import type { NotebookData } from '../catalogue/notebook-data'

/** Questions across the notebook, most urgent first, then by due date (undated last), then by article. */
export function questionRows(data: NotebookData, status?: QuestionStatus): QuestionRow[] {
  const located = data.lookup
  const titles = new Map(data.articles.map((a) => [a.meta.id, a.meta.title]))
  const rows: QuestionRow[] = []
  for (const { meta, annotations } of data.articles) {
    for (const q of annotations) {
      if (q.kind !== 'question' || (status && q.status !== status)) continue
      rows.push({
        articleId: meta.id,
        articleTitle: meta.title,
        question: q,
        evidence: q.answeredBy.map((id) => {
          if (isId('article', id)) return { articleId: id, articleTitle: titles.get(id) ?? '(deleted article)', annotationId: null, kind: null, quote: '' }
          const found = located.get(id)
          return { articleId: found?.meta.id ?? '', articleTitle: found?.meta.title ?? '(deleted)', annotationId: id, kind: found?.annotation.kind ?? null, quote: found?.annotation.anchor.exact ?? '' }
        }),
      })
    }
  }
  return rows.sort(byUrgency)
}

function byUrgency(a: QuestionRow, b: QuestionRow): number {
  const p = QUESTION_PRIORITY.indexOf(b.question.priority) - QUESTION_PRIORITY.indexOf(a.question.priority)
  if (p) return p
  const da = a.question.due || '9999'
  const db = b.question.due || '9999'
  return da.localeCompare(db) || a.articleTitle.localeCompare(b.articleTitle) || a.question.anchor.start - b.question.anchor.start
}

/**
 * Marks a question answered with the analyst's answer and the annotations that bear it out. Each piece of
 * evidence is also linked to the question with an "answers" link, so it shows in the panels of both.
 */
export async function answerQuestion(
  ctx: ServiceContext,
  input: { articleId: string; id: string; answer: string; evidence: Array<{ articleId: string; annotationId: string }> },
): Promise<Question> {
  const file = await ctx.store.readArticle(input.articleId)
  const q = file.annotations.find((a) => a.id === input.id)
  if (!q || q.kind !== 'question') throw new UserError(`There is no question ${input.id} in this article.`)
  if (!input.answer.trim() && input.evidence.length === 0) throw new UserError('Write the answer or pick the evidence that answers the question.')
  for (const e of input.evidence) {
    const other = await ctx.store.readArticle(e.articleId).catch(() => null)
    if (!other?.annotations.some((a) => a.id === e.annotationId)) throw new UserError(`The evidence ${e.annotationId} is not in the notebook; pick it again.`)
  }
  const answeredBy = [...new Set([...q.answeredBy, ...input.evidence.map((e) => e.annotationId)])]
  const updated = await updateAnnotation(ctx, { articleId: input.articleId, id: input.id, patch: { status: 'answered', answer: input.answer, answeredBy } })
  for (const e of input.evidence) await createLink(ctx, { type: 'answers', from: e, to: { articleId: input.articleId, annotationId: input.id } })
  return updated as Question
}
