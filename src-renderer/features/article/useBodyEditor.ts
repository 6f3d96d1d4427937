import { useEffect, useMemo, useRef, useState } from 'react'
import { useEditor, type Editor, type JSONContent } from '@tiptap/react'
import type { DocJson } from '../../../src-main/shared/model/notebook'
import type { SavedBody } from '../../../src-main/shared/ipc-contract'
import { bodyExtensions } from '../../editor/extensions'
import { docJson } from '../../editor/doc-json'
import type { AnnotationHooks, HooksRef } from '../../editor/annotation-commands'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { saveStatus } from '../status/save-status'
import { Autosaver, JOURNAL_DELAY_MS } from './autosaver'
import { registerFlushable } from './pending'

const NO_HOOKS: AnnotationHooks = { tag: () => {}, step: () => {}, clicked: () => {} }

export interface BodyEditor {
  editor: Editor
  hooks: HooksRef
  saver: Autosaver<DocJson>
  /** Set when the stored document holds content this editor cannot show; the article then opens read-only. */
  contentProblem: string | null
}

/**
 * The article body editor and its autosave. React is not on the keystroke path: the editor never re-renders the
 * view on a transaction, and an edit only restarts the save timer. When the timer fires the save waits for an idle
 * moment, and serialises only the blocks that changed since the last save (docJson).
 */
export function useBodyEditor(articleId: string, doc: DocJson, readOnly: boolean, onSaved: (result: SavedBody) => void): BodyEditor {
  const hooks = useRef<AnnotationHooks>(NO_HOOKS)
  const onSavedRef = useRef(onSaved)
  onSavedRef.current = onSaved
  const [contentProblem, setContentProblem] = useState<string | null>(null)
  const extensions = useMemo(() => bodyExtensions(hooks), [])
  const saverRef = useRef<Autosaver<DocJson> | null>(null)

  const editor = useEditor({
    extensions,
    // The stored JSON is checked against the schema by enableContentCheck; its static type is the contract's loose DocJson.
    content: doc as JSONContent,
    injectCSS: false,
    enableContentCheck: true,
    shouldRerenderOnTransaction: false,
    editable: !readOnly,
    editorProps: {
      attributes: {
        class: 'article-body',
        'aria-label': 'Article text',
        role: 'textbox',
        'aria-multiline': 'true',
        // Source text is full of names and foreign words; spelling squiggles would also clash with the wavy question underline.
        spellcheck: 'false',
      },
    },
    onContentError: ({ error }) => {
      // Reported during the editor's construction, inside React's render: set the state just after.
      queueMicrotask(() => setContentProblem(`Part of this article does not fit the editor (${error.message}). It is open read-only so nothing is lost.`))
    },
    onUpdate: ({ transaction }) => {
      if (transaction.docChanged) saverRef.current?.touch()
    },
  })

  const saver = useMemo(
    () =>
      new Autosaver<DocJson>({
        delay: 600,
        maxWait: 5000,
        journal: { delay: JOURNAL_DELAY_MS, record: (json, rev) => void api().recordJournal({ articleId, field: 'body', rev, doc: json }).catch(() => {}) },
        read: () => {
          if (editor.isDestroyed) throw new Error('The article closed before its last edit was saved.')
          return docJson(editor.state.doc) as DocJson
        },
        schedule: (save) => requestIdleCallback(save, { timeout: 400 }),
        write: async (json, rev) => {
          saveStatus.begin()
          try {
            const result = await api().saveArticleBody({ id: articleId, doc: json, rev })
            saveStatus.succeed(result.savedAt)
            onSavedRef.current(result)
          } catch (err) {
            saveStatus.fail(userMessage(err))
            throw err
          }
        },
      }),
    [editor, articleId],
  )
  saverRef.current = saver

  useEffect(() => {
    const unregister = registerFlushable(saver)
    return () => {
      unregister()
      // Switching articles: write what is pending while the editor still exists (tiptap destroys it a tick later).
      void saver.flush()
    }
  }, [saver])

  useEffect(() => {
    // Without `false`, tiptap announces the switch as an update of the text, which would save an article only opened.
    const editable = !readOnly && !contentProblem
    if (editor.isEditable !== editable) editor.setEditable(editable, false)
  }, [editor, readOnly, contentProblem])

  return { editor, hooks, saver, contentProblem }
}
