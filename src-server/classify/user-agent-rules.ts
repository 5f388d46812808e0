// Rules on the user agent string alone. Each table says where it comes from.
import { isbot } from 'isbot';
import { mailProxyOf } from './client-info';

// Apple Mail Privacy Protection's proxy fetches remote images with the bare user agent
// "Mozilla/5.0" (reported by ESPs since iOS 15, e.g. SparkPost/Bird and SocketLabs' MPP notes);
// no mail client or browser sends exactly that.
export const APPLE_MPP_USER_AGENT = 'Mozilla/5.0';

// Gmail's prefetch at delivery to an open Gmail session: a Google address with this exact user
// agent (SparkPost/Bird, "Gmail is Prefetching Images", Jan 2022). Distinct from GoogleImageProxy,
// which fetches when the person opens the message.
export const GMAIL_PREFETCH_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0';

// Mail-security gateways that isbot's list (github.com/omrilotan/isbot, which already covers
// scripts, crawlers, headless browsers and Office's "Existence Discovery" link probes) does not
// name, when they name themselves in a scanner's user agent appended to a browser's: Barracuda,
// Mimecast, Proofpoint URL Defense, Symantec/Broadcom MessageLabs, Trend Micro, Forcepoint, Cisco
// IronPort (the vendors' product names). Most gateways spoof a plain browser instead, which is why
// networks, fetch metadata and timing carry most of the weight.
export const SCANNER_USER_AGENT_TOKENS: readonly RegExp[] = [
  /barracuda/i,
  /mimecast/i,
  /proofpoint|urldefense/i,
  /symantec|messagelabs/i,
  /trend ?micro/i,
  /forcepoint|websense/i,
  /ironport/i,
];

export function isAppleMppUserAgent(userAgent: string | undefined): boolean {
  return userAgent?.trim() === APPLE_MPP_USER_AGENT;
}

export function isGmailPrefetchUserAgent(userAgent: string | undefined): boolean {
  return userAgent?.trim() === GMAIL_PREFETCH_USER_AGENT;
}

/** A crawler, scanner or script. Mail image proxies are excluded: isbot lists "proxy" and ".com". */
export function isBotUserAgent(userAgent: string): boolean {
  if (mailProxyOf(userAgent)) return false;
  return isbot(userAgent) || SCANNER_USER_AGENT_TOKENS.some((t) => t.test(userAgent));
}
