// Address ranges as data: a table of named networks, pre-parsed into sorted, merged intervals so a
// lookup is a binary search (no per-hit CIDR parsing). Pure: the file is read by ranges-file.ts.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

export const NetworkEntry = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The reason code a match gives, e.g. "apple-mpp" or "scanner-network". */
  reason: z.string().min(1),
  /**
   * How a match weighs on opens: "always" machine; "unidentified-client" machine only when the user
   * agent names no known browser or mail client (real people's opens can come through these
   * networks' neighbours, so opens are judged conservatively); "never".
   */
  opens: z.enum(['always', 'unidentified-client', 'never']),
  /** Whether a click from this network is machine. */
  clicks: z.boolean(),
  source: z.string().min(1),
  cidrs: z.array(z.string()).min(1),
});
export type NetworkEntry = z.infer<typeof NetworkEntry>;

export const RangesFile = z.object({
  takenAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date'),
  note: z.string().optional(),
  networks: z.array(NetworkEntry),
});
export type RangesFile = z.infer<typeof RangesFile>;

type Family = 'ipv4' | 'ipv6';
interface Interval {
  start: bigint;
  end: bigint;
}

function toBigInt(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** One network's ranges, merged and sorted per address family. */
export class NetworkRanges {
  private readonly v4: Interval[];
  private readonly v6: Interval[];

  constructor(cidrs: readonly string[]) {
    const byFamily: Record<Family, Interval[]> = { ipv4: [], ipv6: [] };
    for (const cidr of cidrs) {
      let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
      try {
        parsed = ipaddr.parseCIDR(cidr);
      } catch {
        throw new Error(`invalid CIDR "${cidr}"`);
      }
      const [addr, bits] = parsed;
      const width = addr.kind() === 'ipv4' ? 32n : 128n;
      const hostBits = width - BigInt(bits);
      const start = (toBigInt(addr.toByteArray()) >> hostBits) << hostBits;
      byFamily[addr.kind()].push({ start, end: start + (1n << hostBits) - 1n });
    }
    this.v4 = merge(byFamily.ipv4);
    this.v6 = merge(byFamily.ipv6);
  }

  /** True when `ip` (IPv4, IPv6, or IPv4-mapped IPv6) lies in one of the ranges; false for garbage. */
  contains(ip: string): boolean {
    if (!ipaddr.isValid(ip)) return false;
    const addr = ipaddr.process(ip);
    const list = addr.kind() === 'ipv4' ? this.v4 : this.v6;
    const n = toBigInt(addr.toByteArray());
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = list[mid] as Interval;
      if (n < range.start) hi = mid - 1;
      else if (n > range.end) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

function merge(intervals: Interval[]): Interval[] {
  intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Interval[] = [];
  for (const next of intervals) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end + 1n) {
      if (next.end > last.end) last.end = next.end;
    } else {
      out.push({ ...next });
    }
  }
  return out;
}

export interface CompiledNetwork {
  entry: NetworkEntry;
  ranges: NetworkRanges;
}

export interface NetworkTable {
  takenAt: string;
  networks: readonly CompiledNetwork[];
}

export function compileRanges(file: RangesFile): NetworkTable {
  return {
    takenAt: file.takenAt,
    networks: file.networks.map((entry) => ({ entry, ranges: new NetworkRanges(entry.cidrs) })),
  };
}

/** The networks the address belongs to (usually none, rarely more than one). */
export function networksOf(table: NetworkTable, ip: string): NetworkEntry[] {
  return table.networks.filter((n) => n.ranges.contains(ip)).map((n) => n.entry);
}
