import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Harness } from '../helpers/harness'
import { caseFolder, type CaseFolder } from '../helpers/case-folder'

/** The status line names the notebook's folder as the analyst's file manager would: home written as ~. */
describe('the notebook folder in the status line', () => {
  let folder: CaseFolder
  let h: Harness
  let page: Page

  beforeAll(async () => {
    folder = await caseFolder('Eastern Europe desk')
    h = await Harness.start({ seed: true, storeDir: folder.storeDir })
    page = await h.newPage()
  })
  afterAll(async () => {
    await h?.close()
    await folder?.dispose()
  })

  it('shows a folder under home from ~, with the whole path on hover', async () => {
    const path = page.locator('.status-line .notebook-path')
    await expect.poll(() => path.textContent()).toBe('~/Documents/Cases/Eastern Europe desk')
    expect(await path.getAttribute('title')).toBe(`Where this notebook is stored: ${folder.storeDir}`)
  })
})
