import { useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { AddMarkStep } from '@tiptap/pm/transform'
import { isHistoryTransaction } from '@tiptap/pm/history'
import type { Transaction } from '@tiptap/pm/state'
import { newAnnotation, type Annotation, type AnnotationKind, type AnnotationPatch } from '../../../src-main/shared/model/annotation'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import type { DocJson } from '../../../src-main/shared/model/notebook'
import type { SavedBody } from '../../../src-main/shared/ipc-contract'
import { newId } from '../../../src-main/shared/model/ids'
import { indexText, pmPosAt, reanchor } from '../../../src-main/shared/schema/plain-text'
import { anchorOfMarks } from '../../../src-main/shared/schema/block-text'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { annotationRanges } from '../../editor/annotation-ranges'
import { docJson } from '../../editor/doc-json'
import { setActiveAnnotation } from '../../editor/annotation-focus'
import { clearActiveAnnotation, revealAnnotation, stepAnnotation } from '../../editor/reveal'
import { shortcutLabel } from '../../ui/shortcuts'
import type { AnnotationAction } from '../annotations/annotation-state'
import { PanelStore } from '../annotations/panel-store'
import { PatchQueue } from '../annotations/patch-queue'
import type { PanelActions } from '../annotations/actions'
import { KIND_LABEL } from '../annotations/panel-model'
import { saveStatus } from '../status/save-status'
import { registerFlushable, type Flushable } from './pending'
import { afterNextPaint } from './after-paint'
import type { BodyEditor } from './useBodyEditor'

export interface Notice {
  text: string
  tone: 'info' | 'error'
}

interface ControllerOptions {
  articleId: string
  initial: Annotation[]
  body: BodyEditor
  readOnly: boolean
  onRegistryAdd: (entry: RegistryEntry) => void
  /** Counts in the library changed (an annotation was added or deleted). */
  onArticleChanged: () => void
  onTagsChanged: () => void
}

const TAG_SHORTCUT = { claim: 'tagClaim', source: 'tagSource', question: 'tagQuestion' } as const

/** The metadata a deleted annotation carried, so an undo in the text can bring the whole record back. */
function metadataOf(a: Annotation): AnnotationPatch {
  const { id: _id, kind: _kind, anchor: _anchor, createdAt: _c, updatedAt: _u, orphaned: _o, ...rest } = a
  return rest as AnnotationPatch
}

/**
 * Everything the article view does with annotations: tagging, selecting, navigating, editing metadata, deleting
 * (and restoring on undo), re-attaching orphans. The store stays the one writer; this keeps the panel in step.
 */
export function useAnnotationController(opts: ControllerOptions) {
  const { articleId, body, readOnly } = opts
  const { editor, saver } = body
  // Records and selection live outside React state, so changing them renders the panel alone (see PanelStore).
  const [panel] = useState(() => new PanelStore(opts.initial))
  const dispatch = (action: AnnotationAction) => panel.dispatch(action)
  const setSelectedId = (id: string | null) => panel.select(id)
  const [notice, setNotice] = useState<Notice | null>(null)
  const optsRef = useRef(opts)
  optsRef.current = opts
  const creating = useRef(new Set<string>())
  const deleting = useRef(new Set<string>())
  const deleted = useRef(new Map<string, Annotation>())
  const pendingCreates = useRef(new Set<Flushable>())

  const queue = useMemo(
    () =>
      new PatchQueue({
        delay: 500,
        send: async (id, patch) => {
          saveStatus.begin()
          try {
            const record = await api().updateAnnotation({ articleId, id, patch })
            saveStatus.succeed(record.updatedAt)
            if (patch.tags) optsRef.current.onTagsChanged()
            return record
          } catch (err) {
            saveStatus.fail(userMessage(err))
            throw err
          }
        },
        onSaved: (record) => dispatch({ type: 'upsert', record }),
        onError: (_id, err) => setNotice({ text: `That change was not saved: ${userMessage(err)}`, tone: 'error' }),
      }),
    [articleId],
  )
  useEffect(() => {
    const unregister = registerFlushable(queue)
    return () => {
      unregister()
      // A tag's record is written just after it shows; an article switch in between writes it now.
      for (const create of pendingCreates.current) void create.flush()
      void queue.flush()
    }
  }, [queue])

  const keepIds = () => new Set([...creating.current, ...panel.get().records.filter((r) => queue.hasPending(r.id)).map((r) => r.id)])
  const onBodySaved = (result: SavedBody) => dispatch({ type: 'merge', records: result.annotations, keep: keepIds(), drop: deleting.current })

  const say = (text: string, tone: Notice['tone'] = 'info') => setNotice({ text, tone })
  useEffect(() => {
    // Information fades on its own; an error stays until the analyst dismisses it.
    if (notice?.tone !== 'info') return
    const t = setTimeout(() => setNotice(null), 6000)
    return () => clearTimeout(t)
  }, [notice])

  const select = (id: string | null, { reveal = false }: { reveal?: boolean } = {}) => {
    setSelectedId(id)
    if (id === null) clearActiveAnnotation(editor)
    else if (reveal) revealAnnotation(editor, id)
    else if (!editor.isDestroyed) editor.view.dispatch(setActiveAnnotation(editor.state.tr, id))
  }

  /** Sends the document with a new mark and creates the record; the pending body save is part of this write. */
  const createRecord = async (id: string, kind: AnnotationKind): Promise<Annotation> => {
    creating.current.add(id)
    saver.settle()
    saveStatus.begin()
    try {
      const record = await api().createAnnotation({ articleId, id, kind, doc: docJson(editor.state.doc) as DocJson, rev: saver.rev })
      saveStatus.succeed(record.createdAt)
      dispatch({ type: 'upsert', record })
      optsRef.current.onArticleChanged()
      return record
    } catch (err) {
      saveStatus.fail(userMessage(err))
      throw err
    } finally {
      creating.current.delete(id)
    }
  }

  const tag = async (kind: AnnotationKind) => {
    if (readOnly || !editor.isEditable) return say('This article is open read-only, so it cannot be tagged.', 'error')
    if (editor.state.selection.empty) {
      return say(`Select the words to tag first, then press ${shortcutLabel(TAG_SHORTCUT[kind])}.`)
    }
    const id = newId('annotation')
    if (!editor.can().addAnnotationMark(kind, id)) return say('The selection holds no text to tag.')
    // The mark and its highlight as the selected annotation in one transaction: each one the editor draws costs
    // the browser a pass over the whole text to sync the selection.
    editor
      .chain()
      .addAnnotationMark(kind, id)
      .command(({ tr }) => (setActiveAnnotation(tr, id), true))
      .run()
    // The record's write carries the text with the new mark, so the autosave this edit started is not needed.
    saver.settle()
    creating.current.add(id)
    // The panel shows the new annotation in the frame the mark appears, from the same anchor the store will
    // compute; the store's record replaces it when the write, made just after that frame, lands. The marks lie
    // within the selection, so only the blocks under it (and the context beside them) are read.
    const { from, to } = editor.state.selection
    const span = anchorOfMarks(editor.state.doc, id, from, to)
    flushSync(() => {
      if (notice !== null) setNotice(null)
      if (!span) return
      dispatch({ type: 'upsert', record: newAnnotation(kind, id, span.anchor, new Date().toISOString()) })
      setSelectedId(id)
    })
    const write = afterNextPaint(() => createRecord(id, kind))
    pendingCreates.current.add(write)
    const unregister = registerFlushable(write)
    try {
      await write.done
      if (!span) select(id)
    } catch (err) {
      dispatch({ type: 'remove', id })
      // Keep text and store in agreement: the mark goes, outside the undo history, and the text is saved as it now is.
      editor.chain().command(({ tr }) => (tr.setMeta('addToHistory', false), true)).removeAnnotationMarks(id).run()
      saver.touch()
      say(`The ${KIND_LABEL[kind].one.toLowerCase()} was not tagged: ${userMessage(err)}`, 'error')
    } finally {
      unregister()
      pendingCreates.current.delete(write)
    }
  }

  const remove = async (id: string) => {
    const record = panel.get().records.find((r) => r.id === id)
    if (!record || readOnly) return
    const ranges = annotationRanges(editor.state.doc, id)
    deleting.current.add(id)
    deleted.current.set(id, record)
    queue.forget(id)
    // Undoable: Ctrl+Z puts the marks back, and the transaction watcher below restores the record.
    if (ranges.length) editor.commands.removeAnnotationMarks(id)
    saver.settle()
    const order = panel.get().records.filter((r) => r.kind === record.kind && r.id !== id)
    if (panel.get().selectedId === id) select(order[0]?.id ?? null)
    dispatch({ type: 'remove', id })
    saveStatus.begin()
    try {
      const result = await api().deleteAnnotation({ articleId, id, doc: docJson(editor.state.doc) as DocJson, rev: saver.rev })
      saveStatus.succeed(result.savedAt)
      deleting.current.delete(id)
      onBodySaved(result)
      optsRef.current.onArticleChanged()
      const word = KIND_LABEL[record.kind].one
      say(ranges.length ? `${word} deleted. ${shortcutLabel('undo')} in the text brings it back.` : `${word} deleted.`)
    } catch (err) {
      deleting.current.delete(id)
      deleted.current.delete(id)
      saveStatus.fail(userMessage(err))
      dispatch({ type: 'upsert', record })
      if (ranges.length) {
        const type = editor.schema.marks[record.kind]!
        editor.view.dispatch(ranges.reduce((tr, r) => tr.addMark(r.from, r.to, type.create({ id })), editor.state.tr.setMeta('addToHistory', false)))
      }
      say(`The annotation was not deleted: ${userMessage(err)}`, 'error')
    }
  }

  /** An undo (or redo) that brings back marks of an annotation deleted in this session recreates its record. */
  const restoreAfterHistory = (tr: Transaction) => {
    if (deleted.current.size === 0 || !isHistoryTransaction(tr)) return
    for (const step of tr.steps) {
      if (!(step instanceof AddMarkStep)) continue
      const id = step.mark.attrs.id as string | undefined
      const record = id ? deleted.current.get(id) : undefined
      if (!id || !record) continue
      deleted.current.delete(id)
      void (async () => {
        try {
          await createRecord(id, record.kind)
          const restored = await api().updateAnnotation({ articleId, id, patch: metadataOf(record) })
          dispatch({ type: 'upsert', record: restored })
          say(`${KIND_LABEL[record.kind].one} restored with its notes and grades.`)
        } catch (err) {
          say(`The annotation could not be restored: ${userMessage(err)}`, 'error')
        }
      })()
    }
  }

  const reattach = (id: string) => {
    const record = panel.get().records.find((r) => r.id === id)
    if (!record || readOnly) return
    const index = indexText(editor.state.doc)
    const hit = reanchor(index.text, record.anchor)
    const from = hit ? pmPosAt(index, hit.start, 'start') : null
    const to = hit ? pmPosAt(index, hit.end, 'end') : null
    if (from === null || to === null) return say(`“${record.anchor.exact.slice(0, 80)}” is no longer in the article, so there is nothing to re-attach to.`)
    editor.view.dispatch(editor.state.tr.addMark(from, to, editor.schema.marks[record.kind]!.create({ id })))
    void saver.flush()
    select(id, { reveal: true })
    say('Re-attached to its quote.')
  }

  const step = (direction: 1 | -1) => {
    const id = stepAnnotation(editor, direction)
    if (id) setSelectedId(id)
    else say(`No annotations in the text yet. Select words and press ${shortcutLabel('tagClaim')}.`)
  }

  const patch = (id: string, p: AnnotationPatch, { immediate = false }: { immediate?: boolean } = {}) => {
    if (readOnly) return
    dispatch({ type: 'patch', id, patch: p })
    queue.add(id, p, { immediate })
  }

  const createSource: PanelActions['createSource'] = async (input) => {
    const entry = await api().createSource(input)
    optsRef.current.onRegistryAdd(entry)
    return entry
  }

  // One stable object for the panel and the editor hooks; each call reaches the latest closure.
  const latest = useRef({ select, patch, remove, reattach, createSource, tag, step, restoreAfterHistory })
  latest.current = { select, patch, remove, reattach, createSource, tag, step, restoreAfterHistory }
  const actions = useMemo<PanelActions>(
    () => ({
      select: (id, o) => latest.current.select(id, o),
      patch: (id, p, o) => latest.current.patch(id, p, o),
      remove: (id) => void latest.current.remove(id),
      reattach: (id) => latest.current.reattach(id),
      createSource: (input) => latest.current.createSource(input),
      focusText: () => editor.commands.focus(),
    }),
    [editor],
  )

  useEffect(() => {
    body.hooks.current = {
      tag: (kind) => void latest.current.tag(kind),
      step: (d) => latest.current.step(d),
      clicked: (id) => setSelectedId(id),
    }
    const onTransaction = ({ transaction }: { transaction: Transaction }) => latest.current.restoreAfterHistory(transaction)
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
    }
  }, [editor, body.hooks])

  const commands = useMemo(() => ({ tag: (kind: AnnotationKind) => void latest.current.tag(kind), step: (d: 1 | -1) => latest.current.step(d) }), [])

  return {
    panel,
    notice,
    clearNotice: () => setNotice(null),
    actions,
    onBodySaved,
    tag: commands.tag,
    step: commands.step,
  }
}
