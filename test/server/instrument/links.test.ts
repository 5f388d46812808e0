import { describe, expect, it } from 'vitest';
import { instrumentHtml } from '../../../src-server/instrument';
import { allOn, anchors, attr, fragmentBack, text, tracked } from './parsed';

const rewrite = (html: string) => instrumentHtml(html, { pixelUrl: null, trackedUrl: tracked });

describe('which links are tracked', () => {
  it('rewrites an absolute http(s) link with ordinary text and lists it', () => {
    const out = rewrite('<p>See <a href="https://acme.example/pricing">our pricing</a> and <a href="http://acme.example/faq">the FAQ</a>.</p>');
    expect(out.links).toEqual([
      { index: 0, url: 'https://acme.example/pricing', text: 'our pricing' },
      { index: 1, url: 'http://acme.example/faq', text: 'the FAQ' },
    ]);
    expect(anchors(fragmentBack(out.html)).map((a) => a.href)).toEqual([tracked({ index: 0 }), tracked({ index: 1 })]);
  });

  it('keeps nested markup inside a tracked link and reads its text across the tags', () => {
    const html = '<a href="https://acme.example/x" class="btn" style="color:red"><span><b>Book</b> a <i>demo</i></span><img src="cid:logo" alt="logo"></a>';
    const out = rewrite(html);
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/x', text: 'Book a demo' }]);
    const [a] = anchors(fragmentBack(out.html));
    expect(a?.href).toBe(tracked({ index: 0 }));
    expect(attr(a!.el, 'class')).toBe('btn');
    expect(attr(a!.el, 'style')).toBe('color:red');
    expect(a!.el.childNodes.map((n) => n.nodeName)).toEqual(['span', 'img']);
    // Everything after the href attribute is byte-for-byte the input.
    expect(out.html.slice(out.html.indexOf(' class='))).toBe(html.slice(html.indexOf(' class=')));
  });

  it('finds links written with an upper-case HREF and unquoted values', () => {
    const out = rewrite('<A HREF=https://acme.example/a>Alpha</A> <a Href=\'https://acme.example/b\'>Beta</a>');
    expect(out.links.map((l) => l.url)).toEqual(['https://acme.example/a', 'https://acme.example/b']);
    expect(anchors(fragmentBack(out.html)).map((a) => a.href)).toEqual([tracked({ index: 0 }), tracked({ index: 1 })]);
    expect(out.html).toContain('HREF="https://t.example/c/LINK0"');
  });

  it('decodes entities in hrefs and text, and escapes what it writes', () => {
    const out = instrumentHtml('<a href="https://acme.example/?a=1&amp;b=2&#38;c=&quot;3&quot;">Tom &amp; Jerry&nbsp;&lt;3</a>', {
      pixelUrl: null,
      trackedUrl: () => 'https://t.example/c/x?a=1&b="2"',
    });
    expect(out.links[0]).toEqual({ index: 0, url: 'https://acme.example/?a=1&b=2&c=%223%22', text: 'Tom & Jerry <3' });
    expect(anchors(fragmentBack(out.html))[0]?.href).toBe('https://t.example/c/x?a=1&b="2"');
  });

  it('leaves links whose visible text is a URL exactly as they were', () => {
    const cases = [
      '<a href="https://acme.example/pricing">https://acme.example/pricing</a>',
      '<a href="https://acme.example/">www.acme.example</a>',
      '<a href="https://acme.example/pricing">acme.example/pricing</a>',
      '<a href="https://evil.example/">https://acme.example</a>',
      '<a href="https://acme.example/"> <b>ACME.COM</b> </a>',
      '<a href="https://acme.example/">&lt;https://acme.example&gt;</a>',
      '<a href="https://acme.example/">acme.co.uk.</a>',
      '<a href="http://10.0.0.1/">10.0.0.1</a>',
    ];
    for (const html of cases) expect(rewrite(html), html).toEqual({ html, links: [] });
  });

  it('tracks text that merely contains dots or a URL among words', () => {
    const out = rewrite(
      '<a href="https://nodejs.org/">Node.js</a><a href="https://x.example/">v2.1 notes</a><a href="https://x.example/a">read more at acme.example</a><a href="https://x.example/b">e.g. this</a>',
    );
    expect(out.links.map((l) => l.text)).toEqual(['Node.js', 'v2.1 notes', 'read more at acme.example', 'e.g. this']);
  });

  it('tracks an image-only link and names it by its alt text', () => {
    const out = rewrite('<a href="https://acme.example/"><img src="https://cdn.example/banner.png" alt="Spring sale"></a>');
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/', text: 'Spring sale' }]);
  });

  it('leaves mailto:, tel:, fragments, relative, javascript: and protocol-relative links byte for byte', () => {
    const html = [
      '<a href="mailto:jane@acme.example?subject=Hi">write to me</a>',
      '<a HREF="tel:+15551234">call me</a>',
      "<a href='#section-2'>jump</a>",
      '<a href="/pricing">pricing</a>',
      '<a href="pricing.html">pricing</a>',
      '<a href="//acme.example/x">x</a>',
      '<a href="javascript:alert(1)">js</a>',
      '<a href="ftp://acme.example/f">file</a>',
      '<a name="anchor">no href</a>',
      '<a href="">empty</a>',
      '<a href="https://">no host</a>',
    ].join('\n');
    expect(rewrite(html)).toEqual({ html, links: [] });
  });

  it('ignores <a> in SVG, and does not track the same misnested link twice', () => {
    const out = rewrite('<svg><a href="https://acme.example/svg"><text>svg</text></a></svg><a href="https://acme.example/m">one<p>two</a> three</p>');
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/m', text: 'one' }]);
    // The parser splits the misnested link in two; both halves now point to the tracked URL.
    const hrefs = anchors(fragmentBack(out.html)).map((a) => a.href);
    expect(hrefs).toEqual(['https://acme.example/svg', tracked({ index: 0 }), tracked({ index: 0 })]);
  });

  it('lists trackable links but changes nothing when trackedUrl is null', () => {
    const html = '<p><a href="https://acme.example/pricing">our pricing</a></p>';
    expect(instrumentHtml(html, { pixelUrl: null, trackedUrl: null })).toEqual({
      html,
      links: [{ index: 0, url: 'https://acme.example/pricing', text: 'our pricing' }],
    });
  });

  it('gives the same indexes every time, so the server can call it once per recipient', () => {
    const html = '<a href="https://a.example/">A</a><a href="mailto:x@y.example">m</a><a href="https://b.example/">B</a><a href="https://a.example/">A again</a>';
    const first = instrumentHtml(html, allOn);
    const perRecipient = instrumentHtml(html, { pixelUrl: null, trackedUrl: (l) => `https://t.example/c/jane-${l.index}` });
    expect(first.links).toEqual(perRecipient.links);
    expect(first.links.map((l) => [l.index, l.text])).toEqual([[0, 'A'], [1, 'B'], [2, 'A again']]);
    const hrefs = anchors(fragmentBack(perRecipient.html)).map((a) => a.href);
    expect(hrefs).toEqual(['https://t.example/c/jane-0', 'mailto:x@y.example', 'https://t.example/c/jane-1', 'https://t.example/c/jane-2']);
  });

  it('tracks links in <noscript> (mail clients run no scripts) but leaves <area> and <base> alone', () => {
    const html =
      '<base href="https://acme.example/"><map name="m"><area href="https://acme.example/area" alt="zone"></map>' +
      '<noscript><a href="https://acme.example/ns">plain version</a></noscript><a href="pricing">relative to base</a>';
    const out = rewrite(html);
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/ns', text: 'plain version' }]);
    expect(out.html).toBe(html.replace('"https://acme.example/ns"', `"${tracked({ index: 0 })}"`));
  });

  it('tracks a link with no visible text under an empty name', () => {
    const out = rewrite('<a href="https://acme.example/x">  &nbsp; </a>');
    expect(out.links).toEqual([{ index: 0, url: 'https://acme.example/x', text: '' }]);
  });

  it('keeps the text of every link unchanged', () => {
    const html = '<a href="https://a.example/">Caf&eacute; <em>menu</em></a>';
    const [a] = anchors(fragmentBack(rewrite(html).html));
    expect(text(a!.el)).toBe('Café menu');
  });
});
