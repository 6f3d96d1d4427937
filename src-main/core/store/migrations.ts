import { SCHEMA_VERSION } from '../../shared/model/notebook'

/**
 * Ordered migrations of stored files, Excalidraw-style: each is a pure function from the JSON of version
 * `version - 1` to that of `version`, tested against a stored fixture of the old version.
 * Version 1 is the first stored format. A version with no migration for a kind of file (the index at 2) only
 * has its number raised.
 * Before a notebook is migrated the store takes a backup, so a migration is never a one-way door.
 */
export interface Migration {
  version: number
  title: string
  appliesTo: 'index' | 'article'
  apply: (raw: Record<string, unknown>) => Record<string, unknown>
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    title: 'article files keep the suggestions the analyst dismissed',
    appliesTo: 'article',
    apply: (raw) => ({ ...raw, dismissedSuggestions: [] }),
  },
]

export type FileKind = Migration['appliesTo']

/** The version files are written at: the build's, or that of the last migration when tests supply a longer list. */
export function targetVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return Math.max(SCHEMA_VERSION, ...migrations.map((m) => m.version))
}

/** Brings a parsed file to the current version. Files from a newer app are returned untouched and flagged. */
export function migrate(raw: unknown, kind: FileKind, migrations: readonly Migration[] = MIGRATIONS): { data: unknown; from: number; newer: boolean } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { data: raw, from: 0, newer: false }
  const from = Number((raw as Record<string, unknown>).schemaVersion)
  if (!Number.isInteger(from) || from < 1) return { data: raw, from: 0, newer: false }
  const target = targetVersion(migrations)
  if (from > target) return { data: raw, from, newer: true }
  let data = raw as Record<string, unknown>
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= from || m.appliesTo !== kind) continue
    data = { ...m.apply(data), schemaVersion: m.version }
  }
  if (from < target) data = { ...data, schemaVersion: target }
  return { data, from, newer: false }
}
