import { USER_ERROR_PREFIX } from '../../src-main/shared/ipc-contract'

/**
 * Errors cross IPC as plain messages that Electron wraps ("Error invoking remote method 'x': Error: ...").
 * Messages written for the analyst carry USER_ERROR_PREFIX; everything before it is transport noise.
 */
export function userMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : ''
  const at = raw.indexOf(USER_ERROR_PREFIX)
  if (at !== -1) return ensureSentence(raw.slice(at + USER_ERROR_PREFIX.length).trim())
  const cleaned = raw
    .replace(/^Error invoking remote method '[^']*':\s*/, '')
    .replace(/^(?:[A-Za-z]*Error:\s*)+/, '')
    .trim()
  if (!cleaned) return 'Something went wrong. Try again; your text is still here.'
  return ensureSentence(cleaned)
}

function ensureSentence(s: string): string {
  if (!s) return s
  const first = s[0]!.toUpperCase() + s.slice(1)
  return /[.!?…]$/.test(first) ? first : `${first}.`
}
