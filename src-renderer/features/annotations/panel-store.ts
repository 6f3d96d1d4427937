import type { Annotation } from '../../../src-main/shared/model/annotation'
import { annotationsReducer, shownAlike, type AnnotationAction } from './annotation-state'

export interface PanelSnapshot {
  /** The records as the store last gave them, with local edits on top. */
  records: Annotation[]
  /**
   * What the panel is given: the same list while a save only moved anchors (typing earlier in the text), so it does
   * not render; `records` always holds the store's latest anchors.
   */
  shown: Annotation[]
  selectedId: string | null
}

/**
 * The article's annotation records and the selected one, held outside React so that a change renders only the
 * components that read them (the panel), never the article view around the editor: a new tag then costs the panel's
 * list and its new row, not the toolbar, header and notes as well. Read with useSyncExternalStore.
 */
export class PanelStore {
  private snapshot: PanelSnapshot
  private readonly listeners = new Set<() => void>()

  constructor(initial: Annotation[]) {
    this.snapshot = { records: initial, shown: initial, selectedId: null }
  }

  readonly get = (): PanelSnapshot => this.snapshot

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  dispatch(action: AnnotationAction): void {
    const records = annotationsReducer(this.snapshot.records, action)
    if (records === this.snapshot.records) return
    const shown = shownAlike(this.snapshot.shown, records) ? this.snapshot.shown : records
    this.set({ ...this.snapshot, records, shown })
  }

  select(id: string | null): void {
    if (id !== this.snapshot.selectedId) this.set({ ...this.snapshot, selectedId: id })
  }

  private set(next: PanelSnapshot): void {
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }
}
