import { existsSync } from 'node:fs'
import { UserError } from '../errors'
import type { PdfRenderer } from './index'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']

/** The Chromium to print with: CHROMIUM_PATH when set, else the usual system locations. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH?.trim()
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

/**
 * PDF from the command line: the export's HTML printed by a system Chromium through playwright-core, in a
 * context with JavaScript disabled and no network (the page is set as content, never loaded from a URL).
 * Nothing from content reaches Chromium's command line.
 */
export function chromiumPdfRenderer(executablePath = findChromium()): PdfRenderer {
  return async (html) => {
    if (!executablePath) {
      throw new UserError('PDF export needs Chromium, and none was found; install it (on Debian or Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its binary, then run the export again.')
    }
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
      const page = await context.newPage()
      await page.route('**/*', (route) => route.abort())
      await page.setContent(html, { waitUntil: 'load' })
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' }))
    } finally {
      await browser.close()
    }
  }
}
