import type { Annotation, AnnotationPatch } from '../../../src-main/shared/model/annotation'
import { documentOrder } from './panel-model'

/** The article's annotation records as the panel holds them, keyed by id, changed only by store replies and edits. */
export type AnnotationAction =
  | { type: 'reset'; records: Annotation[] }
  | { type: 'merge'; records: Annotation[]; keep: ReadonlySet<string>; drop: ReadonlySet<string> }
  | { type: 'upsert'; record: Annotation }
  | { type: 'patch'; id: string; patch: AnnotationPatch }
  | { type: 'remove'; id: string }

export function annotationsReducer(state: Annotation[], action: AnnotationAction): Annotation[] {
  switch (action.type) {
    case 'reset':
      return action.records
    case 'merge': {
      // A save reply is the store's whole list after the write. Records with edits still on their way keep the
      // local version (otherwise the reply would roll them back), apart from the store's own orphan and anchor fields.
      // Records being deleted stay out even if a reply sent before the deletion still lists them.
      const local = new Map(state.map((a) => [a.id, a]))
      const merged = action.records.filter((r) => !action.drop.has(r.id)).map((r) => {
        const mine = local.get(r.id)
        if (!mine || !action.keep.has(r.id)) return sameRecord(mine, r) ? mine! : r
        return { ...mine, anchor: r.anchor, orphaned: r.orphaned }
      })
      // Records created after the save was sent are not in its reply yet.
      const known = new Set(action.records.map((r) => r.id))
      for (const a of state) if (!known.has(a.id) && action.keep.has(a.id)) merged.push(a)
      // Most saves change no annotation: keep the same array, so the panel does not render at all.
      return merged.length === state.length && merged.every((a, i) => a === state[i]) ? state : merged
    }
    case 'upsert': {
      const at = state.findIndex((a) => a.id === action.record.id)
      if (at === -1) return [...state, action.record]
      const next = state.slice()
      next[at] = action.record
      return next
    }
    case 'patch':
      return state.map((a) => (a.id === action.id ? ({ ...a, ...action.patch } as Annotation) : a))
    case 'remove':
      return state.filter((a) => a.id !== action.id)
  }
}

/** Keeps object identity when nothing changed, so memoized panel rows skip re-rendering after a save. */
function sameRecord(a: Annotation | undefined, b: Annotation): boolean {
  return !!a && a.updatedAt === b.updatedAt && a.orphaned === b.orphaned && a.anchor.start === b.anchor.start && a.anchor.end === b.anchor.end
}

/**
 * Whether the panel would show `next` just as it shows `prev`: the same records with the same metadata, quotes and
 * orphan state, in the same document order. Typing earlier in the text moves anchor offsets and context, and the
 * next autosave brings every record below back with new ones (and a new updatedAt, which only the open detail
 * shows); none of that is worth rendering the panel for on every save.
 */
export function shownAlike(prev: readonly Annotation[], next: readonly Annotation[]): boolean {
  if (prev === next) return true
  if (prev.length !== next.length) return false
  for (let i = 0; i < prev.length; i++) {
    const a = prev[i]!
    const b = next[i]!
    if (a === b) continue
    const moved = a.anchor.start !== b.anchor.start || a.anchor.end !== b.anchor.end || a.anchor.prefix !== b.anchor.prefix || a.anchor.suffix !== b.anchor.suffix
    if (a.id !== b.id || shownPart(a, moved) !== shownPart(b, moved)) return false
  }
  const order = (list: readonly Annotation[]) => list.map((_, i) => i).sort((x, y) => documentOrder(list[x]!, list[y]!))
  const before = order(prev)
  return order(next).every((i, at) => i === before[at])
}

function shownPart(a: Annotation, moved: boolean): string {
  return JSON.stringify({ ...a, anchor: a.anchor.exact, updatedAt: moved ? '' : a.updatedAt })
}
