import { useEffect, useState } from 'react'
import type { SourceAnnotation } from '../../../src-main/shared/model/annotation'
import type { RegistryEntry } from '../../../src-main/shared/model/source'
import { RELIABILITY, RELIABILITY_MEANING } from '../../../src-main/shared/model/grading'
import { Chip } from '../../ui/Chip'
import { EnumSelect } from '../../ui/EnumSelect'
import { RegistryPicker } from '../sources/RegistryPicker'
import { formatChain, parseChain } from '../sources/registry-match'
import type { PanelActions } from './actions'

interface SourceFieldsProps {
  source: SourceAnnotation
  registry: RegistryEntry[]
  registryMap: ReadonlyMap<string, RegistryEntry>
  readOnly: boolean
  actions: PanelActions
}

/** The registry entry a source refers to, its reliability in this context, and the chain that relayed it. */
export function SourceFields({ source, registry, registryMap, readOnly, actions }: SourceFieldsProps) {
  const entry = source.registryId ? registryMap.get(source.registryId) : undefined
  const [picking, setPicking] = useState(!source.registryId)
  const stored = formatChain(source.chain)
  const [chain, setChain] = useState(stored)
  useEffect(() => setChain(stored), [stored])
  const set = (patch: Parameters<PanelActions['patch']>[1]) => actions.patch(source.id, patch, { immediate: true })

  return (
    <>
      {picking && !readOnly ? (
        <RegistryPicker
          quote={source.anchor.exact}
          registry={registry}
          reliability={source.reliability}
          onCreate={actions.createSource}
          onPick={(e) => {
            set({ registryId: e.id, ...(source.reliability === null && e.reliability ? { reliability: e.reliability } : {}) })
            setPicking(false)
          }}
          onCancel={source.registryId ? () => setPicking(false) : undefined}
        />
      ) : (
        <div className="field registry-entry">
          <span className="label">Registry entry</span>
          {entry ? (
            <span>
              <strong>{entry.name}</strong> <span className="muted">{entry.type}</span>{' '}
              {entry.reliability && <Chip text={entry.reliability} tone="code" meaning={`Registry grade ${entry.reliability}: ${RELIABILITY_MEANING[entry.reliability]}`} />}
            </span>
          ) : (
            <span className="muted">not linked to the registry</span>
          )}
          {!readOnly && (
            <button type="button" className="link-button" onClick={() => setPicking(true)}>
              {entry ? 'Change' : 'Pick or add'}
            </button>
          )}
        </div>
      )}
      <EnumSelect
        label="Reliability (here)"
        value={source.reliability}
        options={RELIABILITY}
        describe={(r) => `${r} · ${RELIABILITY_MEANING[r]}`}
        unsetLabel={entry?.reliability ? `as in registry (${entry.reliability})` : 'not graded'}
        disabled={readOnly}
        onChange={(v) => set({ reliability: v })}
      />
      <div className="field">
        <label htmlFor={`chain-${source.id}`}>Attribution chain, outermost first</label>
        <input
          id={`chain-${source.id}`}
          value={chain}
          readOnly={readOnly}
          placeholder="The Guardian › Reuters › ministry spokesperson"
          onChange={(e) => setChain(e.target.value)}
          onBlur={() => {
            const next = parseChain(chain)
            if (formatChain(next) !== formatChain(source.chain)) set({ chain: next })
            setChain(formatChain(next))
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </div>
    </>
  )
}
