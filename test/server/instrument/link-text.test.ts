import { describe, expect, it } from 'vitest';
import { looksLikeUrl, trackableUrl } from '../../../src-server/instrument/link-text';

describe('looksLikeUrl: is the visible text itself an address?', () => {
  it.each([
    'https://x', 'http://acme.example/a?b=c#d', 'HTTP://ACME.COM', '//cdn.example/x', 'www.x.com', 'WWW2.acme.example',
    'acme.example/pricing', 'acme.example', 'acme.co.uk/x?y=1', 'Amazon.com', 'bücher.de', 'acme.test:8080/x',
    '192.168.0.1', 'localhost:3000', 'mailto:jane@acme.example', 'tel:+15551234', '<https://acme.example>',
    '(acme.com)', 'acme.com.', '\u200bwww.acme.example\u200b',
  ])('%s is a URL', (text) => expect(looksLikeUrl(text)).toBe(true));

  it.each([
    '', 'Click here', 'our pricing', 'Node.js', 'Vue.js', 'v2.1', 'e.g.', 'U.S.', '3.5', 'Re:Pricing', 'Note: read this',
    'read more at acme.example', 'jane@acme.example', 'foo.js/bar', 'Book a demo →',
  ])('%s is not a URL', (text) => expect(looksLikeUrl(text)).toBe(false));
});

describe('trackableUrl: only absolute http(s)', () => {
  it('strips what browsers strip from an href and answers the parsed URL', () => {
    expect(trackableUrl('  https://acme.example/a\n/b\t ')).toBe('https://acme.example/a/b');
    expect(trackableUrl('HTTPS://Bücher.example/a b?q=ü\u0001x')).toBe('https://xn--bcher-kva.example/a%20b?q=%C3%BC%01x');
    expect(trackableUrl('https://acme.example')).toBe('https://acme.example/');
  });
  it.each(['mailto:x@y.example', 'tel:123', '#top', '/rel', 'rel.html', '//acme.example', 'javascript:void(0)', 'https://', 'data:text/html,x'])(
    '%s is not trackable',
    (href) => expect(trackableUrl(href)).toBeNull(),
  );
});
