import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { COMMANDS } from '../../src-main/shared/commands'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices } from '../../src-main/core/services/notebook-services'
import { Harness } from '../helpers/harness'

/** Issue 9 in Chromium: the command palette, the shortcuts sheet, view state across a reload, themes, notebooks. */

const library = (page: Page) => page.getByRole('complementary', { name: 'Library' })
const panel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' })
const palette = (page: Page) => page.getByRole('combobox', { name: 'Command' })
const options = (page: Page) => page.getByRole('listbox', { name: 'Commands' }).getByRole('option')

/** Opens the palette from the keyboard, types, and runs the first match with Enter. */
async function fromPalette(page: Page, query: string, expectFirst?: string | RegExp): Promise<void> {
  await page.keyboard.press('Control+k')
  await palette(page).fill(query)
  if (expectFirst) await expect.poll(() => options(page).first().textContent()).toMatch(expectFirst)
  await page.keyboard.press('Enter')
  await expect.poll(() => palette(page).count()).toBe(0)
}

/** Selects an exact phrase of the article body, as a drag with the mouse would. */
async function selectText(page: Page, phrase: string): Promise<void> {
  await page.locator('.article-body').evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(text)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + text.length)
      ;(root as HTMLElement).focus()
      const sel = getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      return
    }
    throw new Error(`"${text}" is not in one text node of the article`)
  }, phrase)
}

describe('every menu command from the command palette', () => {
  let h: Harness
  let page: Page
  let sampleId: string

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    sampleId = h.services.listArticles()[0]!.id
    await h.services.createArticle({ title: 'Second report', text: 'The ministry denied that troops had crossed the river on Monday.' })
    page = await h.newPage()
    await page.locator('.article-body').first().waitFor()
  })
  afterAll(async () => {
    await h?.close()
  })

  async function openSample(): Promise<void> {
    if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape')
    await library(page).getByRole('button', { name: /^Sample:/ }).click()
    await page.locator('.article-body mark').first().waitFor()
  }

  it('lists every command of the menu by its label, with its chord', async () => {
    await page.keyboard.press('Control+k')
    const listed = await options(page).allTextContents()
    for (const c of COMMANDS.filter((c) => c.id !== 'command-palette')) {
      expect(listed.some((o) => o.startsWith(c.menu) && o.includes(c.label)), `${c.menu} › ${c.label}`).toBe(true)
    }
    expect(listed.filter((o) => o.startsWith('Theme'))).toHaveLength(3)
    expect(listed.some((o) => o.includes('Zoom In'))).toBe(true)
    await palette(page).fill('xyzzy')
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing matches “xyzzy”' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
  })

  // Each command's effect, run from the palette: together these cover the whole command list.
  const effects: Record<string, () => Promise<void>> = {
    'new-article': async () => {
      await fromPalette(page, 'new article', /New Article/)
      await expect.poll(() => page.getByRole('form', { name: 'New article' }).count()).toBe(1)
      await page.getByRole('button', { name: /Cancel/ }).click()
    },
    import: async () => {
      h.pendingImportFiles = [{ name: 'wire.txt', bytes: new TextEncoder().encode('Wire copy\n\nPort officials said two ships left at dawn.') }]
      await fromPalette(page, 'import', /Import Articles/)
      await expect.poll(() => library(page).textContent()).toContain('Wire copy')
    },
    export: async () => {
      await fromPalette(page, 'export', /Export…/)
      await expect.poll(() => page.getByRole('main', { name: 'Export' }).count()).toBe(1)
    },
    'new-notebook': async () => {
      // The fake native dialog is cancelled: nothing changes and nothing complains.
      await fromPalette(page, 'new notebook', /New Notebook/)
      await expect.poll(() => library(page).textContent()).toContain('Second report')
    },
    'open-notebook': async () => {
      await fromPalette(page, 'open notebook', /Open Notebook/)
      await expect.poll(() => page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0)
    },
    'switch-notebook': async () => {
      await fromPalette(page, 'switch notebook', /Switch Notebook/)
      await expect.poll(() => page.getByRole('listbox', { name: 'Notebooks' }).count()).toBe(1)
      await expect.poll(() => page.getByText('No other notebook has been opened yet').count()).toBe(1)
      await page.keyboard.press('Escape')
    },
    'show-notebook-folder': async () => {
      const before = h.shownNotebookFolder
      await fromPalette(page, 'show notebook folder', /Show Notebook Folder/)
      await expect.poll(() => h.shownNotebookFolder).toBe(before + 1)
    },
    'restore-backup': async () => {
      await fromPalette(page, 'restore', /Restore…/)
      const dialog = page.getByRole('dialog', { name: 'Restore from a backup' })
      await expect.poll(() => dialog.getByRole('radio').count()).toBeGreaterThan(0)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
    },
    'notebook-protection': async () => {
      await fromPalette(page, 'passphrase', /Passphrase Protection/)
      await page.getByRole('dialog', { name: 'Protect notebook with a passphrase' }).waitFor()
      await page.keyboard.press('Escape')
      await page.getByRole('dialog', { name: 'Protect notebook with a passphrase' }).waitFor({ state: 'detached' })
    },
    'find-in-notebook': async () => {
      await fromPalette(page, 'find', /Find in Notebook/)
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.placeholder)).toBe('Search the notebook…')
    },
    'tag-claim': async () => {
      await openSample()
      await selectText(page, 'The service told lawmakers')
      await fromPalette(page, 'claim', /Tag as Claim/)
      await expect.poll(() => page.locator('.article-body mark[data-kind="claim"]', { hasText: 'The service told lawmakers' }).count()).toBe(1)
    },
    'tag-source': async () => {
      await openSample()
      await selectText(page, 'lawmakers')
      await fromPalette(page, 'tag source', /Tag as Source/)
      await expect.poll(() => page.locator('.article-body mark[data-kind="source"]', { hasText: 'lawmakers' }).count()).toBe(1)
    },
    'tag-question': async () => {
      await openSample()
      await selectText(page, 'closed briefing')
      await fromPalette(page, 'tag question', /Tag as Question/)
      await expect.poll(() => page.locator('.article-body mark[data-kind="question"]', { hasText: 'closed briefing' }).count()).toBe(1)
    },
    'next-annotation': async () => {
      await openSample()
      await fromPalette(page, 'next annotation', /Next Annotation/)
      await expect.poll(() => panel(page).locator('.annotation-row[aria-current="true"]').count()).toBe(1)
    },
    'previous-annotation': async () => {
      const before = await panel(page).locator('.annotation-row[aria-current="true"]').textContent()
      await fromPalette(page, 'previous annotation', /Previous Annotation/)
      await expect.poll(() => panel(page).locator('.annotation-row[aria-current="true"]').textContent()).not.toBe(before)
    },
    'toggle-library': async () => {
      await fromPalette(page, 'toggle library', /Toggle Library/)
      await expect.poll(() => library(page).count()).toBe(0)
      await page.keyboard.press('Control+\\')
      await expect.poll(() => library(page).count()).toBe(1)
    },
    'toggle-panel': async () => {
      await fromPalette(page, 'annotation panel', /Toggle Annotation Panel/)
      await expect.poll(() => panel(page).count()).toBe(0)
      // The chord arrives as "|" with Shift held; it still toggles.
      await page.keyboard.press('Control+Shift+Backslash')
      await expect.poll(() => panel(page).count()).toBe(1)
    },
    'cycle-theme': async () => {
      await fromPalette(page, 'switch theme', /Switch Theme/)
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).toBe('light')
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Theme: Light' }).count()).toBe(1)
      await fromPalette(page, 'follow system', /Follow System/)
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).toBe('system')
    },
    shortcuts: async () => {
      await fromPalette(page, 'keyboard shortcuts', /Keyboard Shortcuts/)
      await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
    },
  }

  it('has an effect to check for every command', () => {
    expect(Object.keys(effects).sort()).toEqual(COMMANDS.map((c) => c.id).filter((id) => id !== 'command-palette').sort())
  })

  for (const c of COMMANDS.filter((c) => c.id !== 'command-palette')) {
    it(`runs ${c.menu} › ${c.label}`, async () => {
      await effects[c.id]!()
    })
  }

  it('runs the zoom and full-screen roles through main', async () => {
    await fromPalette(page, 'zoom in', /Zoom In/)
    await fromPalette(page, 'full screen', /Toggle Full Screen/)
    await expect.poll(() => h.windowActions).toEqual(['zoom-in', 'toggle-full-screen'])
  })

  it('hands focus back to where it was when the palette closes', async () => {
    await openSample()
    await page.locator('.article-body').click()
    await page.keyboard.press('Control+k')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
  })
})

describe('the window after a reload', () => {
  let h: Harness

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}: port officials said the convoy moved at night and the ministry denied it.`).join('\n\n')
    await h.services.createArticle({ title: 'Long wire report', text: long })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('reopens the article that was open, scrolled where it was, with the panes as they were', async () => {
    const page = await h.newPage()
    await library(page).getByRole('button', { name: /Long wire report/ }).click()
    await page.getByText('Paragraph 60').waitFor()
    const edge = library(page).getByRole('separator', { name: 'Resize library' })
    await edge.focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => edge.getAttribute('aria-valuenow')).toBe('344')
    await page.keyboard.press('Control+Shift+Backslash')
    await expect.poll(() => panel(page).count()).toBe(0)
    await page.locator('.article-pane .article-scroll').evaluate((el) => (el.scrollTop = 900))
    await expect.poll(() => h.settings.value.places[h.storeDir]?.scroll, { timeout: 5000 }).toBe(900)
    await expect.poll(() => h.settings.value.panes).toEqual({ library: { width: 344, collapsed: false }, annotations: { width: 360, collapsed: true } })

    await page.reload()
    await page.getByText('Paragraph 60').waitFor()
    await expect.poll(() => page.locator('.article-pane .article-scroll').evaluate((el) => el.scrollTop)).toBe(900)
    expect(await library(page).getByRole('separator', { name: 'Resize library' }).getAttribute('aria-valuenow')).toBe('344')
    expect(await panel(page).count()).toBe(0)
    expect(await page.title()).toBe(`Long wire report — ${basename(h.storeDir)} — Intel Notebook`)
  })
})

describe('themes', () => {
  let h: Harness

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
  })
  afterAll(async () => {
    await h?.close()
  })

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

  it('follows the OS until the analyst picks one, and keeps the choice across a reload', async () => {
    const page = await h.newPage(undefined, 'dark')
    await page.locator('.article-body mark').first().waitFor()
    expect(await background(page)).toBe('rgb(28, 28, 30)')
    await fromPalette(page, 'theme light', /Theme.*Light/)
    await expect.poll(() => background(page)).toBe('rgb(251, 251, 249)')
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('mark.anno-claim')!).backgroundColor)).toBe('rgba(0, 114, 178, 0.13)')
    await expect.poll(() => h.settings.value.theme).toBe('light')
    await page.reload()
    await page.locator('.article-body mark').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    expect(await background(page)).toBe('rgb(251, 251, 249)')

    await page.keyboard.press('Control+Shift+T')
    await expect.poll(() => background(page)).toBe('rgb(28, 28, 30)')
    await expect.poll(() => h.settings.value.theme).toBe('dark')
    await page.keyboard.press('Control+Shift+T')
    await expect.poll(() => h.settings.value.theme).toBe('system')
    // Back to following the OS, which this page says is dark.
    expect(await background(page)).toBe('rgb(28, 28, 30)')
  })

  it('answers a theme picked in the View menu', async () => {
    const page = await h.newPage(undefined, 'light')
    await page.locator('.article-body mark').first().waitFor()
    await h.emit(page, 'onMenuCommand', { command: 'theme-dark' })
    await expect.poll(() => background(page)).toBe('rgb(28, 28, 30)')
    await expect.poll(() => h.settings.value.theme).toBe('dark')
  })
})

describe('keyboard only', () => {
  let h: Harness

  beforeAll(async () => {
    h = await Harness.start()
    await h.services.createArticle({ title: 'Harbour report', text: 'Port officials said two ships left the harbour at dawn. Nobody confirmed it.' })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('tags a claim without the mouse: Tab to the text, select with Shift+arrows, press the chord', async () => {
    const page = await h.newPage()
    await page.locator('.article-body').getByText('Port officials').waitFor()
    let reached = false
    const unmarked: string[] = []
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab')
      const step = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return { text: false, visible: true, name: 'body' }
        const style = getComputedStyle(el)
        // A visible focus: an outline, or a ring drawn with a box shadow.
        const text = !!el.closest('.article-body') && el.isContentEditable
        // The article text shows focus by its caret, as every text editor does.
        const visible = text || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
        return { text, visible, name: el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? el.tagName }
      })
      if (!step.visible) unmarked.push(step.name)
      reached = step.text
    }
    expect(reached, 'Tab reaches the article text').toBe(true)
    expect(unmarked, 'every control Tab stops on shows its focus').toEqual([])

    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 'Port officials said '.length; i++) await page.keyboard.press('ArrowRight')
    for (let i = 0; i < 'two ships left the harbour at dawn'.length; i++) await page.keyboard.press('Shift+ArrowRight')
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('two ships left the harbour at dawn')
    // The editor reads the selection on the browser's selectionchange, a moment after the key: as it would for a person.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    await page.keyboard.press('Control+Shift+C')

    await expect.poll(() => page.locator('.article-body mark[data-kind="claim"]').textContent()).toBe('two ships left the harbour at dawn')
    await expect.poll(async () => (await h.services.getArticle(h.services.listArticles()[0]!.id)).annotations.map((a) => `${a.kind}:${a.anchor.exact}`)).toEqual(['claim:two ships left the harbour at dawn'])
    // Screen readers hear the kind of the tagged text, not just "highlight".
    expect(await page.locator('.article-body mark[data-kind="claim"]').getAttribute('aria-description')).toBe('claim')
  })
})

describe('notebooks', () => {
  let h: Harness
  let other: string

  beforeAll(async () => {
    h = await Harness.start({ seed: true })
    other = join(await mkdtemp(join(tmpdir(), 'intel-notebook-e2e-other-')), 'Ports case')
    const store = await NotebookStore.open(other, { holder: 'e2e' })
    await createServices(store).createArticle({ title: 'Harbour traffic', text: 'Two ships left the harbour at dawn, officials said.' })
    await store.close()
  })
  afterAll(async () => {
    await h?.close()
    await rm(join(other, '..'), { recursive: true, force: true })
  })

  it('switches to a recent notebook from the palette: the window reloads on it and says which one it is', async () => {
    const page = await h.newPage()
    await page.locator('.article-body mark').first().waitFor()
    const home = h.storeDir
    expect(await page.title()).toMatch(new RegExp(`^Sample: .* — ${basename(home)} — Intel Notebook$`))
    h.recentNotebooks = [other]

    await page.keyboard.press('Control+Shift+R')
    await expect.poll(() => page.getByRole('listbox', { name: 'Notebooks' }).getByRole('option').first().textContent()).toContain('Switch to Ports case')
    expect(await page.getByRole('listbox', { name: 'Notebooks' }).textContent()).toContain(other)
    await page.keyboard.press('Enter')

    await expect.poll(() => h.storeDir).toBe(other)
    await expect.poll(() => library(page).textContent(), { timeout: 10000 }).toContain('Harbour traffic')
    await expect.poll(() => page.title()).toBe('Harbour traffic — Ports case — Intel Notebook')
    expect(await library(page).textContent()).not.toContain('Sample:')
    expect(h.recentNotebooks[0]).toBe(home)
  })

  it('reports a notebook export the OS opened with the app like any import, including one waiting from launch', async () => {
    const page = h.pages.at(-1)!
    h.openedFiles = [{ name: 'From the desk.json', status: 'failed', reason: 'The file could not be read (EACCES).' }]
    await page.reload()
    const report = page.getByRole('status', { name: 'Import result' })
    await expect.poll(() => report.textContent()).toContain('From the desk.json')
    expect(await report.textContent()).toContain('The file could not be read (EACCES).')
    expect(h.openedFiles).toEqual([])
    await report.getByRole('button', { name: 'Dismiss import result' }).click()

    h.openedFiles = [{ name: 'Second bundle.json', status: 'failed', reason: 'The file is over 50 MB; it was not imported.' }]
    await h.emit(page, 'onFilesOpened', {})
    await expect.poll(() => page.getByRole('status', { name: 'Import result' }).textContent()).toContain('Second bundle.json')
  })

  it('shows an error where the analyst looks when a notebook cannot be opened, and stays put', async () => {
    const page = h.pages.at(-1)!
    h.recentNotebooks = ['/nonexistent/Gone case']
    const before = h.storeDir
    await page.keyboard.press('Control+Shift+R')
    // The list is asked of main when the palette opens; Enter before it is there would choose nothing.
    await expect.poll(() => page.getByRole('listbox', { name: 'Notebooks' }).getByRole('option').first().textContent()).toContain('Gone case')
    await page.keyboard.press('Enter')
    // The harness's switch refuses an unknown folder the way main does: with one sentence.
    await expect.poll(() => page.locator('.toast-error').textContent(), { timeout: 10000 }).toMatch(/There is no notebook at \/nonexistent\/Gone case/)
    expect(await page.getByRole('alert').filter({ hasText: 'Gone case' }).count()).toBe(1)
    expect(h.storeDir).toBe(before)
  })
})
