import { useSyncExternalStore } from 'react'
import { dismiss, noticeStore } from './notices'
import './notices.css'

/** The notices, floating over the top of the middle pane; errors are alerts, the rest polite status. */
export function NoticeStack() {
  const notices = useSyncExternalStore(noticeStore.subscribe, noticeStore.get)
  const errors = notices.filter((n) => n.tone === 'error')
  const others = notices.filter((n) => n.tone !== 'error')
  return (
    <div className="notice-stack">
      <div role="alert">
        {errors.map((n) => (
          <div key={n.id} className="toast toast-error">
            <span>{n.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {others.map((n) => (
          <div key={n.id} className={`toast toast-${n.tone}`}>
            {n.tone === 'progress' && <span className="spinner" aria-hidden="true" />}
            <span>{n.text}</span>
          </div>
        ))}
      </div>
    </div>
  )
}
