import { useEffect, useRef } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import { noteExtensions } from '../editor/extensions'
import { Autosaver, JOURNAL_DELAY_MS } from '../features/article/autosaver'
import { registerFlushable } from '../features/article/pending'

interface RichTextProps {
  /** The stored HTML; read once when the field mounts (key the component to reload it). */
  initialHtml: string
  label: string
  placeholder: string
  /** Receives the HTML after a pause in typing, on blur and on flush, with its revision; never per keystroke. */
  onChange: (html: string, rev: number) => Promise<void> | void
  /** Where steady typing not yet saved is reported (main's hot-exit journal), at most once a journal delay. */
  journal?: (html: string, rev: number) => void
  onError?: (err: unknown) => void
  className?: string
  readOnly?: boolean
}

/** A small rich-text field (notes on articles and annotations) that saves itself. */
export function RichText({ initialHtml, label, placeholder, onChange, journal, onError, className, readOnly = false }: RichTextProps) {
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const journalRef = useRef(journal)
  journalRef.current = journal
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError
  const saverRef = useRef<Autosaver<string> | null>(null)

  const editor = useEditor({
    extensions: noteExtensions(placeholder),
    content: initialHtml || '',
    injectCSS: false,
    enableContentCheck: true,
    shouldRerenderOnTransaction: false,
    editable: !readOnly,
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: `rich-text ${className ?? ''}` } },
    onUpdate: ({ transaction }) => {
      if (transaction.docChanged) saverRef.current?.touch()
    },
    onBlur: () => void saverRef.current?.flush(),
  })

  useEffect(() => {
    const saver = new Autosaver<string>({
      delay: 500,
      maxWait: 4000,
      read: () => {
        if (editor.isDestroyed) throw new Error('The note closed before its last words were saved.')
        return editor.isEmpty ? '' : editor.getHTML()
      },
      write: async (html, rev) => {
        await onChangeRef.current(html, rev)
      },
      journal: journalRef.current ? { delay: JOURNAL_DELAY_MS, record: (html, rev) => journalRef.current?.(html, rev) } : undefined,
      onError: (err) => onErrorRef.current?.(err),
    })
    saverRef.current = saver
    const unregister = registerFlushable(saver)
    return () => {
      unregister()
      void saver.flush()
      saverRef.current = null
    }
  }, [editor])

  return <EditorContent editor={editor} />
}
