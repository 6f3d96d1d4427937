/**
 * Attack-shaped random HTML for property tests: pieces of the corpus, the parser's mutation-prone corners
 * (foreign content, raw-text elements, comments, tables), event handlers and obfuscated URLs, joined at random.
 * The import tests' tag soup checks the sanitizer's shape; this one aims at its security.
 */
import fc from 'fast-check'
import { FIXTURES } from './corpus'

/** Every tag, comment and text run of the corpus, as separate pieces that recombine into new attacks. */
const CORPUS_PIECES = [...new Set(FIXTURES.flatMap((f) => f.html.match(/<!--[\s\S]*?-->|<[^>]*>|[^<]+/g) ?? []))]

const MUTATION_PIECES = [
  '<svg>', '</svg>', '<math>', '</math>', '<mtext>', '<mglyph>', '<malignmark>', '<foreignObject>', '<desc>', '<title>', '</title>',
  '<style>', '</style>', '<noscript>', '</noscript>', '<xmp>', '</xmp>', '<noembed>', '<noframes>', '<iframe>', '</iframe>',
  '<template>', '</template>', '<textarea>', '</textarea>', '<table>', '<tr>', '<td>', '</table>', '<select>', '<option>',
  '<form>', '</form>', '<![CDATA[', ']]>', '<!--', '-->', '--!>', '<?xml', '<!DOCTYPE html>', '</p>', '<p title="', '">', '"', "'",
  '<a href="', '<a href=', '</a>', '<img src=x onerror=window.__pwned=1>', '<svg onload=window.__pwned=1>',
  '<details open ontoggle=window.__pwned=1>', '<mark data-kind="claim" data-annotation-id="ann_0123456789abcdef">', '</mark>',
  '<b>', '</b>', '<li>', '<ul>', '<h1>', '<blockquote>', 'text ', ' ', '\n', '\t', '&lt;', '&gt;', '&amp;', '&quot;', '&#x3C;', '&#60;',
]

const SCHEMES = ['javascript:', 'JaVaScRiPt:', 'java\tscript:', 'java\nscript:', 'jav&#x09;ascript:', '&#106;avascript:', 'javascript&colon;', ' \u0001javascript:', 'data:text/html,', 'DATA:text/html;base64,', 'vbscript:', 'file:///', '\\\\host\\', 'https://', 'http://', 'mailto:', '//', '']

/** An opening tag with random attributes: handlers, URL attributes with obfuscated schemes, and quoting games. */
const hostileTag = fc
  .record({
    tag: fc.constantFrom('a', 'img', 'area', 'form', 'button', 'iframe', 'object', 'embed', 'svg', 'use', 'details', 'meta', 'base', 'link', 'p', 'span', 'div', 'mark', 'input', 'video', 'math', 'isindex'),
    attrs: fc.array(
      fc.tuple(
        fc.constantFrom('href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href', 'onerror', 'onload', 'onclick', 'ontoggle', 'style', 'http-equiv', 'content', 'data-kind', 'data-annotation-id', 'id', 'name', 'ONMOUSEOVER'),
        fc.tuple(fc.constantFrom(...SCHEMES), fc.constantFrom('window.__pwned=1', 'alert(1)', '<script>alert(1)</script>', 'example.org/x', '0;url=javascript:alert(1)', 'claim', 'ann_0123456789abcdef')).map(([s, v]) => s + v),
        fc.constantFrom('"', "'", ''),
      ),
      { maxLength: 3 },
    ),
  })
  .map(({ tag, attrs }) => `<${tag}${attrs.map(([n, v, q]) => ` ${n}=${q}${q ? v.replaceAll(q, '') : v.replace(/[\s>]/g, '')}${q}`).join('')}>`)

export const attackHtml: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CORPUS_PIECES) }, { weight: 3, arbitrary: fc.constantFrom(...MUTATION_PIECES) }, { weight: 2, arbitrary: hostileTag }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 40 })
  .map((pieces) => pieces.join(''))
