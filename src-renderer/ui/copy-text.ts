/**
 * Puts text on the clipboard from a click. The async Clipboard API needs a permission the app's session denies
 * (every permission request is refused), so this answers the copy event the click starts instead.
 */
export function copyText(text: string): boolean {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text)
    e.preventDefault()
  }
  document.addEventListener('copy', onCopy)
  try {
    return document.execCommand('copy')
  } finally {
    document.removeEventListener('copy', onCopy)
  }
}
