import type { DocJson } from '../../shared/model/notebook'
import type { Services } from '../services/notebook-services'
import { atomicWrite } from '../store/atomic-write'
import type { FsOps } from '../store/fs-ops'
import { realFs } from '../store/fs-ops'
import type { HotExitEntry, HotExitJournal } from './hot-exit-journal'

/** What replaying needs from the notebook: the same save operations the editor uses. */
export interface ReplayTarget {
  titleOf(articleId: string): string | undefined
  saveArticleBody(articleId: string, doc: DocJson): Promise<unknown>
  saveArticleNotes(articleId: string, notes: string): Promise<unknown>
}

export function replayTargetOf(services: Pick<Services, 'store' | 'saveArticleBody' | 'saveArticleNotes'>): ReplayTarget {
  return {
    titleOf: (id) => services.store.index.articles.find((a) => a.id === id)?.title,
    saveArticleBody: (id, doc) => services.saveArticleBody(id, doc),
    saveArticleNotes: (id, notes) => services.saveArticleNotes(id, notes),
  }
}

export interface ReplayResult {
  replayed: HotExitEntry[]
  failed: Array<{ entry: HotExitEntry; reason: string }>
  /** Where entries that could not be applied were kept, so even those are not lost. */
  keptIn: string | null
  notice: string | null
}

/**
 * Applies the edits a crashed session left in the journal, through the same saves the editor uses (so annotations
 * are reconciled with the body as usual), oldest first. Entries that cannot be applied (the article was deleted,
 * the body no longer fits the schema) are written to a file of their own beside the journal and named in the
 * notice. The journal's leftover is cleared only after that, so a crash during replay replays again.
 */
export async function replayHotExit(journal: HotExitJournal, target: ReplayTarget, fs: FsOps = realFs): Promise<ReplayResult> {
  // Oldest first; entries written in the same instant keep the order they were recorded in.
  const entries = [...journal.leftover].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.articleId === b.articleId && a.field === b.field ? a.rev - b.rev : 0))
  if (entries.length === 0) return { replayed: [], failed: [], keptIn: null, notice: null }
  const replayed: HotExitEntry[] = []
  const failed: ReplayResult['failed'] = []
  for (const entry of entries) {
    if (target.titleOf(entry.articleId) === undefined) {
      failed.push({ entry, reason: 'the article is no longer in the notebook' })
      continue
    }
    try {
      if (entry.field === 'body') await target.saveArticleBody(entry.articleId, entry.doc)
      else await target.saveArticleNotes(entry.articleId, entry.notes)
      replayed.push(entry)
    } catch (err) {
      failed.push({ entry, reason: (err as Error)?.message ?? String(err) })
    }
  }
  let keptIn: string | null = null
  if (failed.length) {
    keptIn = `${journal.path}.${new Date().toISOString().replace(/[:.]/g, '-')}.unapplied`
    await atomicWrite(keptIn, JSON.stringify({ schemaVersion: 1, entries: failed.map((f) => ({ ...f.entry, reason: f.reason })) }, null, 1), fs)
  }
  await journal.clearLeftover()
  return { replayed, failed, keptIn, notice: describe(replayed, failed, keptIn, target) }
}

function describe(replayed: HotExitEntry[], failed: ReplayResult['failed'], keptIn: string | null, target: ReplayTarget): string {
  const titles = (list: HotExitEntry[]) => [...new Set(list.map((e) => target.titleOf(e.articleId) ?? e.articleId))].map((t) => `"${t}"`)
  const parts: string[] = []
  if (replayed.length) {
    const t = titles(replayed)
    parts.push(`The last session ended before some edits were saved; they were recovered and saved now (${t.join(', ')}).`)
  }
  if (failed.length) {
    parts.push(`${failed.length} unsaved edit${failed.length === 1 ? '' : 's'} from the last session could not be applied (${failed[0]!.reason}); ${failed.length === 1 ? 'it is' : 'they are'} kept in ${keptIn}.`)
  }
  return parts.join(' ')
}
