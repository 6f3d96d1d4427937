import { useState } from 'react'
import type { Annotation, Claim, SourceAnnotation } from '../../../src-main/shared/model/annotation'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import {
  CLAIM_STATUS,
  CONFIDENCE,
  CONFIDENCE_MEANING,
  CREDIBILITY,
  CREDIBILITY_MEANING,
  LIKELIHOOD,
  LIKELIHOOD_BAND,
} from '../../../src-main/shared/model/grading'
import { Chip } from '../../ui/Chip'
import { EnumSelect } from '../../ui/EnumSelect'
import { Kbd } from '../../ui/Kbd'
import type { PanelActions } from './actions'
import { SOURCE_CHOICES, claimEvidence, quoteLine, reliabilityChip, sourceChoices, sourceReliability } from './panel-model'

interface ClaimFieldsProps {
  claim: Claim
  records: Annotation[]
  registryMap: ReadonlyMap<string, RegistryEntry>
  readOnly: boolean
  actions: PanelActions
}

/** Status, ICD 203 likelihood and confidence (kept apart), credibility, linked sources and the evidence code. */
export function ClaimFields({ claim, records, registryMap, readOnly, actions }: ClaimFieldsProps) {
  const evidence = claimEvidence(claim, records, registryMap)
  const sources = records.filter((r): r is SourceAnnotation => r.kind === 'source')
  const [query, setQuery] = useState('')
  const { shown, offered, more } = sourceChoices(claim, sources, registryMap, query)
  const set = (patch: Parameters<PanelActions['patch']>[1]) => actions.patch(claim.id, patch, { immediate: true })
  const toggleSource = (id: string, on: boolean) =>
    set({ sourceIds: on ? [...claim.sourceIds, id] : claim.sourceIds.filter((s) => s !== id) })

  return (
    <>
      <div className="evidence-line">
        <span className="label">Evidence code</span> <Chip text={evidence.code} tone="code" meaning={evidence.meaning} />
      </div>
      <p className="muted small-text evidence-meaning">{evidence.meaning.replace(/^[A-F][1-6]: /, '')}</p>
      {/* Short values share a row; the long ones (credibility, likelihood) take a row each, so no select cuts its value off. */}
      <div className="field-grid">
        <EnumSelect label="Status" value={claim.status} options={CLAIM_STATUS} disabled={readOnly} onChange={(v) => v && set({ status: v })} />
        <EnumSelect
          label="Confidence"
          value={claim.confidence}
          options={CONFIDENCE}
          unsetLabel="not assessed"
          note={claim.confidence ? CONFIDENCE_MEANING[claim.confidence].split(': ')[1] : undefined}
          disabled={readOnly}
          onChange={(v) => set({ confidence: v })}
        />
        <EnumSelect
          label="Likelihood (ICD 203)"
          value={claim.likelihood}
          options={LIKELIHOOD}
          describe={(l) => `${l} (${LIKELIHOOD_BAND[l]})`}
          unsetLabel="not assessed"
          wide
          disabled={readOnly}
          onChange={(v) => set({ likelihood: v })}
        />
        <EnumSelect
          label="Credibility"
          value={claim.credibility}
          options={CREDIBILITY}
          describe={(c) => `${c} · ${CREDIBILITY_MEANING[c]}`}
          unsetLabel="not graded"
          wide
          disabled={readOnly}
          onChange={(v) => set({ credibility: v })}
        />
      </div>
      <fieldset className="field link-list">
        <legend>Attributed to</legend>
        {sources.length === 0 ? (
          <p className="muted small-text">
            No sources tagged in this article. Select who says it and press <Kbd name="tagSource" />.
          </p>
        ) : (
          <>
            {sources.length > SOURCE_CHOICES && (
              <input
                type="search"
                className="source-filter"
                aria-label="Find a source to attribute to"
                placeholder={`Find among ${sources.length} sources…`}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            )}
            {shown.map((s) => {
              const grade = reliabilityChip(sourceReliability(s, registryMap))
              const name = s.registryId ? registryMap.get(s.registryId)?.name : null
              return (
                <label key={s.id} className="check-row">
                  <input type="checkbox" checked={claim.sourceIds.includes(s.id)} disabled={readOnly} onChange={(e) => toggleSource(s.id, e.target.checked)} />
                  <span className="quote-source">{quoteLine(s, 60)}</span>
                  {name && name !== s.anchor.exact && <span className="muted">{name}</span>}
                  {grade && <Chip text={grade.code} tone="code" meaning={grade.meaning} />}
                </label>
              )
            })}
            {query.trim() && offered === 0 && <p className="muted small-text">No other source matches “{query.trim()}”.</p>}
            {more > 0 && (
              <p className="muted small-text">
                {query.trim() ? `${more} more match: type more of the name.` : `${more} more, further away in the text: type to find one.`}
              </p>
            )}
          </>
        )}
      </fieldset>
    </>
  )
}
