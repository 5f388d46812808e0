// The rules that depend on time: repeats, bursts, catch-up after being away, and their boundaries.
import { describe, expect, it } from 'vitest';
import {
  AWAY_SETTLE_MS,
  BURST_LIMIT,
  BURST_WINDOW_MS,
  CLICK_HOLD_MS,
  STALE_MS,
} from '../../../src-main/core/notification-policy';
import type { TrackingEvent } from '../../../src-shared/protocol';
import { at, context, event, MIN, notify, SEC, T0, session } from './fixtures';


const openAt = (ms: number, more: Partial<TrackingEvent> = {}) => event({ at: at(ms), first: false, ...more });

describe('repeats', () => {
  it('folds a later open of the same thread into the earlier toast, silently', () => {
    const s = session();
    const first = s.step(T0, [openAt(T0, { first: true })]);
    const again = s.step(T0 + 2 * MIN, [openAt(T0 + 2 * MIN)]);
    expect(again.toasts).toEqual([
      {
        id: first.toasts[0]!.id,
        title: 'Jane Doe opened “Q3 proposal” 2 times',
        body: 'Just now · Apple Mail on iPhone',
        silent: true,
        target: { view: 'email', messageId: 'msg-1' },
      },
    ]);
    expect(s.step(T0 + 3 * MIN, [openAt(T0 + 3 * MIN)]).toasts[0]?.title).toBe('Jane Doe opened “Q3 proposal” 3 times');
  });

  it('skips later opens within the window when repeats are off', () => {
    const s = session(context({}, notify({ repeats: false })));
    expect(s.step(T0, [openAt(T0)]).toasts).toHaveLength(1);
    const again = s.step(T0 + 9 * MIN, [openAt(T0 + 9 * MIN)]);
    expect(again.toasts).toEqual([]);
    expect(again.notable).toHaveLength(1);
  });

  it('notifies again once the window has passed, exactly at its end', () => {
    const s = session(context({}, notify({ repeats: false, repeatWindowMinutes: 10 })));
    s.step(T0, [openAt(T0)]);
    expect(s.step(T0 + 10 * MIN - 1, [openAt(T0 + 10 * MIN - 1)]).toasts).toEqual([]);
    const later = s.step(T0 + 10 * MIN, [openAt(T0 + 10 * MIN)]);
    expect(later.toasts.map((t) => t.title)).toEqual(['Jane Doe opened “Q3 proposal” again']);
  });

  it('folds several opens in one batch into one update', () => {
    const s = session();
    s.step(T0, [openAt(T0)]);
    const batch = s.step(T0 + MIN, [openAt(T0 + MIN), openAt(T0 + MIN + SEC), openAt(T0 + MIN + 2 * SEC)]);
    expect(batch.toasts.map((t) => t.title)).toEqual(['Jane Doe opened “Q3 proposal” 4 times']);
  });

  it('treats each recipient of a thread on its own, and another thread apart', () => {
    const s = session();
    s.step(T0, [openAt(T0)]);
    const bob = s.step(T0 + MIN, [openAt(T0 + MIN, { recipient: { email: 'bob@x.example', name: 'Bob' } })]);
    expect(bob.toasts.map((t) => t.title)).toEqual(['Bob opened “Q3 proposal” again']);
    const other = s.step(T0 + 2 * MIN, [openAt(T0 + 2 * MIN, { threadId: 't2', messageId: 'm2', subject: 'Other' })]);
    expect(other.toasts[0]?.silent).toBe(false);
  });

  it('never folds clicks or replies', () => {
    const s = session();
    s.step(T0, [openAt(T0)]);
    s.step(T0 + MIN, [openAt(T0 + MIN, { type: 'click' })]);
    const click = s.step(T0 + MIN + CLICK_HOLD_MS);
    expect(click.toasts[0]?.title).toMatch(/clicked/);
    expect(click.toasts[0]?.silent).toBe(false);
  });
});

describe('bursts', () => {
  // Each call names new people on new threads, so nothing folds as a repeat.
  let person = 0;
  const distinct = (n: number, ms = T0) =>
    Array.from({ length: n }, (_, i) => {
      const p = person++;
      return openAt(ms, { messageId: `m${i % 3}`, threadId: `t${p}`, recipient: { email: `p${p}@x.example`, name: `P${p}` } });
    });

  it('shows up to the limit one by one', () => {
    expect(session().step(T0, distinct(BURST_LIMIT)).toasts).toHaveLength(BURST_LIMIT);
  });

  it('turns more than the limit at once into one summary', () => {
    person = 0;
    const { toasts } = session().step(T0, distinct(5));
    expect(toasts).toEqual([
      {
        id: expect.stringMatching(/^burst:/),
        title: '5 opens on 3 emails',
        body: 'By P0, P1 and 3 others · just now',
        silent: false,
        target: { view: 'activity' },
      },
    ]);
  });

  it('holds what follows a full window and summarises it when the window ends', () => {
    const s = session();
    expect(s.step(T0, distinct(3)).toasts).toHaveLength(3);
    const held = s.step(T0 + SEC, distinct(1, T0 + SEC));
    expect(held.toasts).toEqual([]);
    expect(held.wakeAt).toBe(T0 + BURST_WINDOW_MS);
    s.step(T0 + 2 * SEC, distinct(2, T0 + 2 * SEC));
    expect(s.step(T0 + BURST_WINDOW_MS - 1).toasts).toEqual([]);
    const flushed = s.step(T0 + BURST_WINDOW_MS);
    expect(flushed.toasts.map((t) => t.title)).toEqual(['3 opens on 2 emails']);
    // The next window stays open in case the stream goes on; empty, it closes without a toast.
    expect(flushed.wakeAt).toBe(T0 + 2 * BURST_WINDOW_MS);
    const closed = s.step(T0 + 2 * BURST_WINDOW_MS);
    expect(closed.toasts).toEqual([]);
    expect(closed.wakeAt).toBeNull();
  });

  it('makes one summary per window of a steady stream, never one per batch', () => {
    const s = session();
    let toasts = 0;
    // 20 batches of 5 events, 500 ms apart: 10 s of a steady stream.
    for (let i = 0; i < 20; i++) toasts += s.step(T0 + i * 500, distinct(5, T0 + i * 500)).toasts.length;
    toasts += s.step(T0 + 10_000).toasts.length;
    expect(toasts).toBe(3);
  });

  it('shows a single held event as a plain toast', () => {
    const s = session();
    s.step(T0, distinct(3));
    s.step(T0 + SEC, [openAt(T0 + SEC, { threadId: 'solo', messageId: 'solo', subject: 'Solo' })]);
    expect(s.step(T0 + BURST_WINDOW_MS).toasts.map((t) => t.title)).toEqual(['Jane Doe opened “Solo” again']);
  });

  it('goes back to single toasts once the window has passed', () => {
    const s = session();
    s.step(T0, distinct(3));
    const later = s.step(T0 + BURST_WINDOW_MS, distinct(2, T0 + BURST_WINDOW_MS));
    expect(later.toasts).toHaveLength(2);
  });

  it('does not count folded repeats as new toasts', () => {
    const s = session();
    s.step(T0, [openAt(T0)]);
    for (let i = 1; i <= 5; i++) expect(s.step(T0 + i * 100, [openAt(T0 + i * 100)]).toasts[0]?.silent).toBe(true);
    expect(s.step(T0 + SEC, distinct(2, T0 + SEC)).toasts).toHaveLength(2);
  });
});

describe('catch-up after being away', () => {
  const missed = (n: number) =>
    Array.from({ length: n }, (_, i) => openAt(T0 - 3 * 60 * MIN + i * SEC, { messageId: `m${i % 4}`, threadId: `t${i % 4}` }));

  it('summarises everything missed in one toast, never a replay', () => {
    const events = missed(40);
    const ctx = context({ missedThroughSeq: events.at(-1)!.seq });
    const { toasts } = session(ctx).step(T0, events);
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.title).toBe('40 opens on 4 emails');
    expect(toasts[0]?.body).toBe('While you were away · By Jane Doe · since 12:00');
  });

  it('waits for the last missed batch before the one summary', () => {
    const events = missed(30);
    const s = session(context({ missedThroughSeq: events.at(-1)!.seq }));
    expect(s.step(T0, events.slice(0, 10)).toasts).toEqual([]);
    expect(s.step(T0, events.slice(10, 20)).toasts).toEqual([]);
    const last = s.step(T0, events.slice(20));
    expect(last.toasts.map((t) => t.title)).toEqual(['30 opens on 4 emails']);
    // Live events after the catch-up are toasts again.
    expect(s.step(T0 + SEC, [openAt(T0 + SEC, { threadId: 'new' })]).toasts).toHaveLength(1);
  });

  it('treats events that arrive long after they happened as missed, in one summary across batches', () => {
    const s = session();
    const late = (i: number) => openAt(T0 - STALE_MS - 1, { threadId: `late${i}`, messageId: `late${i}` });
    const first = s.step(T0, [late(1)]);
    expect(first.toasts).toEqual([]);
    expect(first.wakeAt).toBe(T0 + AWAY_SETTLE_MS);
    expect(s.step(T0 + 500, [late(2)]).toasts).toEqual([]);
    expect(s.step(T0 + 500 + AWAY_SETTLE_MS - 1).toasts).toEqual([]);
    const summary = s.step(T0 + 500 + AWAY_SETTLE_MS);
    expect(summary.toasts.map((t) => [t.title, t.body.split(' · ')[0]])).toEqual([['2 opens on 2 emails', 'While you were away']]);
    expect(summary.wakeAt).toBeNull();
  });

  it('still toasts an event that is only a little late', () => {
    expect(session().step(T0, [openAt(T0 - STALE_MS)]).toasts[0]?.body).not.toMatch(/away/);
  });
});
