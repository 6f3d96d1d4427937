import { memo } from 'react'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { RichText } from '../../ui/RichText'
import { saveStatus } from '../status/save-status'

/** The analyst's own notes on the article as a whole, kept apart from the source text and saved as they type. */
export const ArticleNotes = memo(function ArticleNotes({ articleId, notes, readOnly }: { articleId: string; notes: string; readOnly: boolean }) {
  const save = async (html: string, rev: number) => {
    saveStatus.begin()
    try {
      const { savedAt } = await api().saveArticleNotes({ id: articleId, notes: html, rev })
      saveStatus.succeed(savedAt)
    } catch (err) {
      saveStatus.fail(userMessage(err))
      throw err
    }
  }
  return (
    <section className="article-notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes on this article</h2>
      <RichText
        initialHtml={notes}
        label="Notes on this article"
        placeholder="Your reading of the article: context, doubts, leads."
        onChange={save}
        journal={(html, rev) => void api().recordJournal({ articleId, field: 'notes', rev, notes: html }).catch(() => {})}
        readOnly={readOnly}
        className="article-notes-editor"
      />
    </section>
  )
})
