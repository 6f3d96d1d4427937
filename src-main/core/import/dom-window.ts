import { createRequire } from 'node:module'
import type { JSDOM } from 'jsdom'

/**
 * jsdom takes over a second to load, so it is required on first use rather than imported: main's bundle would
 * otherwise load it before the window can appear. It is a CommonJS package, so a synchronous require keeps every
 * caller of the sanitizer synchronous.
 */
const requireCjs = createRequire(import.meta.url)

/**
 * One jsdom window for the whole import pipeline, created on first use: building a window costs far more than
 * parsing a page into a document of an existing one, and the sanitizer runs for every import and paste.
 * It never runs scripts or loads resources (jsdom's defaults, stated here so nobody turns them on by accident),
 * and documents made by its DOMParser never run scripts either.
 */
let shared: JSDOM['window'] | null = null

export function sharedWindow(): JSDOM['window'] {
  if (shared) return shared
  const { JSDOM, VirtualConsole } = requireCjs('jsdom') as typeof import('jsdom')
  shared = new JSDOM('<!DOCTYPE html><html><body></body></html>', {
    runScripts: undefined,
    resources: undefined,
    virtualConsole: new VirtualConsole(),
  }).window
  return shared
}

/** A full HTML page as an inert document. */
export function parsePage(html: string): Document {
  return new (sharedWindow().DOMParser)().parseFromString(html, 'text/html')
}
