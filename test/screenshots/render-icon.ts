/**
 * Renders the app icon from its SVG source (resources/icon.svg) with Chromium: resources/icon.png at 1024 px for
 * electron-builder (it derives the macOS .icns and the Windows .ico from it) and resources/icons/<n>x<n>.png,
 * the sizes Linux desktops pick from.
 *
 *   npm run icons
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { launchChromium } from '../helpers/chromium'

const RESOURCES = resolve(import.meta.dirname, '../../resources')
const SIZES = [512, 256, 128, 64, 48, 32, 16]

const svg = await readFile(join(RESOURCES, 'icon.svg'), 'utf8')
const browser = await launchChromium()
try {
  await mkdir(join(RESOURCES, 'icons'), { recursive: true })
  const targets = [{ size: 1024, path: join(RESOURCES, 'icon.png') }, ...SIZES.map((size) => ({ size, path: join(RESOURCES, 'icons', `${size}x${size}.png`) }))]
  for (const { size, path } of targets) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`)
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    await page.close()
  }
  console.log(`icons written to ${RESOURCES}`)
} finally {
  await browser.close()
}
