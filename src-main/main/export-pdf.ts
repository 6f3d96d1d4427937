/**
 * PDF in the app: Electron's printToPDF of the export's self-contained HTML, in a hidden window that runs no
 * JavaScript, in a session of its own that may load nothing but that one file and is granted no permission.
 */
import { BrowserWindow, session } from 'electron'
import { HARDENED_PREFERENCES } from './window'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const PARTITION = 'intel-notebook-export-pdf'

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  // A file rather than a data: URL, which Chromium caps at 2 MB; the folder is private and removed at once.
  const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-pdf-'))
  const file = join(dir, 'export.html')
  const fileUrl = pathToFileURL(file).href
  const ses = session.fromPartition(PARTITION)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== fileUrl }))
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      ...HARDENED_PREFERENCES,
      spellcheck: false,
      partition: PARTITION,
    },
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 })
    await win.loadFile(file)
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, pageSize: 'A4' })
    return new Uint8Array(pdf)
  } finally {
    if (!win.isDestroyed()) win.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}
