import { useEffect, useRef } from 'react'
import type { ImportResult } from '../../../src-main/shared/ipc-contract'
import { api } from '../../api/client'

/**
 * Files the OS opened with the app (a double-clicked notebook export) are imported by main; the window takes the
 * results once it can show them (on load) and again whenever main says more arrived, and reports them like an import.
 */
export function useOpenedFiles(report: (results: ImportResult[]) => void): void {
  const latest = useRef(report)
  latest.current = report
  useEffect(() => {
    const take = () =>
      void api()
        .takeOpenedFiles()
        .then((results) => results.length > 0 && latest.current(results))
        .catch(() => {})
    const off = api().events.onFilesOpened(take)
    take()
    return off
  }, [])
}
