// Quiet hours, a pause and the OS's do-not-disturb hold notifications and end with one summary;
// held and missed events together still make one summary.
import { describe, expect, it } from 'vitest';
import {
  DND_RECHECK_MS,
  initialPolicyState,
  planNotifications,
} from '../../../src-main/core/notification-policy';
import { at, context, event, MIN, T0, session } from './fixtures';


const HOUR = 60 * MIN;
const local = (hhmm: string) => Date.parse(`2026-12-04T${hhmm}:00.000Z`);
const openAt = (ms: number, i = 0) =>
  event({ at: at(ms), threadId: `t${i}`, messageId: `m${i % 2}`, recipient: { email: `p${i}@x.example`, name: `P${i}` } });
const quiet = (start: string, end: string) =>
  context({}, { quietHours: { enabled: true, start, end } });

describe('quiet hours', () => {
  it('holds toasts inside quiet hours and ends them with one summary', () => {
    const s = session(quiet('22:00', '07:00'));
    const first = s.step(local('23:00'), [openAt(local('23:00'), 1)]);
    expect(first.toasts).toEqual([]);
    expect(first.notable).toHaveLength(1);
    expect(first.wakeAt).toBe(Date.parse('2026-12-05T07:00:00.000Z'));
    const later = Date.parse('2026-12-05T03:00:00.000Z');
    s.step(later, [openAt(later, 2), openAt(later, 3)]);
    const morning = s.step(Date.parse('2026-12-05T07:00:00.000Z'));
    expect(morning.toasts).toHaveLength(1);
    expect(morning.toasts[0]?.title).toBe('3 opens on 2 emails');
    expect(morning.toasts[0]?.body).toBe('While notifications were held · By P1, P2 and 1 other · since yesterday at 23:00');
    expect(morning.wakeAt).toBeNull();
  });

  it('starts at the start minute and ends at the end minute', () => {
    const ctx = quiet('22:00', '07:00');
    const one = (now: number) => planNotifications([openAt(now)], ctx, initialPolicyState(), now).toasts.length;
    expect(one(local('21:59'))).toBe(1);
    expect(one(local('22:00'))).toBe(0);
    expect(one(Date.parse('2026-12-05T06:59:59.999Z'))).toBe(0);
    expect(one(Date.parse('2026-12-05T07:00:00.000Z'))).toBe(1);
  });

  it('works within a day and in the local time zone', () => {
    const lunch = context({ offsetMinutes: 120 }, { quietHours: { enabled: true, start: '12:00', end: '13:00' } });
    // 10:30 UTC is 12:30 at UTC+2.
    const plan = planNotifications([openAt(local('10:30'))], lunch, initialPolicyState(), local('10:30'));
    expect(plan.toasts).toEqual([]);
    expect(plan.wakeAt).toBe(local('11:00'));
  });

  it('does nothing when turned off or empty', () => {
    const off = context({}, { quietHours: { enabled: false, start: '00:00', end: '23:59' } });
    expect(planNotifications([openAt(T0)], off, initialPolicyState(), T0).toasts).toHaveLength(1);
    const empty = quiet('10:00', '10:00');
    expect(planNotifications([openAt(T0)], empty, initialPolicyState(), T0).toasts).toHaveLength(1);
  });
});

describe('pause', () => {
  it('holds until the pause ends, then one summary', () => {
    const ctx = context({}, { pausedUntil: at(T0 + 30 * MIN) });
    const s = session(ctx);
    const held = s.step(T0, [openAt(T0, 1)]);
    expect(held.toasts).toEqual([]);
    expect(held.wakeAt).toBe(T0 + 30 * MIN);
    s.step(T0 + 10 * MIN, [openAt(T0 + 10 * MIN, 2)]);
    const end = s.step(T0 + 30 * MIN);
    expect(end.toasts.map((t) => t.title)).toEqual(['2 opens on 2 emails']);
  });

  it('releases held toasts at once when resumed', () => {
    const s = session(context({}, { pausedUntil: at(T0 + HOUR) }));
    s.step(T0, [openAt(T0, 1)]);
    const resumed = s.step(T0 + MIN, [], { settings: context().settings });
    expect(resumed.toasts.map((t) => t.title)).toEqual(['P1 opened “Q3 proposal”']);
    expect(resumed.toasts[0]?.body).toMatch(/^While notifications were held · /);
  });

  it('ignores a pause that has already ended', () => {
    const ctx = context({}, { pausedUntil: at(T0) });
    expect(planNotifications([openAt(T0)], ctx, initialPolicyState(), T0).toasts).toHaveLength(1);
  });
});

describe('do not disturb', () => {
  it('holds while the OS says do-not-disturb and looks again regularly', () => {
    const s = session(context({ doNotDisturb: true }));
    const held = s.step(T0, [openAt(T0, 1), openAt(T0, 2)]);
    expect(held.toasts).toEqual([]);
    expect(held.wakeAt).toBe(T0 + DND_RECHECK_MS);
    expect(s.step(T0 + DND_RECHECK_MS).toasts).toEqual([]);
    const free = s.step(T0 + 2 * DND_RECHECK_MS, [], { doNotDisturb: false });
    expect(free.toasts.map((t) => t.title)).toEqual(['2 opens on 2 emails']);
  });
});

describe('combinations', () => {
  it('makes one summary of events missed during quiet hours', () => {
    const missed = [1, 2, 3].map((i) => openAt(local('23:00') + i * MIN, i));
    const ctx = { ...quiet('22:00', '07:00'), missedThroughSeq: missed.at(-1)!.seq };
    const s = session(ctx);
    expect(s.step(local('23:30'), missed).toasts).toEqual([]);
    const morning = s.step(Date.parse('2026-12-05T07:00:00.000Z'));
    expect(morning.toasts).toHaveLength(1);
    expect(morning.toasts[0]?.title).toBe('3 opens on 2 emails');
  });

  it('merges held and missed events into one summary when both end together', () => {
    const s = session(context({}, { pausedUntil: at(T0 + MIN) }));
    s.step(T0, [openAt(T0, 1)]);
    const missed = [openAt(T0 - HOUR, 2), openAt(T0 - HOUR, 3)];
    const plan = s.step(T0 + MIN, missed, {
      settings: context().settings,
      missedThroughSeq: missed.at(-1)!.seq,
    });
    expect(plan.toasts.map((t) => t.title)).toEqual(['3 opens on 2 emails']);
  });

  it('leaves muted and machine events out of a held summary', () => {
    const s = session(context({ mutes: [{ kind: 'thread', value: 't1', until: null }] }, { pausedUntil: at(T0 + MIN) }));
    s.step(T0, [openAt(T0, 1), openAt(T0, 2), event({ source: 'machine', reasons: ['apple-mpp'] })]);
    const end = s.step(T0 + MIN);
    expect(end.toasts.map((t) => t.title)).toEqual(['P2 opened “Q3 proposal”']);
  });

  it('does not toast the focused email even after a hold', () => {
    const s = session(context({ focusedMessageId: 'm1' }, { pausedUntil: at(T0 + MIN) }));
    s.step(T0, [openAt(T0, 1)]);
    expect(s.step(T0 + MIN).toasts).toEqual([]);
  });
});
