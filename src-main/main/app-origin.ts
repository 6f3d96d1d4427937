/**
 * Where the window's own pages come from, and the one test of "is this URL ours" that the navigation guard,
 * the network filter and the IPC sender check all share. No electron import, so it is tested directly.
 */
import { isAbsolute, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export type AppOrigin =
  /** Production: the built renderer on disk, loaded with loadFile. */
  | { kind: 'file'; rendererDir: string; indexUrl: string }
  /** `electron-vite dev`: the Vite dev server, e.g. http://localhost:5173. */
  | { kind: 'dev'; origin: string; url: string }

/**
 * The dev server only counts when electron-vite set it and the app is not packaged, and only on loopback:
 * a stray environment variable must never point a packaged app at a remote page.
 */
export function resolveAppOrigin(opts: { rendererDir: string; devUrl?: string; packaged: boolean }): AppOrigin {
  if (opts.devUrl && !opts.packaged) {
    const url = new URL(opts.devUrl)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)) return { kind: 'dev', origin: url.origin, url: url.href }
  }
  return { kind: 'file', rendererDir: opts.rendererDir, indexUrl: pathToFileURL(join(opts.rendererDir, 'index.html')).href }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** The app's one page: the only document allowed to live in the window and to talk to main. */
export function isAppPage(raw: string, app: AppOrigin): boolean {
  const url = parse(raw)
  if (!url) return false
  if (app.kind === 'dev') return url.origin === app.origin
  if (url.protocol !== 'file:' || url.host !== '') return false
  url.hash = ''
  url.search = ''
  return url.href === app.indexUrl
}

/**
 * Requests the renderer may make: the app's own files (anything under out/renderer) or the dev server,
 * including its HMR websocket. data: and blob: stay in the page and never reach the network; devtools: is
 * Chromium's own tooling. Everything else, file:// outside the renderer folder included, is refused.
 */
export function isAllowedRequest(raw: string, app: AppOrigin): boolean {
  const url = parse(raw)
  if (!url) return false
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true
  if (app.kind === 'dev') {
    const dev = new URL(app.origin)
    if (url.protocol === 'ws:' || url.protocol === 'wss:') return url.host === dev.host
    return url.origin === app.origin
  }
  if (url.protocol !== 'file:' || url.host !== '') return false
  let path: string
  try {
    path = fileURLToPath(url)
  } catch {
    return false
  }
  const rel = relative(app.rendererDir, path)
  return rel !== '' && !isAbsolute(rel) && rel.split(/[\\/]/)[0] !== '..'
}
