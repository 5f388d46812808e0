// The client address of a request or socket: behind reverse proxies (INKLING_TRUST_PROXY = how many)
// the X-Forwarded-For entry appended by the outermost trusted proxy, else the peer; IPv4-mapped
// IPv6 unwrapped so one person has one address.
import { isIPv4 } from 'node:net';
import ipaddr from 'ipaddr.js';

export function normalizeAddress(raw: string): string {
  const trimmed = raw.trim();
  // The usual case, checked natively: dotted-decimal IPv4 is already in its canonical form.
  if (isIPv4(trimmed)) return trimmed;
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
  trustedHops: number,
): string {
  if (trustedHops <= 0 || forwardedFor === undefined) return normalizeAddress(peer ?? '');
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const entries = header.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const forwarded = entries[Math.max(0, entries.length - trustedHops)];
  return normalizeAddress(forwarded ?? peer ?? '');
}
