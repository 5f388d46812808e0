// An insertion-ordered set of keys with labels that is cheap to "copy": versions share one
// append-only Map, and each version sees only the first `size` entries. Adding to the newest
// version appends in place; adding to an older one first copies its own entries. So a tally that
// grows by one event at a time costs O(1) per event while every earlier state stays as it was.
export interface Distinct {
  readonly entries: Map<string, { index: number; label: string }>;
  readonly size: number;
}

export function distinctEmpty(): Distinct {
  return { entries: new Map(), size: 0 };
}

export function distinctHas(d: Distinct, key: string): boolean {
  const entry = d.entries.get(key);
  return entry !== undefined && entry.index < d.size;
}

/** A version with `key` added (unless present, or `max` reached). */
export function distinctAdd(d: Distinct, key: string, label: string, max: number): Distinct {
  if (d.size >= max || distinctHas(d, key)) return d;
  // Someone appended to the shared map after this version: copy this version's entries first.
  const entries = d.entries.size === d.size ? d.entries : new Map([...distinctEntries(d)]);
  entries.set(key, { index: d.size, label });
  return { entries, size: d.size + 1 };
}

function* distinctEntries(d: Distinct): Generator<[string, { index: number; label: string }]> {
  for (const entry of d.entries) {
    if (entry[1].index >= d.size) return; // entries are in index order
    yield entry;
  }
}

/** All [key, label] pairs of this version, in insertion order. */
export function* distinctValues(d: Distinct): Generator<[string, string]> {
  for (const [key, { label }] of distinctEntries(d)) yield [key, label];
}

/** The first `n` [key, label] pairs. */
export function distinctFirst(d: Distinct, n: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const pair of distinctValues(d)) {
    if (out.length >= n) break;
    out.push(pair);
  }
  return out;
}
