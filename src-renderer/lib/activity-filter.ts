// Which feed rows to show. Machine and self events are hidden unless asked for, and then shown
// greyed with their reason (the row decides how; this decides whether).
import type { TrackingEvent } from '../../src-shared/protocol';

export interface ActivityFilter {
  opens: boolean;
  clicks: boolean;
  replies: boolean;
  /** Only events not attributed to a recipient. */
  someoneOnly: boolean;
  showMachineAndSelf: boolean;
}

export const defaultFilter: ActivityFilter = {
  opens: true,
  clicks: true,
  replies: true,
  someoneOnly: false,
  showMachineAndSelf: false,
};

export function matches(event: TrackingEvent, filter: ActivityFilter): boolean {
  if (event.source !== 'human' && !filter.showMachineAndSelf) return false;
  if (filter.someoneOnly && event.recipient !== null) return false;
  switch (event.type) {
    case 'open':
      return filter.opens;
    case 'click':
      return filter.clicks;
    case 'reply':
      return filter.replies;
    default: {
      const unknown: never = event.type;
      return Boolean(unknown);
    }
  }
}

/** New events in front, newest first, without duplicates (delivery is at least once), capped. */
export function mergeNewest(current: readonly TrackingEvent[], incoming: readonly TrackingEvent[], cap: number): TrackingEvent[] {
  const seen = new Set(current.map((event) => event.id));
  const fresh = incoming.filter((event) => !seen.has(event.id) && seen.add(event.id));
  if (fresh.length === 0) return current as TrackingEvent[];
  const merged = fresh.concat(current).sort((a, b) => b.seq - a.seq);
  return merged.length > cap ? merged.slice(0, cap) : merged;
}
