/**
 * What "nothing happened" means in a browser page, measured: the `__pwned` canary, the page's URL, dialogs,
 * popups and any request that leaves the harness's origin. Also a structural read of rendered DOM, so a test
 * sees a dangerous element or attribute even where the CSP would have stopped it from acting.
 */
import type { Locator, Page } from 'playwright-core'
import { isSafeHref } from './corpus'

export interface Effects {
  /** Everything observed that a hostile page could have caused; empty when nothing happened. */
  list(): Promise<string[]>
}

/** Starts watching now; `startUrl` is where the page is meant to stay (the page's URL unless given). */
export function watchEffects(page: Page, startUrl = page.url()): Effects {
  const origin = new URL(startUrl).origin
  const observed: string[] = []
  page.on('dialog', (d) => {
    observed.push(`dialog: ${d.type()} ${d.message()}`)
    void d.dismiss().catch(() => {})
  })
  page.on('popup', (p) => observed.push(`popup: ${p.url()}`))
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && f.url() !== startUrl && !sameDocument(f.url(), startUrl)) observed.push(`navigated: ${f.url()}`)
  })
  page.on('request', (r) => {
    const url = r.url()
    if (url.startsWith('data:') || url.startsWith('blob:')) return
    if (new URL(url).origin !== origin) observed.push(`request: ${url}`)
  })
  return {
    async list() {
      const canary = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch((e: Error) => `page gone: ${e.message}`)
      const url = page.url()
      return [
        ...(canary === undefined ? [] : [`canary: ${String(canary)}`]),
        ...(sameDocument(url, startUrl) ? [] : [`url: ${url}`]),
        ...observed,
      ]
    },
  }
}

function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0]
}

/** Elements that have no business in rendered article content, in any of the app's editors or lists. */
const FORBIDDEN = 'script, iframe, frame, object, embed, applet, svg, math, form, input, textarea, select, meta, base, link, style, details, map, area, noscript, xmp, noembed, template, video, audio, source, picture'

/**
 * Dangerous structure under a root: forbidden elements, any on* attribute, a link, image or form URL the policy
 * refuses, an image with a source. `fragmentLinks` admits links within the page (an export's footnotes).
 * Returns one line per problem.
 */
export async function renderedProblems(root: Locator, options: { fragmentLinks?: boolean } = {}): Promise<string[]> {
  const found = await root.evaluateAll(
    (roots, forbidden) => {
      const out: { problems: string[]; urls: string[] } = { problems: [], urls: [] }
      for (const r of roots) {
        // An open shadow root (the export preview) is rendered content too.
        const inside = [...Array.from(r.querySelectorAll('*')), ...Array.from(r.shadowRoot?.querySelectorAll('*') ?? [])]
        for (const el of [r, ...inside]) {
          if (el !== r && el.matches(forbidden)) out.problems.push(`<${el.localName}>`)
          for (const attr of Array.from(el.attributes)) {
            if (/^on/i.test(attr.name)) out.problems.push(`${el.localName}[${attr.name}]`)
            if (['href', 'src', 'srcset', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc'].includes(attr.name)) {
              if (el.localName === 'a' && attr.name === 'href') out.urls.push(attr.value)
              else out.problems.push(`${el.localName}[${attr.name}=${attr.value}]`)
            }
          }
        }
      }
      return out
    },
    FORBIDDEN,
  )
  const unsafe = found.urls.filter((u) => !isSafeHref(u) && !(options.fragmentLinks && /^#[\w-]+$/.test(u)))
  return [...found.problems, ...unsafe.map((u) => `a[href=${u}]`)]
}

/** Clicks each link under the root as an analyst would, so a javascript: or data: link that survived would act. */
export async function clickLinks(root: Locator): Promise<number> {
  const links = root.locator('a')
  const n = await links.count()
  for (let i = 0; i < n; i++) await links.nth(i).click({ timeout: 2000 }).catch(() => {})
  return n
}

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms))
