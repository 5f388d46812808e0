import { describe, expect, it } from 'vitest';
import { defaultFilter, matches, mergeNewest } from '../../src-renderer/lib/activity-filter';
import { event } from './fixtures';

describe('activity filter', () => {
  it('hides machine and self events by default and shows them on request', () => {
    const machine = event({ source: 'machine', reasons: ['bot-user-agent'] });
    const own = event({ source: 'self', reasons: ['sender-ip'] });
    expect(matches(machine, defaultFilter)).toBe(false);
    expect(matches(own, defaultFilter)).toBe(false);
    const all = { ...defaultFilter, showMachineAndSelf: true };
    expect(matches(machine, all)).toBe(true);
    expect(matches(own, all)).toBe(true);
  });

  it('filters by kind and by Someone', () => {
    const click = event({ type: 'click' });
    const someone = event({ recipient: null, someone: 'shared-pixel' });
    expect(matches(click, { ...defaultFilter, clicks: false })).toBe(false);
    expect(matches(click, { ...defaultFilter, opens: false })).toBe(true);
    expect(matches(event(), { ...defaultFilter, someoneOnly: true })).toBe(false);
    expect(matches(someone, { ...defaultFilter, someoneOnly: true })).toBe(true);
  });

  it('merges pushes newest first, drops duplicates, and caps the feed', () => {
    const [a, b, c, d] = [event(), event(), event(), event()];
    const current = [b!, a!];
    const merged = mergeNewest(current, [c!, b!, d!], 3);
    expect(merged.map((e) => e.id)).toEqual([d!.id, c!.id, b!.id]);
    expect(mergeNewest(current, [a!], 10)).toBe(current);
  });

  it('keeps order when an older page arrives after live pushes', () => {
    const older = [event(), event()];
    const live = event();
    expect(mergeNewest([live], [...older].reverse(), 10).map((e) => e.seq)).toEqual([live.seq, older[1]!.seq, older[0]!.seq]);
  });
});
