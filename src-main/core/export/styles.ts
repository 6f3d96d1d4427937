/**
 * The one stylesheet of the HTML export, the PDF (printed from that HTML) and the in-app preview (which adopts it
 * inside a shadow root, hence every rule hangs off `.export-doc`). Kinds differ in two ways so print in black and
 * white still tells them apart: the underline's style (solid, dotted, wavy) and a letter label (C, S, Q).
 */
export const KIND_STYLE = {
  // color: the underline, dark enough for WCAG 1.4.11's 3:1 on white and on the tint, as in the app's light theme.
  // ink: the same hue dark enough for text (the C1/S1/Q1 labels) to keep WCAG AA contrast on white, as in the app.
  claim: { color: '#0072B2', ink: '#005A8C', tint: 'rgba(0, 114, 178, 0.13)', underline: 'solid', label: 'Claim' },
  source: { color: '#AD7400', ink: '#8A5F00', tint: 'rgba(230, 159, 0, 0.20)', underline: 'dotted', label: 'Source' },
  question: { color: '#B45A8E', ink: '#9C4A7A', tint: 'rgba(204, 121, 167, 0.20)', underline: 'wavy', label: 'Question' },
} as const

const kindRules = Object.entries(KIND_STYLE)
  .map(
    ([kind, k]) => `
.export-doc .anno-${kind} { background: ${k.tint}; text-decoration-line: underline; text-decoration-style: ${k.underline}; text-decoration-color: ${k.color}; }
.export-doc .tag-${kind} { color: ${k.ink}; border-color: ${k.color}; }
.export-doc .kind-${kind} { border-left-color: ${k.color}; }`,
  )
  .join('')

export const EXPORT_CSS = `
.export-doc { --ink: #1b1f24; --muted: #5a6270; --rule: #d5d9de; --paper: #ffffff; --band: #f4f5f7;
  color: var(--ink); background: var(--paper); font: 10.5pt/1.55 Charter, "Bitstream Charter", "Sitka Text", Cambria, "DejaVu Serif", Georgia, serif;
  max-width: 48rem; margin: 0 auto; padding: 2rem 2.25rem 3rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.export-doc * { box-sizing: border-box; }
.export-doc h1, .export-doc h2, .export-doc h3, .export-doc h4, .export-doc h5, .export-doc h6,
.export-doc .caveat, .export-doc .doctype, .export-doc .meta, .export-doc table, .export-doc .chip, .export-doc .tag,
.export-doc .legend, .export-doc .signature, .export-doc .citation dt { font-family: system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
.export-doc .caveat { text-align: center; font-weight: 700; font-size: 9pt; letter-spacing: 0.08em; text-transform: uppercase;
  border: 1.5px solid var(--ink); padding: 0.25rem 0.5rem; margin: 0 0 1.5rem; }
.export-doc .caveat.bottom { margin: 2rem 0 0; }
.export-doc .doctype { margin: 0; color: var(--muted); font-size: 8.5pt; letter-spacing: 0.12em; text-transform: uppercase; }
.export-doc h1 { font-size: 21pt; line-height: 1.2; margin: 0.2rem 0 0.6rem; font-weight: 700; }
.export-doc h2 { font-size: 12.5pt; margin: 1.8rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1.5px solid var(--ink); text-transform: uppercase; letter-spacing: 0.04em; }
.export-doc h3 { font-size: 11pt; margin: 1.2rem 0 0.4rem; }
.export-doc h4, .export-doc h5, .export-doc h6 { font-size: 10.5pt; margin: 1rem 0 0.3rem; }
.export-doc .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0 0 1rem; font-size: 9pt; }
.export-doc .meta dt { color: var(--muted); }
.export-doc .meta dd { margin: 0; }
.export-doc .masthead { border-bottom: 3px double var(--ink); padding-bottom: 0.6rem; }
.export-doc .bluf { background: var(--band); border-left: 4px solid var(--ink); padding: 0.6rem 0.9rem; margin: 1rem 0; }
.export-doc .bluf h2 { border: 0; margin: 0 0 0.3rem; padding: 0; font-size: 9.5pt; }
.export-doc .bluf p { margin: 0 0 0.4rem; font-size: 11pt; }
.export-doc .bluf p:last-child { margin-bottom: 0; }
.export-doc p { margin: 0 0 0.6rem; }
.export-doc blockquote { margin: 0 0 0.6rem; padding-left: 0.9rem; border-left: 2px solid var(--rule); color: #30363d; }
.export-doc a { color: inherit; text-decoration-color: var(--muted); }
.export-doc table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.4; margin: 0.4rem 0 1rem; page-break-inside: auto; }
.export-doc thead { display: table-header-group; }
.export-doc tr { page-break-inside: avoid; break-inside: avoid; }
.export-doc th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--ink); padding: 0.3rem 0.4rem; vertical-align: bottom; }
.export-doc td { border-bottom: 1px solid var(--rule); padding: 0.4rem; vertical-align: top; }
.export-doc td.label { font-weight: 700; white-space: nowrap; }
.export-doc td .quote { font-family: Charter, "Bitstream Charter", Cambria, "DejaVu Serif", Georgia, serif; font-size: 9.5pt; }
.export-doc td .note { color: var(--muted); margin-top: 0.25rem; }
.export-doc .chip { display: inline-block; border: 1px solid var(--ink); border-radius: 3px; padding: 0 0.3rem; font-weight: 700; font-size: 8.5pt; }
.export-doc .muted { color: var(--muted); }
.export-doc .anno { color: inherit; text-decoration-thickness: 1.5px; text-underline-offset: 0.18em; text-decoration-skip-ink: none; border-radius: 2px; }
.export-doc .tag { font-size: 7pt; font-weight: 700; vertical-align: super; line-height: 0; margin-left: 1px; }
.export-doc .tag a { color: inherit; text-decoration: none; }
.export-doc .legend { font-size: 8.5pt; color: var(--muted); margin: 0.4rem 0 1rem; }
.export-doc .legend span.anno { margin-right: 0.9rem; color: var(--ink); }
.export-doc .notes li, .export-doc .refs li { margin-bottom: 0.45rem; font-size: 9pt; }
.export-doc .notes .kindline { font-family: system-ui, sans-serif; font-size: 8.5pt; font-weight: 600; }
.export-doc .citation { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.8rem; font-size: 8.5pt; margin: 0 0 1rem; padding: 0.5rem 0.7rem; background: var(--band); }
.export-doc .citation dt { color: var(--muted); }
.export-doc .citation dd { margin: 0; overflow-wrap: anywhere; }
.export-doc .hash { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
.export-doc .key { font-size: 8pt; color: var(--muted); columns: 2; column-gap: 1.5rem; }
.export-doc .key p { margin: 0 0 0.15rem; break-inside: avoid; }
.export-doc .signature { margin-top: 2rem; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 0.5rem; }
.export-doc .article + .article { break-before: page; page-break-before: always; }
${kindRules}
@media print {
  .export-doc { max-width: none; padding: 0; font-size: 10pt; }
  .export-doc .caveat.screen { display: none; }
  .export-doc h2, .export-doc h3 { break-after: avoid; page-break-after: avoid; }
}
`

/**
 * The page box of the standalone document: A4, with the handling caveat in the top and bottom margins of every
 * printed page and page numbers at the foot. The caveat comes from content, so it arrives as an escaped CSS string.
 */
export function pageCss(caveatCss: string | null): string {
  const caveat = caveatCss
    ? `@top-center { content: ${caveatCss}; font: 700 8.5pt system-ui, "DejaVu Sans", sans-serif; letter-spacing: 0.08em; text-transform: uppercase; }
  @bottom-center { content: ${caveatCss}; font: 700 8.5pt system-ui, "DejaVu Sans", sans-serif; letter-spacing: 0.08em; text-transform: uppercase; }`
    : ''
  return `
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  ${caveat}
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #5a6270; }
}
html, body { margin: 0; background: #fff; }
`
}
