// Engagement over time for the detail chart: human opens, clicks and replies per time bucket, with
// the bucket size picked so the chart has a readable number of bars.
import type { TrackingEvent } from '../../src-shared/protocol';

export interface Bucket {
  start: number;
  opens: number;
  clicks: number;
  replies: number;
}

const steps = [5 * 60e3, 15 * 60e3, 3600e3, 3 * 3600e3, 6 * 3600e3, 24 * 3600e3, 7 * 24 * 3600e3, 30 * 24 * 3600e3];

export function bucketSize(spanMs: number, maxBars: number): number {
  return steps.find((step) => spanMs / step <= maxBars) ?? steps[steps.length - 1]!;
}

export function engagementSeries(events: readonly TrackingEvent[], sentAt: string, now: number, maxBars = 24): { size: number; buckets: Bucket[] } {
  const from = Date.parse(sentAt);
  const human = events.filter((event) => event.source === 'human');
  const last = Math.max(now, ...human.map((event) => Date.parse(event.at)));
  const size = bucketSize(Math.max(last - from, 1), maxBars);
  const origin = Math.floor(from / size) * size;
  // Always the full number of bars, so one early open is a thin bar, not the whole chart.
  const count = Math.max(maxBars, Math.floor((last - origin) / size) + 1);
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({ start: origin + i * size, opens: 0, clicks: 0, replies: 0 }));
  for (const event of human) {
    const bucket = buckets[Math.floor((Date.parse(event.at) - origin) / size)];
    if (!bucket) continue;
    if (event.type === 'open') bucket.opens++;
    else if (event.type === 'click') bucket.clicks++;
    else bucket.replies++;
  }
  return { size, buckets: buckets.slice(-maxBars) };
}
