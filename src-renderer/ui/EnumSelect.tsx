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
  /** A line under the select that explains the chosen value, for meanings too long for the select itself. */
  note?: string
  /** Takes a whole row of a field grid, for values too long to show in half of it. */
  wide?: boolean
  onChange: (v: T | null) => void
}

/** A labelled select over a fixed scale (grades, statuses), with an optional "not set". */
export function EnumSelect<T extends string>({ label, value, options, describe, unsetLabel, disabled, note, wide, onChange }: EnumSelectProps<T>) {
  const id = useId()
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as T))}
      >
        {unsetLabel !== undefined && <option value="">{unsetLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {describe ? describe(o) : o}
          </option>
        ))}
      </select>
      {note && (
        <span id={`${id}-note`} className="field-note muted">
          {note}
        </span>
      )}
    </div>
  )
}
