import { memo } from 'react'
import type { Annotation } from '../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import { RichText } from '../../ui/RichText'
import { TagInput } from '../../ui/TagInput'
import { Kbd } from '../../ui/Kbd'
import { shortcutLabel } from '../../ui/shortcuts'
import { formatTime } from '../status/save-status'
import type { PanelActions } from './actions'
import { ClaimFields } from './ClaimFields'
import { SourceFields } from './SourceFields'
import { QuestionFields } from './QuestionFields'
import { KIND_LABEL } from './panel-model'
import { AnnotationLinks } from '../ledger/AnnotationLinks'

interface AnnotationDetailProps {
  articleId: string
  record: Annotation
  records: Annotation[]
  registry: RegistryEntry[]
  registryMap: ReadonlyMap<string, RegistryEntry>
  articles: ArticleMeta[]
  tags: string[]
  readOnly: boolean
  actions: PanelActions
}

/** The metadata of the selected annotation, edited in place and saved as the analyst goes. */
export const AnnotationDetail = memo(function AnnotationDetail(props: AnnotationDetailProps) {
  const { record: a, records, registry, registryMap, articles, tags, readOnly, actions } = props
  const kindWord = KIND_LABEL[a.kind].one.toLowerCase()
  return (
    <div className={`annotation-detail detail-${a.kind}`} role="group" aria-label={`${KIND_LABEL[a.kind].one} details`}>
      {a.orphaned && (
        <div className="orphan-note" role="note">
          <p>
            The tagged text is no longer in the article. Its quote: <q>{a.anchor.exact}</q>
          </p>
          {!readOnly && (
            <button type="button" className="button small" onClick={() => actions.reattach(a.id)}>
              Re-attach to the quote
            </button>
          )}
        </div>
      )}
      {a.kind === 'claim' && <ClaimFields claim={a} records={records} registryMap={registryMap} readOnly={readOnly} actions={actions} />}
      {a.kind === 'source' && <SourceFields source={a} registry={registry} registryMap={registryMap} readOnly={readOnly} actions={actions} />}
      {a.kind === 'question' && <QuestionFields question={a} records={records} articles={articles} readOnly={readOnly} actions={actions} />}
      <div className="field">
        <span className="label">Note</span>
        <RichText
          initialHtml={a.note}
          label={`Note on this ${kindWord}`}
          placeholder="Why it matters, what it rests on…"
          onChange={(note) => actions.patch(a.id, { note })}
          className="annotation-note"
          readOnly={readOnly}
        />
      </div>
      <TagInput label="Tags" tags={a.tags} suggestions={tags} onChange={(next) => actions.patch(a.id, { tags: next }, { immediate: true })} />
      <AnnotationLinks articleId={props.articleId} annotationId={a.id} />
      <div className="detail-footer">
        <span className="muted times">
          Created {formatTime(a.createdAt)} · updated {formatTime(a.updatedAt)}
        </span>
        {!readOnly && (
          <button type="button" className="button danger small" onClick={() => actions.remove(a.id)} title={`Delete this annotation (Del in the list; ${shortcutLabel('undo')} in the text brings it back)`}>
            Delete {kindWord} <Kbd name="removeAnnotation" />
          </button>
        )}
      </div>
    </div>
  )
})
