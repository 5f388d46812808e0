// The client address of a request or socket: behind a reverse proxy (INKLING_TRUST_PROXY) the first
// X-Forwarded-For entry, else the peer; IPv4-mapped IPv6 unwrapped so one person has one address.
import ipaddr from 'ipaddr.js';

export function normalizeAddress(raw: string): string {
  const trimmed = raw.trim();
  if (!ipaddr.isValid(trimmed)) return trimmed;
  const parsed = ipaddr.parse(trimmed);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.toString();
}

export function addressFrom(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const first = trustProxy && header ? header.split(',')[0] : undefined;
  return normalizeAddress(first || peer || '');
}
