import type { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { articleFile, fakeMeta } from './store-fixtures'

/**
 * The deterministic work of the crash test's writer. Op i sets values (never appends), so the state after op i
 * depends only on i, an op cut short can be run again, and the test can say what the notebook must hold after
 * any acknowledged op. Ops touch the index, one article, or an article and the index together.
 */
export const ARTICLES = ['art_0crash0000000000', 'art_0crash0000000001', 'art_0crash0000000002'] as const

type Kind = 'index' | 'a0' | 'a1+index' | 'a2'
const KINDS: Kind[] = ['index', 'a0', 'a1+index', 'a2']
const kindOf = (i: number): Kind => KINDS[i % 4]!

/** Notes of varied size, up to 60 KB, so some writes take long enough to be killed halfway through. */
export function noteFor(i: number): string {
  return `<p>op ${i} é ${'x'.repeat((i * 7919) % 60_000)}</p>`
}

export function tagsAfter(i: number): string[] {
  const tags: string[] = []
  for (let j = i; j >= 0 && tags.length < 10; j--) if (kindOf(j) === 'index' || kindOf(j) === 'a1+index') tags.unshift(`t${j}`)
  return tags
}

export interface CrashState {
  tags: string[]
  notes: [string, string, string]
}

/** The notebook after ops 0..n (n = -1: as set up). */
export function stateAfter(n: number): CrashState {
  const last = (kinds: Kind[]) => {
    for (let j = n; j >= 0; j--) if (kinds.includes(kindOf(j))) return j
    return -1
  }
  const note = (j: number) => (j < 0 ? '' : noteFor(j))
  const t = last(['index', 'a1+index'])
  return { tags: t < 0 ? [] : tagsAfter(t), notes: [note(last(['a0'])), note(last(['a1+index'])), note(last(['a2']))] }
}

export async function setUp(store: NotebookStore): Promise<void> {
  for (const id of ARTICLES) {
    await store.createArticleFile(articleFile(id))
    await store.updateIndex((ix) => void ix.articles.push(fakeMeta(id, `Article ${id}`)))
  }
}

export async function applyOp(store: NotebookStore, i: number): Promise<void> {
  const setTags = () => store.updateIndex((ix) => void (ix.tags = tagsAfter(i)))
  const setNotes = (a: number) => store.updateArticle(ARTICLES[a]!, (f) => void (f.notes = noteFor(i)))
  switch (kindOf(i)) {
    case 'index':
      return setTags()
    case 'a0':
      return setNotes(0)
    case 'a1+index':
      await Promise.all([setNotes(1), setTags()])
      return
    case 'a2':
      return setNotes(2)
  }
}
