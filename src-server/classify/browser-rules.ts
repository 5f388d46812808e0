// A click that claims to be a modern browser but lacks the headers every such browser sends on a
// navigation: a script wearing a browser's user agent (the usual disguise of link scanners).
// Source: Fetch Metadata request headers (w3c.github.io/webappsec-fetch-metadata); MDN's
// compatibility table for Sec-Fetch-Mode: Chrome 76, Edge 79, Firefox 90, Safari 16.4, Android
// WebView 76. Clicks only: mail clients load images with their own fetchers, which need not send them.
import type { ClientInfo } from '../../src-shared/protocol';
import type { HitFacts } from './types';

/** Browser name as ua-parser-js reports it → first major version that always sends Sec-Fetch-Mode. */
const FETCH_METADATA_SINCE: Readonly<Record<string, number>> = {
  Chrome: 76,
  'Chrome WebView': 76,
  'Mobile Chrome': 76,
  Edge: 79,
  Firefox: 90,
  'Mobile Firefox': 90,
  Safari: 16.4,
  'Mobile Safari': 16.4,
};

export function isSpoofedBrowserClick(facts: HitFacts, client: ClientInfo, browserVersion: string | undefined): boolean {
  if (facts.type !== 'click' || facts.method !== 'GET') return false;
  const since = client.app === undefined ? undefined : FETCH_METADATA_SINCE[client.app];
  if (since === undefined || browserVersion === undefined) return false;
  const [major = '0', minor = '0'] = browserVersion.split('.');
  const version = Number(major) + Number(`0.${minor}`);
  if (!(version >= since)) return false;
  return facts.headers['sec-fetch-mode'] === undefined;
}
