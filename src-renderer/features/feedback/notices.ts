/**
 * Short messages about what the window just did or could not do, shown where the analyst is looking (the top of the
 * window, over the text) rather than in a status line: an error stays until dismissed, information fades.
 */
export type NoticeTone = 'info' | 'progress' | 'error'
export interface Notice {
  id: number
  text: string
  tone: NoticeTone
}

const INFO_MS = 4000
/** An action that ends sooner than this shows no progress at all, so quick ones do not flicker. */
export const PROGRESS_DELAY_MS = 500

let notices: readonly Notice[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export const noticeStore = {
  get: (): readonly Notice[] => notices,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
}

export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id)
  emit()
}

export function notify(text: string, tone: NoticeTone = 'info'): number {
  const id = nextId++
  // The same sentence twice in a row is one notice, not a stack.
  notices = [...notices.filter((n) => n.text !== text), { id, text, tone }]
  emit()
  if (tone === 'info') setTimeout(() => dismiss(id), INFO_MS)
  return id
}

/** Runs work; if it takes longer than half a second, says so until it ends. */
export async function withProgress<T>(text: string, work: () => Promise<T>): Promise<T> {
  let id: number | null = null
  const timer = setTimeout(() => (id = notify(text, 'progress')), PROGRESS_DELAY_MS)
  try {
    return await work()
  } finally {
    clearTimeout(timer)
    if (id !== null) dismiss(id)
  }
}
