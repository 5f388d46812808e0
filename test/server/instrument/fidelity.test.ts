import { describe, expect, it } from 'vitest';
import { instrumentHtml } from '../../../src-server/instrument';
import { allOn, anchors, fragmentBack, parseBack, PIXEL, pixels, tracked } from './parsed';

const PIXEL_TAG_START = `<img src="${PIXEL}"`;

/** The output with the added pixel tag removed and tracked hrefs put back, for byte comparison. */
function undo(out: string, originals: Record<string, string>): string {
  const start = out.indexOf(PIXEL_TAG_START);
  let restored = start < 0 ? out : out.slice(0, start) + out.slice(out.indexOf('>', start) + 1);
  for (const [trackedUrl, original] of Object.entries(originals)) restored = restored.replace(`"${trackedUrl}"`, original);
  return restored;
}

describe('what instrumentation must not change', () => {
  it('keeps a fragment a fragment: no html, head or body tags appear', () => {
    const out = instrumentHtml('<p>Hi <a href="https://acme.example/">there</a></p>', allOn);
    expect(out.html).not.toMatch(/<\/?(html|head|body)\b/i);
    expect(out.html.startsWith('<p>Hi <a href=')).toBe(true);
    expect(pixels(fragmentBack(out.html))).toHaveLength(1);
  });

  it('keeps every other byte of a messy document: doctype, comments, entities, quoting, case, CRLF', () => {
    const html =
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\r\n' +
      '<HTML xmlns="http://www.w3.org/1999/xhtml"><HEAD><META http-equiv=Content-Type content="text/html; charset=utf-8">\r\n' +
      '<STYLE>p { margin: 0 } /* <a href="https://not.a.link/">x</a> */</STYLE></HEAD>\r\n' +
      "<BODY class=msg><!--[if mso]><table><tr><td><![endif]-->\r\n<P align=left>Caf&eacute; &#x1F600; &nbsp;&amp; <A class='c' HREF=\"https://acme.example/menu?a=1&amp;b=2\" target=_blank>the menu</A></P>\r\n" +
      '<!--[if mso]></td></tr></table><![endif]--></BODY></HTML>\r\n';
    const out = instrumentHtml(html, allOn);
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/menu?a=1&b=2', text: 'the menu' }]);
    expect(undo(out.html, { [tracked({ index: 0 })]: '"https://acme.example/menu?a=1&amp;b=2"' })).toBe(html);
    // The pixel sits right before </BODY>, after the conditional comment.
    expect(out.html).toContain(`<![endif]-->${PIXEL_TAG_START}`);
    const afterPixel = out.html.slice(out.html.indexOf('>', out.html.indexOf(PIXEL_TAG_START)) + 1);
    expect(afterPixel).toBe('</BODY></HTML>\r\n');
  });

  it('counts offsets in UTF-16 units, so astral characters before a link do not shift edits', () => {
    const html = '<p>😀👍🏽 𝒳 — <a href="https://acme.example/">smile</a> ✓</p>';
    const out = instrumentHtml(html, allOn);
    expect(anchors(fragmentBack(out.html))[0]?.href).toBe(tracked({ index: 0 }));
    expect(undo(out.html, { [tracked({ index: 0 })]: '"https://acme.example/"' })).toBe(html);
  });

  it('changes nothing at all when neither a pixel nor tracked links are asked for', () => {
    const html = '<html><body><a href="https://acme.example/">x</a><blockquote type=cite>q</blockquote></body></html>';
    expect(instrumentHtml(html, { pixelUrl: null, trackedUrl: null }).html).toBe(html);
  });

  it('handles text that is not HTML at all', () => {
    const out = instrumentHtml('Just a line & a < sign', allOn);
    expect(out.links).toEqual([]);
    expect(out.html.startsWith('Just a line & a < sign')).toBe(true);
    expect(pixels(fragmentBack(out.html))).toHaveLength(1);
  });

  it('handles an empty body', () => {
    const out = instrumentHtml('', allOn);
    expect(pixels(fragmentBack(out.html))).toHaveLength(1);
  });

  it('instruments a very large body completely and correctly', () => {
    const row = (i: number) =>
      `<tr><td style="padding:4px">Item ${i} &amp; more <a href="https://acme.example/p?id=${i}&amp;x=1"><span>Product</span> ${i}</a> ` +
      `<a href="https://acme.example/p/${i}">acme.example/p/${i}</a> <a href="mailto:s${i}@acme.example">mail</a></td></tr>\n`;
    const rows: string[] = [];
    for (let i = 0; i < 6000; i++) rows.push(row(i));
    const html = `<html><body><table>${rows.join('')}</table><div class="gmail_quote">${rows.slice(0, 50).join('')}</div></body></html>`;
    expect(html.length).toBeGreaterThan(1_000_000);

    const out = instrumentHtml(html, allOn);
    expect(out.links).toHaveLength(6000);
    expect(out.links[5999]).toEqual({ index: 5999, url: 'https://acme.example/p?id=5999&x=1', text: 'Product 5999' });
    const { els } = parseBack(out.html);
    const hrefs = anchors(els).map((a) => a.href);
    expect(hrefs.filter((h) => h?.startsWith('https://t.example/c/'))).toHaveLength(6000);
    expect(hrefs.filter((h) => h?.startsWith('mailto:'))).toHaveLength(6050);
    expect(hrefs.filter((h) => h?.startsWith('https://acme.example/p/'))).toHaveLength(6050);
    expect(hrefs.filter((h) => h?.startsWith('https://acme.example/p?id='))).toHaveLength(50);
    expect(pixels(els)).toHaveLength(1);
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const html = '<div>'.repeat(20_000) + '<a href="https://acme.example/deep">deep</a>' + '</div>'.repeat(20_000);
    const out = instrumentHtml(html, allOn);
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/deep', text: 'deep' }]);
  });
});
