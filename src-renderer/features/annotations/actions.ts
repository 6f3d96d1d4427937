import type { AnnotationPatch } from '../../../src-main/shared/model/annotation'
import type { RegistryEntry, SourceType } from '../../../src-main/shared/model/source'
import type { Reliability } from '../../../src-main/shared/model/grading'

/** What the annotation panel can ask of the article view. One stable object, so memoized rows never re-render for it. */
export interface PanelActions {
  /** Select an annotation; `reveal` scrolls the text to it and highlights it. */
  select(id: string | null, opts?: { reveal?: boolean }): void
  /** Change metadata; `immediate` for picks (selects, checkboxes), otherwise sent after a pause in typing. */
  patch(id: string, patch: AnnotationPatch, opts?: { immediate?: boolean }): void
  remove(id: string): void
  /** Put an orphan's marks back where its quote is found in the text. */
  reattach(id: string): void
  createSource(input: { name: string; type: SourceType; reliability: Reliability | null }): Promise<RegistryEntry>
  /** Send keyboard focus back to the article text. */
  focusText(): void
}
