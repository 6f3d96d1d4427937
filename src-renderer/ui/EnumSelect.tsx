import { useId } from 'react'

interface EnumSelectProps<T extends string> {
  label: string
  value: T | null
  options: readonly T[]
  /** The words shown for each value (its meaning), defaulting to the value itself. */
  describe?: (v: T) => string
  /** Shown for null; omit for fields that always have a value. */
  unsetLabel?: string
  disabled?: boolean
  onChange: (v: T | null) => void
}

/** A labelled select over a fixed scale (grades, statuses), with an optional "not set". */
export function EnumSelect<T extends string>({ label, value, options, describe, unsetLabel, disabled, onChange }: EnumSelectProps<T>) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as T))}>
        {unsetLabel !== undefined && <option value="">{unsetLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {describe ? describe(o) : o}
          </option>
        ))}
      </select>
    </div>
  )
}
