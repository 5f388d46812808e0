// Who fetched: the user agent parsed into app, OS and device with ua-parser-js (v1, MIT), plus
// the mail clients and image proxies its default tables do not name.
import { UAParser } from 'ua-parser-js';
import type { ClientInfo } from '../../src-shared/protocol';

/** Mail image proxies that fetch when a person opens the message: a real open, but the UA is the proxy's. */
export interface MailProxy {
  token: RegExp;
  app: string;
  proxy: string;
}

// Gmail: "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
// documented by Google ("Gmail images now showing", 2013) and every ESP since. Yahoo: the UA links
// its own help page, help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html.
export const MAIL_PROXIES: readonly MailProxy[] = [
  { token: /GoogleImageProxy/, app: 'Gmail', proxy: 'Gmail image proxy' },
  { token: /YahooMailProxy/, app: 'Yahoo Mail', proxy: 'Yahoo Mail proxy' },
];

export function mailProxyOf(userAgent: string | undefined): MailProxy | undefined {
  if (userAgent === undefined) return undefined;
  return MAIL_PROXIES.find((p) => p.token.test(userAgent));
}

// ua-parser-js extensions (tried before its own tables). Sources: Outlook for Windows sends
// "Microsoft Outlook 16.0.x" (or "ms-office; MSOffice 16" from its Word renderer); Thunderbird
// appends "Thunderbird/x"; Apple Mail on macOS and iOS loads remote content with the WebKit UA
// without Safari's "Version/… Safari/…" tail (Apple's WKWebView default user agent).
const MAIL_CLIENTS = {
  browser: [
    [/Microsoft Outlook[ /]([\d.]+)/i], [['name', 'Outlook'], 'version'],
    [/ms-office; MSOffice (\d+)/i], [['name', 'Outlook'], 'version'],
    [/(Thunderbird)\/([\d.]+)/i], ['name', 'version'],
    [/\((?:Macintosh|iPhone|iPad);.*AppleWebKit\/[\d.]+ \(KHTML, like Gecko\)(?: Mobile\/\w+)?$/], [['name', 'Apple Mail']],
  ],
};

// One parser, reused: building it merges the extension tables, which would cost every hit.
// Safe to share because parsing is synchronous.
const parser = new UAParser(MAIL_CLIENTS);

// Parsing costs ~40 µs and mail traffic repeats a few hundred user agents, so results are
// remembered; the cache is dropped whole when full and skips overlong agents, which bounds its
// memory (2,000 × 512 characters) whatever junk is sent.
const CACHE_LIMIT = 2_000;
const CACHEABLE_LENGTH = 512;
const cache = new Map<string, ClientInfo>();

/** The client named by a user agent; a fresh object each call, so callers may add to it. */
export function clientInfo(userAgent: string | undefined): ClientInfo {
  if (userAgent === undefined || userAgent === '') return {};
  if (userAgent.length > CACHEABLE_LENGTH) return parseClient(userAgent);
  let info = cache.get(userAgent);
  if (info === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    info = parseClient(userAgent);
    cache.set(userAgent, info);
  }
  return { ...info };
}

function parseClient(userAgent: string): ClientInfo {
  const proxy = mailProxyOf(userAgent);
  // A proxy's UA describes the proxy's fake browser, not the reader's device: keep only what is true.
  if (proxy) return { app: proxy.app, proxy: proxy.proxy };
  const result = parser.setUA(userAgent).getResult();
  const client: ClientInfo = {};
  if (result.browser.name) client.app = result.browser.name;
  if (result.os.name) client.os = result.os.version ? `${result.os.name} ${result.os.version}` : result.os.name;
  const device = [result.device.vendor, result.device.model].filter(Boolean).join(' ');
  if (device) client.device = device;
  return client;
}
