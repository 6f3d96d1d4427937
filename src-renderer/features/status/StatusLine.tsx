import { memo, useEffect, useState, useSyncExternalStore } from 'react'
import { saveStatus, statusText } from './save-status'

/** The bottom line: when the notebook was last saved, or what went wrong, and where the notebook lives. */
export const StatusLine = memo(function StatusLine({ path, shownPath, readOnly }: { path: string | null; shownPath: string | null; readOnly: boolean }) {
  const status = useSyncExternalStore(saveStatus.subscribe, saveStatus.getSnapshot)
  // Re-read the clock now and then, so "Saved 10:42" gains its date after midnight.
  const [, tick] = useState(0)
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 60_000)
    return () => clearInterval(t)
  }, [])
  return (
    <footer className="status-line">
      <span className={`save-state save-${status.state}`} role="status" aria-live="polite">
        {statusText(status)}
      </span>
      {readOnly && <span className="read-only-badge">Read-only notebook</span>}
      {path && (
        <span className="notebook-path muted" title={`Where this notebook is stored: ${path}`}>
          {/* The box runs right to left so a long path loses its start, not its name; the path itself reads left to right. */}
          <bdi>{shownPath ?? path}</bdi>
        </span>
      )}
    </footer>
  )
})
