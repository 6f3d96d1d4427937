/**
 * Every saver with unsaved edits registers here, so a close, a reload or main's flush request can write them all
 * before the window goes away.
 */
export interface Flushable {
  flush(): Promise<void>
}

const pending = new Set<Flushable>()

export function registerFlushable(f: Flushable): () => void {
  pending.add(f)
  return () => pending.delete(f)
}

/** Two passes: a note editor's flush hands its text to the annotation patch queue, which the second pass sends. */
export async function flushAll(): Promise<void> {
  for (let pass = 0; pass < 2; pass++) await Promise.allSettled([...pending].map((f) => f.flush()))
}
