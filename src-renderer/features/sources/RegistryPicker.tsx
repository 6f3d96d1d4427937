import { useId, useMemo, useState } from 'react'
import { SOURCE_TYPES, type RegistryEntry, type SourceType } from '../../../src-main/shared/model/source'
import { RELIABILITY_MEANING, type Reliability } from '../../../src-main/shared/model/grading'
import { userMessage } from '../../api/errors'
import { Chip } from '../../ui/Chip'
import { matchRegistry } from './registry-match'

interface RegistryPickerProps {
  /** What the analyst tagged: the first guess at the entry's name. */
  quote: string
  registry: RegistryEntry[]
  reliability: Reliability | null
  onPick: (entry: RegistryEntry) => void
  onCreate: (input: { name: string; type: SourceType; reliability: Reliability | null }) => Promise<RegistryEntry>
  onCancel?: () => void
}

/** Offers existing registry entries that match the tagged name, and creating a new one when none fits. */
export function RegistryPicker({ quote, registry, reliability, onPick, onCreate, onCancel }: RegistryPickerProps) {
  const [query, setQuery] = useState(quote.trim().slice(0, 300))
  const [type, setType] = useState<SourceType>('person')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  const matches = useMemo(() => matchRegistry(registry, query), [registry, query])
  const exact = matches.some((m) => m.name.toLowerCase() === query.trim().toLowerCase())

  const create = async () => {
    const name = query.trim()
    if (!name) {
      setError('Type the name of the person, organisation, outlet or document.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      onPick(await onCreate({ name, type, reliability }))
    } catch (err) {
      setError(userMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="registry-picker">
      <label htmlFor={inputId}>Who is this source? (notebook-wide registry)</label>
      <input
        id={inputId}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            const first = matches[0]
            if (first && exact) onPick(first)
            else void create()
          } else if (e.key === 'Escape' && onCancel) onCancel()
        }}
      />
      {matches.length > 0 && (
        <ul className="registry-matches" aria-label="Existing entries">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" className="button small" onClick={() => onPick(m)}>
                Use {m.name}
              </button>{' '}
              <span className="muted">{m.type}</span> {m.reliability && <Chip text={m.reliability} tone="code" meaning={`${m.reliability}: ${RELIABILITY_MEANING[m.reliability]}`} />}
            </li>
          ))}
        </ul>
      )}
      {!exact && (
        <div className="registry-create">
          <select aria-label="Type of the new entry" value={type} onChange={(e) => setType(e.target.value as SourceType)}>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <button type="button" className="button small" disabled={busy || !query.trim()} onClick={() => void create()}>
            Add “{query.trim() || '…'}” to the registry
          </button>
        </div>
      )}
      {onCancel && (
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
