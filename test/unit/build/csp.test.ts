import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { devCsp, relaxCspForDev } from '../../../electron.vite.config'

const source = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8')
const builtPath = new URL('../../../out/renderer/index.html', import.meta.url)
const built = existsSync(builtPath) ? readFileSync(builtPath, 'utf8') : null

function policyOf(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
  if (!m) throw new Error('no CSP meta tag')
  return new Map(m[1]!.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [name, ...values] = d.split(/\s+/); return [name!, values] }))
}

/** DESIGN rule 9 on what ships: the built page (`npm test` builds first). */
describe.skipIf(!built)('the built renderer page (out/renderer/index.html)', () => {
  it('keeps the strict policy: scripts and styles only from the app, no eval, no inline code', () => {
    const csp = policyOf(built!)
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(built).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/)
    expect(built).not.toMatch(/ws:|localhost|127\.0\.0\.1/)
  })

  it('holds no inline script or style: every script is a file of the app', () => {
    const scripts = [...built!.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/)
      expect(body!.trim()).toBe('')
    }
    const markup = built!.replace(/<!--[\s\S]*?-->/g, '')
    expect(markup).not.toMatch(/<style\b|\sstyle="|\son[a-z]+=/i)
  })
})

describe('the dev-server policy', () => {
  const dev = policyOf((devCsp().transformIndexHtml as (html: string) => string)(source))

  it('allows what Vite injects while serving: inline preamble and styles, the HMR socket', () => {
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(dev.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'ws://localhost:*']))
    expect([...dev.values()].flat()).not.toContain("'unsafe-eval'")
    expect(dev.get('object-src')).toEqual(["'none'"])
  })

  it('applies to the dev server only, never to a build', () => {
    expect(devCsp().apply).toBe('serve')
    expect(relaxCspForDev("script-src 'self' 'unsafe-inline'")).toBe("script-src 'self' 'unsafe-inline'")
  })
})
