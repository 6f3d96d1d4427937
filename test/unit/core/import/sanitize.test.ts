import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import { sanitizeHtml } from '../../../../src-main/core/import/sanitize'
import { safeUrl } from '../../../../src-main/shared/schema/safe-url'

const ALLOWED_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'u', 's', 'a', 'br', 'hr', 'mark'])
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ['href'], mark: ['data-kind', 'data-annotation-id'] }

/** Every element and attribute in sanitized output, checked against the policy; returns the violations. */
function policyViolations(html: string): string[] {
  const body = new JSDOM(`<body>${html}`).window.document.body
  const violations: string[] = []
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.localName
    if (!ALLOWED_ELEMENTS.has(tag)) violations.push(`<${tag}>`)
    for (const attr of Array.from(el.attributes)) {
      if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(attr.name)) violations.push(`${tag}[${attr.name}]`)
      if (attr.name === 'href' && safeUrl(attr.value) === null) violations.push(`unsafe href ${attr.value}`)
    }
  }
  return violations
}

/** Tag soup from pieces that exercise the HTML parser's odd corners: quirks-mode tables, scope boundaries, foreign content. */
const TAG_SOUP_PIECES = [
  '<p>', '</p>', '<div>', '</div>', '<span>', '</span>', '<b>', '</b>', '<i>', '</i>', '<u>', '<s>', '<em>', '<strong>',
  '<h1>', '</h1>', '<h2>', '<h5>', '<h6>', '<ul>', '</ul>', '<ol>', '<li>', '</li>', '<blockquote>', '</blockquote>',
  '<table>', '<tr>', '<td>', '</td>', '</table>', '<pre>', '</pre>', '<br>', '<hr>', '<marquee>', '<button>', '<object>',
  '<select>', '<option>', '<template>', '</template>', '<svg>', '</svg>', '<math>', '<mi>', '<foreignObject>', '<noscript>',
  '<script>', '</script>', '<style>', '</style>', '<!--', '-->', '<iframe>', '<form>', '<img src=x onerror=alert(1)>',
  '<a href="https://example.org/a">', '<a href="javascript:alert(1)">', '<a href="jAvA&#x09;ScRiPt:alert(1)">', '</a>',
  '<mark data-kind="claim" data-annotation-id="ann_0123456789abcdef">', '<mark data-kind="source" data-annotation-id="ann_abcdefghij012345">', '</mark>',
  '<span style="font-weight:700">', '<b style="font-weight:normal">', '<font>', '<dl><dt>', '<dd>', '<li>loose',
  'text', ' ', '\n', '&nbsp;', '&amp;', '<', '>', '"', 'é “quoted”',
]
const tagSoup = fc.array(fc.constantFrom(...TAG_SOUP_PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''))

describe('sanitizeHtml: what is removed', () => {
  it('removes scripts, styles, iframes, forms, embeds, svg, math, images and comments, with their content', () => {
    const html = `
      <p>kept</p>
      <script>alert('script')</script><style>p { color: red }</style><noscript>noscript text</noscript>
      <iframe src="https://ads.example/frame">iframe text</iframe>
      <form action="https://evil.example"><label>Subscribe</label><input value="x"><button>Send</button><select><option>opt</option></select><textarea>area</textarea></form>
      <object data="x.swf">object text</object><embed src="x.swf"><applet>applet text</applet>
      <svg><text>svg text</text><script>alert('svg')</script></svg><math><mi>math text</mi></math>
      <img src="https://pixel.example/t.gif" width="1" height="1"><picture><source srcset="a.webp"></picture>
      <!-- a comment <p>commented</p> --><template><p>template text</p></template>
      <nav><a href="https://example.org/">navigation</a></nav>`
    const out = sanitizeHtml(html)
    expect(out).toBe('<p>kept</p>')
  })

  it('removes event handlers and every attribute outside the policy', () => {
    const out = sanitizeHtml(
      '<p onclick="alert(1)" class="lead" id="p1" style="color:red" data-track="x" title="t">Text <a href="https://example.org" onmouseover="alert(2)" target="_blank" rel="opener">link</a></p>',
    )
    expect(out).toBe('<p>Text <a href="https://example.org">link</a></p>')
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['&#x6A;avascript:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['java&#x09;script:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['  \u0001javascript:alert(1)'],
    ['javascript&colon;alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['/relative/path'],
    ['//evil.example/x'],
  ])('drops the link but keeps the text for href %j', (href) => {
    const out = sanitizeHtml(`<p>see <a href="${href.replace(/"/g, '&quot;')}">the notice</a></p>`)
    expect(out).toBe('<p>see the notice</p>')
  })

  it.each([['https://example.org/a?b=1&c=2'], ['http://example.org/'], ['mailto:desk@example.org'], ['HTTPS://EXAMPLE.ORG/UPPER']])('keeps the link %j', (href) => {
    const out = sanitizeHtml(`<p><a href="${href.replace(/&/g, '&amp;')}">x</a></p>`)
    expect(new JSDOM(out).window.document.querySelector('a')?.getAttribute('href')).toBe(href)
  })
})

describe('sanitizeHtml: what is kept, and in what shape', () => {
  it('keeps the allowlisted structure and formatting', () => {
    const html =
      '<h1>H1</h1><h2>H2</h2><h3>H3</h3><h4>H4</h4><p><strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <u>u</u> <s>st</s><br>next</p>' +
      '<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><blockquote><p>quote</p></blockquote><hr>'
    expect(sanitizeHtml(html)).toBe(
      '<h1>H1</h1><h2>H2</h2><h3>H3</h3><h4>H4</h4><p><strong>s</strong> <strong>b</strong> <em>e</em> <em>i</em> <u>u</u> <s>st</s><br>next</p>' +
        '<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><blockquote><p>quote</p></blockquote><hr>',
    )
  })

  it('turns layout containers and table cells into paragraph boundaries so texts never run together', () => {
    expect(sanitizeHtml('<div>first</div><div>second</div><table><tr><td>cell a</td><td>cell b</td></tr></table>')).toBe(
      '<p>first</p><p>second</p><p>cell a</p><p>cell b</p>',
    )
  })

  it('maps h5/h6 to h4, pre to line breaks, del/strike to s', () => {
    expect(sanitizeHtml('<h5>five</h5><h6>six</h6><pre>line 1\nline 2</pre><p><del>gone</del> <strike>old</strike></p>')).toBe(
      '<h4>five</h4><h4>six</h4><p>line 1<br>line 2</p><p><s>gone</s> <s>old</s></p>',
    )
  })

  it('reads the formatting of styled spans and ignores the Google Docs bold wrapper', () => {
    const pasted =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Bold</span> plain ' +
      '<span style="font-style:italic">italic</span> <span style="text-decoration:underline">under</span></p></b>'
    expect(sanitizeHtml(pasted)).toBe('<p><strong>Bold</strong> plain <em>italic</em> <u>under</u></p>')
  })

  it('wraps loose inline text in paragraphs and drops empty ones', () => {
    expect(sanitizeHtml('loose <b>text</b><p>&nbsp;</p><p><br></p><p>  </p>')).toBe('<p>loose <strong>text</strong></p>')
  })

  it('splits a paragraph around a block inside it, carrying its formatting over', () => {
    expect(sanitizeHtml('<p><b>a<table><tr><td>b</td></tr></table>c</b></p>')).toBe('<p><strong>a</strong></p><p><strong>b</strong></p><p><strong>c</strong></p>')
  })

  it('keeps annotation marks with a known kind and a valid id, and unwraps any other mark', () => {
    const out = sanitizeHtml(
      '<p><mark data-kind="claim" data-annotation-id="ann_0123456789abcdef" class="anno" style="x">claim</mark> ' +
        '<mark data-kind="evil" data-annotation-id="ann_0123456789abcdef">bad kind</mark> ' +
        '<mark data-kind="source" data-annotation-id="javascript:alert(1)">bad id</mark> <mark>plain highlight</mark></p>',
    )
    expect(out).toBe('<p><mark data-kind="claim" data-annotation-id="ann_0123456789abcdef">claim</mark> bad kind bad id plain highlight</p>')
  })

  it('keeps overlapping annotation marks of different ids but never a link inside a link', () => {
    const out = sanitizeHtml(
      '<p><mark data-kind="claim" data-annotation-id="ann_aaaaaaaaaaaaaaaa">a <mark data-kind="source" data-annotation-id="ann_bbbbbbbbbbbbbbbb">b</mark></mark> ' +
        '<a href="https://one.example/">x <a href="https://two.example/">y</a></a></p>',
    )
    expect(out).toContain('<mark data-kind="source" data-annotation-id="ann_bbbbbbbbbbbbbbbb">b</mark>')
    expect(out.match(/<a /g)?.length).toBe(2)
    expect(policyViolations(out)).toEqual([])
  })
})

// Property runs are sized for a shared two-core machine; the timeout leaves room for a busy one.
describe('sanitizeHtml: properties', () => {
  it('is idempotent on tag soup', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        const once = sanitizeHtml(html)
        expect(sanitizeHtml(once)).toBe(once)
      }),
      { numRuns: 250 },
    )
  }, 60_000)

  it('is idempotent and never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = sanitizeHtml(s)
        expect(sanitizeHtml(once)).toBe(once)
      }),
      { numRuns: 200 },
    )
  }, 60_000)

  it('only ever outputs allowlisted elements, attributes and links', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        expect(policyViolations(sanitizeHtml(html))).toEqual([])
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})
