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

// IPv4 bounds fit a double exactly, so IPv4 (the bulk of every list) avoids BigInt; IPv6 uses it.
interface Intervals<N extends number | bigint> {
  starts: N[];
  ends: N[];
}

function v4Number(bytes: number[]): number {
  return (((bytes[0] ?? 0) * 256 + (bytes[1] ?? 0)) * 256 + (bytes[2] ?? 0)) * 256 + (bytes[3] ?? 0);
}

function v6BigInt(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** One network's ranges, merged and sorted per address family. */
export class NetworkRanges {
  private readonly v4: Intervals<number>;
  private readonly v6: Intervals<bigint>;

  constructor(cidrs: readonly string[]) {
    const v4: [number, number][] = [];
    const v6: [bigint, bigint][] = [];
    for (const cidr of cidrs) {
      let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
      try {
        // The family-specific parsers are ~5x faster than ipaddr.parseCIDR, which tries IPv6 first.
        parsed = cidr.includes(':') ? ipaddr.IPv6.parseCIDR(cidr) : ipaddr.IPv4.parseCIDR(cidr);
      } catch {
        throw new Error(`invalid CIDR "${cidr}"`);
      }
      const [addr, bits] = parsed;
      if (addr.kind() === 'ipv4') {
        const size = 2 ** (32 - bits);
        const start = Math.floor(v4Number(addr.toByteArray()) / size) * size;
        v4.push([start, start + size - 1]);
      } else {
        const hostBits = BigInt(128 - bits);
        const start = (v6BigInt(addr.toByteArray()) >> hostBits) << hostBits;
        v6.push([start, start + (1n << hostBits) - 1n]);
      }
    }
    this.v4 = merge(v4, (n) => n + 1);
    this.v6 = merge(v6, (n) => n + 1n);
  }

  /** True when `ip` (IPv4, IPv6, or IPv4-mapped IPv6) lies in one of the ranges; false for garbage. */
  contains(ip: string): boolean {
    const addr = parseAddress(ip);
    return addr !== null && this.containsAddress(addr);
  }

  containsAddress(addr: ParsedAddress): boolean {
    return addr.kind === 'ipv4' ? search(this.v4, addr.value) : search(this.v6, addr.value);
  }
}

export type ParsedAddress = { kind: 'ipv4'; value: number } | { kind: 'ipv6'; value: bigint };

/** An address as a number to compare with ranges; IPv4-mapped IPv6 becomes IPv4; null for garbage. */
export function parseAddress(ip: string): ParsedAddress | null {
  if (!ipaddr.isValid(ip)) return null;
  const addr = ipaddr.process(ip);
  const bytes = addr.toByteArray();
  return addr.kind() === 'ipv4' ? { kind: 'ipv4', value: v4Number(bytes) } : { kind: 'ipv6', value: v6BigInt(bytes) };
}

function search<N extends number | bigint>(list: Intervals<N>, n: N): boolean {
  let lo = 0;
  let hi = list.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (n < (list.starts[mid] as N)) hi = mid - 1;
    else if (n > (list.ends[mid] as N)) lo = mid + 1;
    else return true;
  }
  return false;
}

function merge<N extends number | bigint>(pairs: [N, N][], successor: (n: N) => N): Intervals<N> {
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Intervals<N> = { starts: [], ends: [] };
  for (const [start, end] of pairs) {
    const last = out.ends.length - 1;
    // Adjacent or overlapping ranges become one interval.
    if (last >= 0 && start <= successor(out.ends[last] as N)) {
      if (end > (out.ends[last] as N)) out.ends[last] = end;
    } else {
      out.starts.push(start);
      out.ends.push(end);
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
  const addr = parseAddress(ip);
  if (addr === null) return [];
  return table.networks.filter((n) => n.ranges.containsAddress(addr)).map((n) => n.entry);
}
