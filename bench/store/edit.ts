import type { ArticleFile } from '../../src-main/shared/model/notebook'

/**
 * One edit of an article's body, as an autosave after a keystroke would carry it: a word added at the end of the
 * last paragraph, after every annotated span, so the anchors stay true. Works on the store's article file and on
 * the same record inside the single-file lowdb.
 */
export function editBody(file: Pick<ArticleFile, 'doc'>, n: number): void {
  const paragraphs = file.doc.content as Array<{ content: Array<{ text: string }> }>
  const last = paragraphs.at(-1)!.content.at(-1)!
  last.text = `${last.text.replace(/ edit\d+$/, '')} edit${n}`
}
