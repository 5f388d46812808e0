// The in-memory copy of recent hits: bounded per message and in messages, honeypot hits kept at
// any age, reloaded from the source after clear().
import { describe, expect, it } from 'vitest';
import type { PriorHit } from '../../../src-server/classify/types';
import { RecentHits } from '../../../src-server/store/recent-hits';

const hit = (t: number, honeypot = false): PriorHit => ({
  type: 'open', at: new Date(t), ip: '203.0.113.1', userAgent: 'x', honeypot, source: 'human', reasons: [], boundTo: null,
});

describe('RecentHits', () => {
  it('keeps the latest hits per message, oldest first, and every honeypot hit', () => {
    const loads: string[] = [];
    const recent = new RecentHits((id) => (loads.push(id), { recent: [], honeypots: [] }), 3, 10);
    recent.add('m', hit(1, true));
    for (let t = 2; t <= 6; t++) recent.add('m', hit(t));
    expect(recent.get('m').map((h) => [h.at.getTime(), h.honeypot])).toEqual([[1, true], [4, false], [5, false], [6, false]]);
    expect(loads).toEqual(['m']);
  });

  it('forgets the least recently used message beyond the bound and reloads it', () => {
    const loads: string[] = [];
    const recent = new RecentHits((id) => (loads.push(id), { recent: [hit(0)], honeypots: [] }), 3, 2);
    recent.get('a');
    recent.get('b');
    recent.get('a');
    recent.get('c'); // evicts b, the least recently used
    recent.get('a');
    recent.get('b');
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    recent.clear();
    recent.get('a');
    expect(loads.at(-1)).toBe('a');
  });
});
