import { memo, useEffect, useRef } from 'react'

/**
 * The export as it will print, inside a shadow root: its stylesheet (adopted, so the window's CSP needs no inline
 * style) cannot leak into the app, and the app's cannot change the preview. The HTML was escaped by the exporter
 * and sanitized by main; links in it are inert here because clicks are swallowed.
 */
export const ExportPreview = memo(function ExportPreview({ html, css }: { html: string; css: string }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = host.current
    if (!el) return
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' })
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(`${css}\n:host { display: block; } .export-doc { box-shadow: 0 1px 4px rgba(0,0,0,.15); margin: 16px auto; }`)
    root.adoptedStyleSheets = [sheet]
    const template = document.createElement('template')
    template.innerHTML = html
    root.replaceChildren(template.content)
  }, [html, css])
  return <div ref={host} className="export-preview" data-testid="export-preview" onClickCapture={(e) => e.preventDefault()} />
})
