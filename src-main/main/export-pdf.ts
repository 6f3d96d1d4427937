/**
 * PDF in the app: Electron's printToPDF of the export's self-contained HTML, in a hidden window that runs no
 * JavaScript. The HTML never touches the disk (a protected notebook's plaintext must not, temp files included):
 * the window lives in an in-memory session of its own, whose handler for a private scheme serves that one document
 * from memory and refuses every other request, and which is granted no permission.
 */
import { BrowserWindow, session, type Session } from 'electron'
import { randomUUID } from 'node:crypto'
import { HARDENED_PREFERENCES } from './window'

/** Without the `persist:` prefix Electron keeps the session, its cache included, in memory only. */
export const PRINT_PARTITION = 'intel-notebook-print'
export const PRINT_SCHEME = 'intel-notebook-print'

// One print at a time: the session has one handler for the scheme, serving one document.
let queue: Promise<unknown> = Promise.resolve()

export function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const run = queue.then(
    () => printOnce(html),
    () => printOnce(html),
  )
  queue = run.catch(() => {})
  return run
}

function printSession(): Session {
  const ses = session.fromPartition(PRINT_PARTITION)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  return ses
}

async function printOnce(html: string): Promise<Uint8Array> {
  // A fresh name per document, so nothing but this print's own load can ask for it.
  const url = `${PRINT_SCHEME}://document/${randomUUID()}`
  const ses = printSession()
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }))
  ses.protocol.handle(PRINT_SCHEME, (request) =>
    request.url === url && request.method === 'GET'
      ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
      : new Response(null, { status: 404 }),
  )
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      ...HARDENED_PREFERENCES,
      javascript: false,
      spellcheck: false,
      partition: PRINT_PARTITION,
    },
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  try {
    await win.loadURL(url)
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, pageSize: 'A4' })
    return new Uint8Array(pdf)
  } finally {
    if (!win.isDestroyed()) win.destroy()
    ses.protocol.unhandle(PRINT_SCHEME)
    ses.webRequest.onBeforeRequest(null)
    // The rendered document stays in the session's memory cache until cleared; clear it with the window.
    await ses.clearCache().catch(() => {})
    await ses.clearStorageData().catch(() => {})
  }
}
