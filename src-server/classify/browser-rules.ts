// A click that claims to be a browser but lacks the headers every browser sends on a navigation:
// a script wearing a browser's user agent (the usual disguise of link scanners). Sources: every
// browser sends Accept-Language on navigations (RFC 9110 §12.5.4; Chrome, Firefox and Safari send
// it even in their fingerprinting-resistant modes); Fetch Metadata (w3c.github.io/webappsec-fetch-
// metadata) adds Sec-Fetch-Mode from Chrome 76, Edge 79, Firefox 90, Safari 16.4 — but only over
// HTTPS, so its absence alone proves nothing on a plain-HTTP deployment. A hit is judged spoofed
// only when both are missing. Clicks only: mail clients fetch images with their own loaders.
import type { ClientInfo } from '../../src-shared/protocol';
import type { HitFacts } from './types';

/** Browser names as ua-parser-js reports them (client.app) that always send Accept-Language. */
const BROWSERS = new Set(['Chrome', 'Chrome WebView', 'Mobile Chrome', 'Edge', 'Firefox', 'Mobile Firefox', 'Safari', 'Mobile Safari', 'Opera', 'Samsung Browser']);

export function isSpoofedBrowserClick(facts: HitFacts, client: ClientInfo): boolean {
  if (facts.type !== 'click' || facts.method !== 'GET') return false;
  if (client.app === undefined || !BROWSERS.has(client.app)) return false;
  return facts.headers['accept-language'] === undefined && facts.headers['sec-fetch-mode'] === undefined;
}
