/**
 * The window shows what adversaries publish. These guards keep a hostile article from leaving the app page,
 * opening windows, asking for permissions or fetching anything (DESIGN rule 9, issue 8's Electron checklist).
 */
import type { Session, WebContents } from 'electron'
import { isAllowedRequest, isAppPage, type AppOrigin } from './app-origin'
import { externalUrl } from './ipc/handlers'

/** The policy of src-renderer/index.html's meta tag, sent again as a header for the built pages. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"

/** The spellchecker's dictionaries are kept off the network by spellcheck.ts. */
export function hardenSession(ses: Session, app: AppOrigin): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)

  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, app)
    if (!allowed) console.warn(`[security] blocked a ${details.resourceType} request to ${details.url}`)
    callback({ cancel: !allowed })
  })

  // Vite's dev server injects an inline React-refresh preamble, so the header is for the built app only;
  // the meta tag still applies in both.
  if (app.kind === 'file') {
    ses.webRequest.onHeadersReceived((details, callback) => {
      if (!isAppPage(details.url, app)) return callback({})
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    })
  }
}

/** Opens a link outside the app after the analyst confirms; the same path as the openExternal channel. */
export type OpenLink = (url: string) => Promise<unknown>

export function guardWebContents(contents: WebContents, app: AppOrigin, openLink: OpenLink): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (isAppPage(url, app)) return
    event.preventDefault()
    console.warn(`[security] blocked navigation to ${url}`)
  }
  contents.on('will-navigate', (event, url) => stayHome(event, url))
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url))
  contents.on('will-redirect', (event, url) => stayHome(event, url))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    console.warn('[security] blocked a <webview>')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (externalUrl(url)) void openLink(url).catch((err: unknown) => console.error('[security] opening a link failed', err))
    else console.warn(`[security] blocked window.open of ${url}`)
    return { action: 'deny' }
  })
}
