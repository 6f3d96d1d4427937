/**
 * A spy on shell.openExternal behind the openExternal channel of main's handler table, fed URLs a hostile article
 * can hold. test/unit/main/lifecycle.test.ts checks a fixed list through the whole app (window.open included);
 * this checks the space around it: whatever the string, the system is asked to open only a parsed http, https or
 * mailto URL, only the one the analyst confirmed, and only after the confirm.
 */
import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { createHandlers, externalUrl, type ShellDeps } from '../../src-main/main/ipc/handlers'
import { isUserError } from '../../src-main/core/errors'
import type { Services } from '../../src-main/core/services/notebook-services'

function spyShell(answer: boolean) {
  const log: Array<['confirm' | 'open', string]> = []
  const shell = {
    pickImportFiles: vi.fn(async () => []),
    confirmOpenExternal: vi.fn(async (url: string) => {
      log.push(['confirm', url])
      return answer
    }),
    openExternal: vi.fn(async (url: string) => void log.push(['open', url])),
    windowFlushed: vi.fn(),
    saveExport: vi.fn(async () => null),
    showInFolder: vi.fn(),
    printToPdf: vi.fn(async () => new Uint8Array()),
    exportProgress: vi.fn(),
    importProgress: vi.fn(),
  }
  const table = createHandlers(() => ({}) as Services, shell as unknown as ShellDeps)
  return { shell, log, open: (url: string) => table.openExternal({ url }) }
}

/** Schemes an attacker would like opened, each in the spellings browsers and shells forgive. */
const HOSTILE_SCHEMES = ['file', 'FILE', 'smb', 'javascript', 'JaVaScRiPt', 'vbscript', 'data', 'ms-msdt', 'search-ms', 'ms-officecmd', 'ms-word', 'intent', 'myapp', 'zoommtg', 'steam', 'jar', 'about', 'blob', 'ftp', 'telnet', 'ssh', 'x-apple-systempreferences', 'ms-settings']
const hostileUrl = fc.oneof(
  fc.tuple(fc.constantFrom(...HOSTILE_SCHEMES), fc.constantFrom(':', '://', ':///', ':\\\\', ' :'), fc.webPath(), fc.constantFrom('', ' ', '\t', '\n', '\u0000')).map(([s, sep, p, pad]) => `${pad}${s}${sep}host${p}`),
  fc.tuple(fc.constantFrom('\\\\', '//', '\\\\?\\UNC\\', '\\\\.\\'), fc.domain(), fc.webPath()).map(([pre, host, p]) => `${pre}${host}\\share${p.replace(/\//g, '\\')}`),
  fc.constantFrom('C:\\Windows\\System32\\calc.exe', '/etc/passwd', '~/.ssh/id_rsa', 'calc.exe', '', ' ', 'http://', 'https:', 'mailto', 'https://:443/'),
)
// An address's local part may hold '/', '|' or '?', which a mailto URL must percent-encode (RFC 6068).
const mailtoOf = (address: string) => {
  const at = address.lastIndexOf('@')
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`
}
const webUrl = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.emailAddress().map(mailtoOf))

describe('shell.openExternal', () => {
  it('is never called for a URL outside http, https and mailto, confirmed or not', async () => {
    const { shell, open } = spyShell(true)
    await fc.assert(
      fc.asyncProperty(hostileUrl, async (url) => {
        const error = await open(url).then(
          () => null,
          (e: unknown) => e,
        )
        expect(isUserError(error), `${JSON.stringify(url)} was not refused`).toBe(true)
      }),
      { numRuns: 300 },
    )
    expect(shell.confirmOpenExternal).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('gets, for any string at all, only a parsed web or mail URL, the very one confirmed, after the confirm', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(webUrl, hostileUrl, fc.string(), fc.string({ unit: 'binary' })), fc.boolean(), async (url, answer) => {
        const { shell, log, open } = spyShell(answer)
        const result = await open(url).catch(() => null)
        const opened = shell.openExternal.mock.calls.map((c) => c[0] as string)
        expect(opened.length).toBeLessThanOrEqual(1)
        for (const u of opened) {
          const parsed = new URL(u)
          expect(['http:', 'https:', 'mailto:']).toContain(parsed.protocol)
          if (parsed.protocol !== 'mailto:') expect(parsed.hostname).not.toBe('')
          expect(u).toBe(parsed.href)
          expect(log).toEqual([
            ['confirm', u],
            ['open', u],
          ])
          expect(answer).toBe(true)
          expect(result).toEqual({ opened: true })
        }
        if (!answer) expect(opened).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('opens a web or mail URL once the analyst agrees, never when they decline', async () => {
    await fc.assert(
      fc.asyncProperty(webUrl, async (url) => {
        const declined = spyShell(false)
        await expect(declined.open(url)).resolves.toEqual({ opened: false })
        expect(declined.shell.openExternal).not.toHaveBeenCalled()
        const agreed = spyShell(true)
        await expect(agreed.open(url)).resolves.toEqual({ opened: true })
        expect(agreed.shell.openExternal).toHaveBeenCalledExactlyOnceWith(externalUrl(url))
      }),
      { numRuns: 100 },
    )
  })

  it.each([
    'mailto:desk@example.org?attach=/etc/passwd',
    'mailto:desk@example.org?subject=x&ATTACH=%2Fhome%2Fanalyst%2F.ssh%2Fid_rsa',
    'mailto:desk@example.org?attachment=C:\\Users\\analyst\\notebook.json',
    'mailto:?to=desk@example.org&attach=file:///etc/shadow',
  ])('refuses a mail link that asks the mail program to attach a file: %s', async (url) => {
    const { shell, open } = spyShell(true)
    await expect(open(url)).rejects.toThrow(/attach/)
    expect(shell.confirmOpenExternal).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})
