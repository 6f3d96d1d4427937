import { describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import { isAllowedRequest, isAppPage, resolveAppOrigin } from '../../../src-main/main/app-origin'

const rendererDir = '/opt/Intel Notebook/out/renderer'
const prod = resolveAppOrigin({ rendererDir, packaged: true })
const dev = resolveAppOrigin({ rendererDir, devUrl: 'http://localhost:5173', packaged: false })
const index = pathToFileURL(`${rendererDir}/index.html`).href

describe('the app origin', () => {
  it('is the built index.html in production, even if a dev URL is set', () => {
    expect(prod).toEqual({ kind: 'file', rendererDir, indexUrl: index })
    expect(resolveAppOrigin({ rendererDir, devUrl: 'http://localhost:5173', packaged: true }).kind).toBe('file')
  })

  it('is the dev server only on loopback', () => {
    expect(dev).toMatchObject({ kind: 'dev', origin: 'http://localhost:5173' })
    expect(resolveAppOrigin({ rendererDir, devUrl: 'https://evil.example:5173', packaged: false }).kind).toBe('file')
    expect(resolveAppOrigin({ rendererDir, devUrl: 'file:///tmp/x.html', packaged: false }).kind).toBe('file')
  })
})

describe('isAppPage', () => {
  it('accepts the app page, with or without a hash or query', () => {
    expect(isAppPage(index, prod)).toBe(true)
    expect(isAppPage(`${index}#/article/1`, prod)).toBe(true)
    expect(isAppPage(`${index}?x=1`, prod)).toBe(true)
    expect(isAppPage('http://localhost:5173/', dev)).toBe(true)
  })

  it.each([
    'https://evil.example/',
    'file:///tmp/x.html',
    pathToFileURL(`${rendererDir}/other.html`).href,
    pathToFileURL(`${rendererDir}/../renderer-evil/index.html`).href,
    'file://attacker-host/share/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    'not a url',
  ])('refuses %s in production', (url) => {
    expect(isAppPage(url, prod)).toBe(false)
  })

  it('refuses other origins in dev, including other loopback ports', () => {
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPage('https://localhost:5173/', dev)).toBe(false)
    expect(isAppPage(index, dev)).toBe(false)
  })
})

describe('isAllowedRequest', () => {
  it('allows the renderer files and in-page data', () => {
    expect(isAllowedRequest(index, prod)).toBe(true)
    expect(isAllowedRequest(pathToFileURL(`${rendererDir}/assets/index-abc.js`).href, prod)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', prod)).toBe(true)
    expect(isAllowedRequest('blob:file:///1234', prod)).toBe(true)
  })

  it.each([
    'https://tracker.example/pixel.gif',
    'http://127.0.0.1:8080/',
    'ws://evil.example/',
    'file:///etc/passwd',
    pathToFileURL(`${rendererDir}/../main/index.js`).href,
    'file:///opt/Intel%20Notebook/out/renderer/..%2f..%2fsecret',
    'file://server/share/doc.html',
    'ftp://example.com/x',
    'chrome://gpu',
  ])('blocks %s in production', (url) => {
    expect(isAllowedRequest(url, prod)).toBe(false)
  })

  it('allows only the dev server and its HMR socket in dev', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:9999/', dev)).toBe(false)
    expect(isAllowedRequest('https://cdn.example/react.js', dev)).toBe(false)
    expect(isAllowedRequest('file:///etc/passwd', dev)).toBe(false)
  })
})
