import type { Locator, Page } from 'playwright-core'

/**
 * Pastes as the system clipboard would: a real `paste` event carrying a DataTransfer, dispatched on the
 * focused editable, so the editor's own paste handling (and its sanitising) runs.
 */
export async function pasteInto(page: Page, target: Locator, data: Record<string, string>): Promise<void> {
  await target.click()
  await target.evaluate((el, items) => {
    const dt = new DataTransfer()
    for (const [type, value] of Object.entries(items)) dt.setData(type, value)
    const editable = (el.closest('[contenteditable="true"]') ?? el.querySelector('[contenteditable="true"]') ?? el) as HTMLElement
    editable.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, data)
  void page
}
