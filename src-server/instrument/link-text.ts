// Which links may be tracked, judged on the values the HTML parser decoded (never on markup).
import { isIP } from 'node:net';
import { parse as parseDomain } from 'tldts';
import { findDescendant, getAttr, isHtmlElement, textContent, type Element } from './dom';

/**
 * The absolute http(s) URL an href navigates to, or null when it is anything else (mailto:,
 * tel:, a fragment, a relative path). Browsers strip leading and trailing C0 controls and spaces
 * and drop tabs and newlines before resolving an href; so do we. The answer is the URL parser's
 * serialization (spaces and non-ASCII percent-encoded, host in ASCII), so it is always safe to
 * send back in a Location header and opens exactly what the recipient's client would have opened.
 */
export function trackableUrl(href: string): string | null {
  // eslint-disable-next-line no-control-regex -- the URL standard's own C0 control range
  const url = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // relative, or not a URL at all
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

// Names reserved by RFC 2606 / 6761 / 6762: not in the public suffix list, yet people write them
// as hosts (acme.example/pricing) and expect them read as addresses.
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local', 'internal', 'onion']);
const SCHEME_ONLY = new Set(['mailto', 'tel', 'sms', 'callto', 'ftp', 'file', 'data', 'javascript', 'news', 'urn', 'geo']);

/**
 * Whether visible link text is itself a URL ("https://x", "www.acme.example", "acme.example/pricing").
 * Such a link is left alone: rewriting it would make the shown address differ from the real one,
 * which readers and spam filters treat as phishing. Text with spaces is prose that may mention a
 * URL, not a URL. A dotted word counts only when its last label is a real or reserved top-level
 * domain, so "Node.js" or "v2.1" stay trackable.
 */
export function looksLikeUrl(text: string): boolean {
  const t = text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .replace(/^[<(["'\u201c\u2018]+|[>)\]"'\u201d\u2019]+$/g, '')
    .replace(/[.,;:!?]+$/, '');
  if (t === '' || /\s/.test(t)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t);
  if (scheme && (t.startsWith('//', scheme[0].length) || SCHEME_ONLY.has(scheme[1]!.toLowerCase()))) return true;
  if (t.startsWith('//')) return true;
  if (/^www\d{0,3}\./i.test(t)) return true;
  const hostPart = t.split(/[/?#]/, 1)[0]!;
  if (hostPart.includes('@')) return false; // an email address is not an address to browse to
  const host = hostPart.replace(/:\d{1,5}$/, '');
  if (host.toLowerCase() === 'localhost') return true;
  if (!host.includes('.')) return false;
  if (isIP(host) !== 0) return true; // a dotted quad; tldts would also accept "3.5"
  const info = parseDomain(host, { allowPrivateDomains: false });
  if (info.hostname === null || info.domain === null) {
    const tld = host.toLowerCase().split('.').pop() ?? '';
    return RESERVED_TLDS.has(tld) && /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host);
  }
  return info.isIcann === true || RESERVED_TLDS.has((info.publicSuffix ?? '').toLowerCase());
}

/** What a person sees as the link: its text with whitespace collapsed, or an image's alt text. */
export function linkLabel(anchor: Element): { visible: string; label: string } {
  const visible = textContent(anchor).replace(/\s+/g, ' ').trim();
  if (visible !== '') return { visible, label: visible };
  const img = findDescendant(anchor, (el) => isHtmlElement(el, 'img') && (getAttr(el, 'alt') ?? '').trim() !== '');
  return { visible, label: img ? (getAttr(img, 'alt') ?? '').trim() : '' };
}
