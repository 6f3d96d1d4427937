import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import type { ImportResult } from '../../../src-main/shared/ipc-contract'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import type { ImportBatchView } from './ImportReport'

/**
 * The import batch the library reports on. Main parses files in worker threads and sends each file's result as it
 * lands, so the report fills in while the analyst keeps working, and new articles join the library as they arrive.
 * The results the import call returns at the end are the record; progress events only run ahead of them.
 */
export function useImportBatch(onArrived: (articles: ArticleMeta[]) => void) {
  const [batch, setBatch] = useState<ImportBatchView | null>(null)
  const running = useRef(0)
  const arrived = useRef(onArrived)
  arrived.current = onArrived

  useEffect(
    () =>
      api().events.onImportProgress((p) => {
        // An event that comes after its batch has ended (or from one this window did not start) changes nothing.
        if (running.current === 0) return
        setBatch((b) => ({ results: [...(b?.results ?? []), ...p.results], progress: { done: p.done, total: p.total } }))
        const articles = p.results.flatMap((r) => (r.status === 'imported' && r.article ? [r.article] : []))
        if (articles.length) arrived.current(articles)
      }),
    [],
  )

  /** Runs an import and reports it; resolves to its results, or null when nothing was imported (a cancelled dialog, an error). */
  const run = useCallback(async (work: () => Promise<ImportResult[]>): Promise<ImportResult[] | null> => {
    running.current++
    setBatch({ results: [], progress: { done: 0, total: null } })
    try {
      const results = await work()
      setBatch(results.length ? { results, progress: null } : null)
      return results.length ? results : null
    } catch (err) {
      setBatch({ results: [{ name: 'Import', status: 'failed', reason: userMessage(err) }], progress: null })
      return null
    } finally {
      running.current--
    }
  }, [])

  const dismiss = useCallback(() => setBatch(null), [])
  return { batch, run, dismiss }
}
