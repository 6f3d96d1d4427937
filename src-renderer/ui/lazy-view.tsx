import { Component, createElement, lazy, type ComponentProps, type ComponentType, type ReactNode } from 'react'

export type LazyView<T extends ComponentType<any>> = ((props: ComponentProps<T>) => ReactNode) & { preload(): Promise<unknown> }

/**
 * A component whose code is fetched the first time it renders (React.lazy over a dynamic import), so views that are
 * not on the first screen stay out of the first chunk. `preload` fetches it ahead, once the window is idle, so the
 * first click on the view rarely waits. React.lazy keeps a failed load for good; here it is forgotten once
 * LoadBoundary has shown the error, so the next time the view is opened it is fetched again.
 */
const failedViews = new Set<() => void>()

/** Lets the views that failed to load try again at their next mount; LoadBoundary calls it once it shows the error. */
function forgetFailedLoads(): void {
  for (const reset of failedViews) reset()
  failedViews.clear()
}

export function lazyView<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyView<M[K]> {
  let pending: Promise<M> | null = null
  const preload = (): Promise<M> =>
    (pending ??= load().catch((err: unknown) => {
      pending = null
      throw err
    }))
  const fresh = () =>
    lazy(async () => {
      try {
        return { default: (await preload())[name] }
      } catch (err) {
        // Not replaced here: React renders again after the rejection, and a fresh lazy would start over, forever.
        failedViews.add(() => (current = fresh()))
        throw err
      }
    })
  let current = fresh()
  const View = (props: ComponentProps<M[K]>) => createElement(current, props)
  return Object.assign(View, { preload })
}

/** Starts fetching the views once the first screen is painted and the window has nothing else to do. */
export function preloadWhenIdle(views: ReadonlyArray<{ preload(): Promise<unknown> }>): () => void {
  const start = () => {
    for (const v of views) v.preload().catch(() => undefined)
  }
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(start, { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(start, 200)
  return () => clearTimeout(id)
}

/** What the middle pane shows while a view's code loads. */
export function ViewLoading({ label }: { label: string }) {
  return (
    <main className="article-pane" aria-label={label} aria-busy="true">
      <div className="article-scroll">
        <p className="empty-state centered view-loading" role="status">
          Opening {label.toLowerCase()}…
        </p>
      </div>
    </main>
  )
}

/** What stands where lazily loaded code could not be fetched (the app's files damaged or replaced). */
export const LOAD_FAILED = 'could not be opened because part of the app failed to load. Go back and try again; if it fails again, reinstall Intel Notebook.'

/** Shows `failed` instead of children whose code could not be loaded; remounting (a new key) tries again. */
export class LoadBoundary extends Component<{ failed: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(): void {
    forgetFailedLoads()
  }

  override render() {
    return this.state.failed ? this.props.failed : this.props.children
  }
}

/** The middle pane of a view that could not be loaded. */
export function ViewLoadFailed({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <main className="article-pane" aria-label={label}>
      <div className="article-scroll">
        <div className="empty-state centered" role="alert">
          <p>
            {label} {LOAD_FAILED}
          </p>
          <button type="button" className="button" onClick={onClose}>
            Back to the article
          </button>
        </div>
      </div>
    </main>
  )
}
