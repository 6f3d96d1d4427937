/**
 * Retakes the README's screenshots of the main screens through the e2e harness (the built renderer in Chromium,
 * on the handler table main registers): the notebook with the sample article in light and dark, the command
 * palette and the shortcuts sheet.
 *
 *   npm run screenshots        (builds first)
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { caseFolder } from '../helpers/case-folder'

const OUT = resolve(import.meta.dirname, '../../resources/screenshots')
const VIEWPORT = { width: 1440, height: 900 }

async function ready(page: Page): Promise<void> {
  await page.locator('.article-body mark[data-kind="claim"]').first().waitFor()
  await page.locator('.annotation-row').first().waitFor()
  // The claim about troop numbers, selected in the panel, so its grades and links show in the detail.
  await page.locator('.annotation-row.row-claim').first().click()
  await page.locator('.annotation-detail').waitFor()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.waitForTimeout(300)
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true })
  // A notebook named and kept as an analyst would keep a case, so the title bar and status line read naturally.
  const folder = await caseFolder('Eastern Europe desk')
  const h = await Harness.start({ seed: true, storeDir: folder.storeDir })
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await h.newPage(VIEWPORT, scheme)
      await ready(page)
      await page.screenshot({ path: join(OUT, `main-${scheme}.png`) })
      if (scheme === 'light') {
        await page.keyboard.press('Control+k')
        await page.getByRole('combobox', { name: 'Command' }).fill('tag')
        await page.waitForTimeout(150)
        await page.screenshot({ path: join(OUT, 'palette-light.png') })
        await page.keyboard.press('Escape')
      } else {
        await page.keyboard.press('Control+/')
        // The sheet's code loads on first use; its loading dialog has the same name, so wait for the sheet itself.
        await page.locator('.shortcuts-sheet kbd').first().waitFor()
        await page.waitForTimeout(150)
        await page.screenshot({ path: join(OUT, 'shortcuts-dark.png') })
        await page.keyboard.press('Escape')
      }
      await page.context().close()
    }
    console.log(`screenshots written to ${OUT}`)
  } finally {
    await h.close()
    await folder.dispose()
  }
}

await main()
