import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebContents, fakeEvent, resetElectron, session } from './stub-electron'

vi.mock('electron', () => import('./stub-electron'))
const { guardWebContents, hardenSession, CONTENT_SECURITY_POLICY } = await import('../../../src-main/main/security')
const { resolveAppOrigin } = await import('../../../src-main/main/app-origin')

const rendererDir = '/app/out/renderer'
const prod = resolveAppOrigin({ rendererDir, packaged: true })
const appPage = pathToFileURL(`${rendererDir}/index.html`).href

function guarded() {
  const contents = new FakeWebContents()
  const openLink = vi.fn(async (_url: string) => ({ opened: true }))
  guardWebContents(contents as never, prod, openLink)
  return { contents, openLink }
}

beforeEach(() => {
  resetElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('navigation guards', () => {
  const foreign = ['https://evil.example/', 'file:///tmp/x.html', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'smb://host/share']

  it.each(foreign)('blocks will-navigate, will-frame-navigate and will-redirect to %s', (url) => {
    const { contents } = guarded()
    const nav = fakeEvent()
    contents.emit('will-navigate', nav, url)
    const frame = fakeEvent({ url })
    contents.emit('will-frame-navigate', frame)
    const redirect = fakeEvent()
    contents.emit('will-redirect', redirect, url)
    expect([nav.defaultPrevented, frame.defaultPrevented, redirect.defaultPrevented]).toEqual([true, true, true])
  })

  it('lets the app page reload itself', () => {
    const { contents } = guarded()
    const nav = fakeEvent()
    contents.emit('will-navigate', nav, `${appPage}#/library`)
    expect(nav.defaultPrevented).toBe(false)
  })

  it('never attaches a <webview>', () => {
    const { contents } = guarded()
    const e = fakeEvent()
    contents.emit('will-attach-webview', e, {}, { src: appPage })
    expect(e.defaultPrevented).toBe(true)
  })
})

describe('window.open', () => {
  it.each(['https://example.com/a', 'http://example.com/', 'mailto:desk@example.com'])('denies %s and routes it to the confirm-and-open path', (url) => {
    const { contents, openLink } = guarded()
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    expect(openLink).toHaveBeenCalledWith(url)
  })

  it.each(['file:///etc/passwd', 'smb://server/share', '\\\\server\\share\\x.exe', 'javascript:alert(1)', 'myapp://run', 'data:text/html,x', appPage])(
    'denies %s without offering to open it',
    (url) => {
      const { contents, openLink } = guarded()
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
      expect(openLink).not.toHaveBeenCalled()
    },
  )
})

describe('the session', () => {
  it('denies every permission request and check', () => {
    hardenSession(session.defaultSession as never, prod)
    const ses = session.defaultSession
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn()
      ses.permissionRequestHandler!({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(ses.permissionCheckHandler!({}, permission, appPage, {})).toBe(false)
    }
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false)
  })

  it('cancels every request that is not the app’s own files', () => {
    hardenSession(session.defaultSession as never, prod)
    const decide = (url: string) => {
      const callback = vi.fn()
      session.defaultSession.beforeRequest!({ url, resourceType: 'image' }, callback)
      return callback.mock.calls[0]![0]
    }
    expect(decide(`${rendererDir.replace(/^/, 'file://')}/assets/app.js`)).toEqual({ cancel: false })
    expect(decide('https://tracker.example/p.gif')).toEqual({ cancel: true })
    expect(decide('file:///home/analyst/.ssh/id_rsa')).toEqual({ cancel: true })
  })

  it('adds the CSP header to the app page only', () => {
    hardenSession(session.defaultSession as never, prod)
    const onPage = vi.fn()
    session.defaultSession.headersReceived!({ url: appPage, responseHeaders: { A: ['1'] } }, onPage)
    expect(onPage).toHaveBeenCalledWith({ responseHeaders: { A: ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    const other = vi.fn()
    session.defaultSession.headersReceived!({ url: `${rendererDir.replace(/^/, 'file://')}/assets/app.js`, responseHeaders: {} }, other)
    expect(other).toHaveBeenCalledWith({})
  })

  it('sends no CSP header in dev, where Vite needs its inline preamble', () => {
    hardenSession(session.defaultSession as never, resolveAppOrigin({ rendererDir, devUrl: 'http://localhost:5173', packaged: false }))
    expect(session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled()
  })
})

describe('the CSP header', () => {
  it('forbids eval and inline script', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/)
  })

  it('is the same policy as the renderer’s meta tag, so the two never tighten each other into a broken page', () => {
    const html = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const norm = (p: string) => p.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean).sort()
    expect(meta).toBeDefined()
    expect(norm(CONTENT_SECURITY_POLICY)).toEqual(norm(meta!))
  })
})
