import { describe, expect, it } from 'vitest';
import { instrumentHtml } from '../../../src-server/instrument';
import { allOn, anchors, attr, hasAncestor, parseBack, pixels, PIXEL, position, text, tracked } from './parsed';

type El = ReturnType<typeof parseBack>['els'][number];
const isPixel = (e: El) => e.tagName === 'img' && attr(e, 'src') === PIXEL;

/** Output parsed back, with the single pixel and what precedes / contains it. */
function place(html: string) {
  const out = instrumentHtml(html, allOn);
  const { els } = parseBack(out.html);
  const found = pixels(els);
  expect(found).toHaveLength(1);
  return { out, els, pixel: found[0]!, at: position(els, isPixel) };
}

describe('the open pixel', () => {
  it('is one invisible 1x1 image with no alt text', () => {
    const { pixel } = place('<p>Hello</p>');
    expect(attr(pixel, 'width')).toBe('1');
    expect(attr(pixel, 'height')).toBe('1');
    expect(attr(pixel, 'alt')).toBe('');
    expect(attr(pixel, 'border')).toBe('0');
    expect(attr(pixel, 'style')).toMatch(/width:1px/);
    expect(attr(pixel, 'style')).toMatch(/height:1px/);
  });

  it('goes at the end of the body of a full document', () => {
    const { els, at } = place('<!DOCTYPE html><html><head><title>t</title></head><body><p>One</p><p id="last">Two</p></body></html>');
    expect(at).toBe(els.length - 1);
    expect(position(els, (e) => attr(e, 'id') === 'last')).toBeLessThan(at);
  });

  it('goes before </html> when </body> is missing', () => {
    const out = instrumentHtml('<html><body><p id="last">Two</p></html>\n', allOn);
    expect(out.html.endsWith('</html>\n')).toBe(true);
    const { els } = parseBack(out.html);
    expect(position(els, isPixel)).toBe(position(els, (e) => attr(e, 'id') === 'last') + 1);
  });

  it('is not added when pixelUrl is null', () => {
    const out = instrumentHtml('<p>Hello</p>', { pixelUrl: null, trackedUrl: null });
    expect(out.html).toBe('<p>Hello</p>');
  });

  it('goes before a Gmail quote, whose links stay untouched', () => {
    const html =
      '<div dir="ltr">Sounds good, see <a href="https://acme.example/plan">the plan</a>.<br><div class="gmail_signature">Bob</div></div><br>' +
      '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Fri, Jane wrote:<br></div>' +
      '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex"><a href="https://acme.example/old">older link</a></blockquote></div>';
    const { out, els, at, pixel } = place(html);
    expect(at).toBeLessThan(position(els, (e) => (attr(e, 'class') ?? '').includes('gmail_quote')));
    expect(at).toBeGreaterThan(position(els, (e) => attr(e, 'class') === 'gmail_signature'));
    expect(hasAncestor(pixel, (e) => e.tagName === 'blockquote')).toBe(false);
    expect(out.links.map((l) => l.url)).toEqual(['https://acme.example/plan']);
    expect(anchors(els).map((a) => a.href)).toEqual([tracked({ index: 0 }), 'https://acme.example/old']);
  });

  it('goes before an Apple Mail cite blockquote', () => {
    const html =
      '<html><body dir="auto"><div>Yes, Thursday works.</div><div><br><blockquote type="cite">On 4 Dec 2026, at 19:00, Jane wrote:<br><br></blockquote></div>' +
      '<blockquote type="cite"><div dir="ltr"><a href="https://acme.example/cal">calendar</a></div></blockquote></body></html>';
    const { out, els, pixel } = place(html);
    expect(hasAncestor(pixel, (e) => e.tagName === 'blockquote')).toBe(false);
    const firstQuote = position(els, (e) => e.tagName === 'blockquote');
    expect(position(els, isPixel)).toBeLessThan(firstQuote);
    expect(out.links).toEqual([]);
    expect(out.html).toContain('<a href="https://acme.example/cal">calendar</a>');
  });

  it('goes before Outlook\'s reply header, and treats what follows it as history', () => {
    const html =
      '<html><body><div style="font-family:Calibri">Thanks, <a href="https://acme.example/order">order form</a> attached.</div>' +
      '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
      '<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Jane<br><b>Sent:</b> Friday</div>' +
      '<div><p>Can you send <a href="https://acme.example/older">the form</a>?</p></div></body></html>';
    const { out, els, at } = place(html);
    expect(at).toBeLessThan(position(els, (e) => attr(e, 'id') === 'appendonsend'));
    expect(out.links.map((l) => l.text)).toEqual(['order form']);
    expect(anchors(els).map((a) => a.href)).toEqual([tracked({ index: 0 }), 'https://acme.example/older']);
  });

  it('recognises Outlook without appendonsend, Thunderbird, Yahoo and Proton quotes', () => {
    const cases: [string, (e: El) => boolean][] = [
      ['<p>Mine</p><hr><div id="divRplyFwdMsg">From: Jane</div><div>old</div>', (e) => attr(e, 'id') === 'divRplyFwdMsg'],
      ['<p>Mine</p><div class="moz-cite-prefix">On Fri, Jane wrote:<br></div><blockquote type="cite">old</blockquote>', (e) => attr(e, 'class') === 'moz-cite-prefix'],
      ['<div>Mine</div><div class="yahoo_quoted" id="yahoo_quoted_1">old</div>', (e) => e.tagName === 'div' && (attr(e, 'class') ?? '') === 'yahoo_quoted'],
      ['<div>Mine</div><div class="protonmail_quote">old</div>', (e) => attr(e, 'class') === 'protonmail_quote'],
    ];
    for (const [html, marker] of cases) {
      const { els, at } = place(html);
      expect(at, html).toBe(position(els, marker) - 1);
    }
  });

  it('goes after the last own words of an inline reply, not before the first quote', () => {
    const html =
      '<blockquote type="cite">Can you do Thursday?</blockquote><div>Yes.</div>' +
      '<blockquote type="cite">And <a href="https://acme.example/q">this</a>?</blockquote><div id="mine">Also yes, <a href="https://acme.example/a">details</a>.</div>';
    const { out, els, at, pixel } = place(html);
    expect(at).toBeGreaterThan(position(els, (e) => attr(e, 'id') === 'mine'));
    expect(hasAncestor(pixel, (e) => e.tagName === 'blockquote')).toBe(false);
    // Links inside the interleaved quotes stay as they were; the sender's own one is tracked.
    expect(out.links.map((l) => l.url)).toEqual(['https://acme.example/a']);
  });

  it('ignores a quote marker inside the own content when own text follows it', () => {
    const { els, at } = place('<div class="gmail_quote">pasted</div><p id="after">my words</p>');
    expect(at).toBeGreaterThan(position(els, (e) => attr(e, 'id') === 'after'));
  });

  it('does not treat hidden text, styles or whitespace after a quote as own content', () => {
    const html = '<p>Mine</p><blockquote type="cite">old</blockquote>\n&nbsp;<style>p{color:red}</style><!-- footer --><div>&#8203; </div>';
    const { els, at } = place(html);
    expect(at).toBe(position(els, (e) => e.tagName === 'blockquote') - 1);
  });

  it('stays out of a table row when the quote is a table cell', () => {
    const html = '<p>Mine</p><table><tr><td class="gmail_quote">old</td></tr></table>';
    const { els, at, pixel } = place(html);
    expect(at).toBe(position(els, (e) => e.tagName === 'table') - 1);
    expect(hasAncestor(pixel, (e) => e.tagName === 'table')).toBe(false);
  });

  it('ends up inside the body even when the input ends in an unclosed comment or textarea', () => {
    for (const html of ['<p>x</p><!-- never closed', '<p>x</p><textarea>draft', '<p>x <a href="https://acme.example/u', '<p>x</p></']) {
      const { doc, els } = parseBack(instrumentHtml(html, allOn).html);
      const [pixel] = pixels(els);
      expect(pixel, html).toBeDefined();
      expect(hasAncestor(pixel!, (e) => e.tagName === 'body')).toBe(true);
      expect(doc).toBeDefined();
    }
  });

  it('adds the honeypot as an empty link nobody can see or tab to, and does not list it', () => {
    const out = instrumentHtml('<p>Hi <a href="https://acme.example/">there</a></p><blockquote type="cite">old</blockquote>', { ...allOn, honeypotUrl: 'https://t.example/h/HP' });
    const { els } = parseBack(out.html);
    const honeypot = anchors(els).find((a) => a.href === 'https://t.example/h/HP');
    expect(honeypot).toBeDefined();
    expect(text(honeypot!.el)).toBe('');
    expect(honeypot!.el.childNodes).toHaveLength(0);
    expect(attr(honeypot!.el, 'tabindex')).toBe('-1');
    expect(attr(honeypot!.el, 'aria-hidden')).toBe('true');
    expect(attr(honeypot!.el, 'style')).toMatch(/display:none/);
    expect(hasAncestor(honeypot!.el, (e) => e.tagName === 'blockquote')).toBe(false);
    expect(out.links).toHaveLength(1);
  });
});
