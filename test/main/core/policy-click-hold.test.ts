// A human click waits out the classifier's burst window: a link scanner's first clicks arrive as
// human and its third as machine/click-burst, which then drops the held ones of that message.
import { describe, expect, it } from 'vitest';
import {
  CLICK_HOLD_MS,
  initialPolicyState,
  planNotifications,
} from '../../../src-main/core/notification-policy';
import type { TrackingEvent } from '../../../src-shared/protocol';
import { at, context, event, MIN, SEC, T0, session } from './fixtures';


const click = (ms: number, link: string, more: Partial<TrackingEvent> = {}) =>
  event({ type: 'click', at: at(ms), link: { id: link, url: `https://acme.example/${link}`, text: link }, ...more });
/** A human click as the server sends it for a first click: the open it proves comes just before. */
const clickWithOpen = (ms: number, link: string, more: Partial<TrackingEvent> = {}) => [
  event({ type: 'open', inferred: true, at: at(ms), ...more }),
  click(ms, link, more),
];
const burst = (ms: number, link: string, messageId = 'msg-1') =>
  click(ms, link, { messageId, source: 'machine', reasons: ['click-burst'], first: false });

describe('the click hold', () => {
  it('shows a held click (and not its inferred open) exactly when the hold ends', () => {
    const s = session();
    const arrival = s.step(T0, clickWithOpen(T0, 'pricing'));
    expect(arrival.toasts).toEqual([]);
    expect(arrival.notable).toEqual([]);
    expect(arrival.wakeAt).toBe(T0 + CLICK_HOLD_MS);
    expect(s.step(T0 + CLICK_HOLD_MS - 1).toasts).toEqual([]);
    const end = s.step(T0 + CLICK_HOLD_MS);
    expect(end.toasts.map((t) => t.title)).toEqual(['Jane Doe clicked “pricing” in “Q3 proposal”']);
    expect(end.notable.map((e) => e.type)).toEqual(['open', 'click']);
    expect(end.wakeAt).toBeNull();
  });

  it('matches the classifier’s 5 s click-burst window, plus a little for delivery', () => {
    expect(CLICK_HOLD_MS).toBeGreaterThanOrEqual(5_000);
    expect(CLICK_HOLD_MS).toBeLessThanOrEqual(10_000);
  });

  it('drops the held clicks of a message when its click-burst verdict arrives within the hold', () => {
    const s = session();
    expect(s.step(T0, clickWithOpen(T0, 'a')).toasts).toEqual([]);
    expect(s.step(T0 + SEC, [click(T0 + SEC, 'b')]).toasts).toEqual([]);
    const third = s.step(T0 + 2 * SEC, [burst(T0 + 2 * SEC, 'c')]);
    expect(third.toasts).toEqual([]);
    expect(third.notable).toEqual([]);
    expect(third.wakeAt).toBeNull();
    expect(s.step(T0 + 2 * SEC + CLICK_HOLD_MS).toasts).toEqual([]);
  });

  it('drops them when the verdict arrives exactly as the hold ends, not a moment after', () => {
    const exactly = session();
    exactly.step(T0, clickWithOpen(T0, 'a'));
    expect(exactly.step(T0 + CLICK_HOLD_MS, [burst(T0 + 4 * SEC, 'c')]).toasts).toEqual([]);

    const after = session();
    after.step(T0, clickWithOpen(T0, 'a'));
    expect(after.step(T0 + CLICK_HOLD_MS).toasts).toHaveLength(1);
    expect(after.step(T0 + CLICK_HOLD_MS + 1, [burst(T0 + 4 * SEC, 'c')]).toasts).toEqual([]);
  });

  it('drops clicks that arrive in the same batch as their burst verdict', () => {
    const plan = planNotifications(
      [...clickWithOpen(T0, 'a'), click(T0, 'b'), burst(T0, 'c')],
      context(),
      initialPolicyState(),
      T0,
    );
    expect(plan.toasts).toEqual([]);
    expect(plan.notable).toEqual([]);
    expect(plan.wakeAt).toBeNull();
  });

  it('keeps a click when the burst is on another message, or the machine verdict has another reason', () => {
    const s = session();
    s.step(T0, clickWithOpen(T0, 'a'));
    s.step(T0 + SEC, [burst(T0 + SEC, 'x', 'msg-2')]);
    s.step(T0 + 2 * SEC, [click(T0 + 2 * SEC, 'y', { source: 'machine', reasons: ['bot-user-agent'] })]);
    expect(s.step(T0 + CLICK_HOLD_MS).toasts.map((t) => t.title)).toEqual(['Jane Doe clicked “a” in “Q3 proposal”']);
  });

  it('holds neither opens nor replies', () => {
    const plan = planNotifications(
      [event({ at: at(T0) }), event({ type: 'reply', at: at(T0), recipient: { email: 'bob@x.example', name: 'Bob' } })],
      context(),
      initialPolicyState(),
      T0,
    );
    expect(plan.toasts.map((t) => t.title)).toEqual(['Jane Doe opened “Q3 proposal”', 'Bob replied to “Q3 proposal”']);
    expect(plan.wakeAt).toBeNull();
  });

  it('never holds nor shows a click on the email the focused window shows', () => {
    const s = session(context({ focusedMessageId: 'msg-1' }));
    const plan = s.step(T0, clickWithOpen(T0, 'a'));
    expect(plan.wakeAt).toBeNull();
    expect(s.step(T0 + CLICK_HOLD_MS).toasts).toEqual([]);
  });

  it('makes the away summary wait for held missed clicks, and leaves a scanner’s out of it', () => {
    const missedBatch = [event({ messageId: 'msg-2', at: at(T0) }), click(T0, 'a')];
    const person = session(context({ missedThroughSeq: missedBatch.at(-1)!.seq }));
    const first = person.step(T0 + MIN, missedBatch);
    expect(first.toasts).toEqual([]);
    expect(first.wakeAt).toBe(T0 + MIN + CLICK_HOLD_MS);
    const summary = person.step(T0 + MIN + CLICK_HOLD_MS);
    expect(summary.toasts.map((t) => t.title)).toEqual(['1 open and 1 click on 2 emails']);

    const scannerBatch = [event({ messageId: 'msg-2', at: at(T0) }), ...clickWithOpen(T0, 'a'), click(T0, 'b'), burst(T0, 'c')];
    const scanner = session(context({ missedThroughSeq: scannerBatch.at(-1)!.seq }));
    const once = scanner.step(T0 + MIN, scannerBatch);
    expect(once.toasts.map((t) => t.title)).toEqual(['Jane Doe opened “Q3 proposal”']);
    expect(once.toasts[0]?.target).toEqual({ view: 'email', messageId: 'msg-2' });
    expect(once.wakeAt).toBeNull();
  });

  it('keeps a scanner’s clicks out of the quiet-hours summary, and a person’s in it', () => {
    const quiet = context({}, { quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    const night = Date.parse('2026-12-04T23:00:00.000Z');
    const morning = Date.parse('2026-12-05T07:00:00.000Z');

    const scanner = session(quiet);
    scanner.step(night, clickWithOpen(night, 'a'));
    scanner.step(night + SEC, [click(night + SEC, 'b')]);
    expect(scanner.step(night + 2 * SEC, [burst(night + 2 * SEC, 'c')]).wakeAt).toBeNull();
    expect(scanner.step(morning).toasts).toEqual([]);

    const person = session(quiet);
    person.step(night, clickWithOpen(night, 'a'));
    expect(person.step(night + CLICK_HOLD_MS).wakeAt).toBe(morning);
    const summary = person.step(morning).toasts;
    expect(summary.map((t) => t.title)).toEqual(['1 open and 1 click on “Q3 proposal”']);
    expect(summary[0]?.body).toMatch(/^While notifications were held/);
  });
});
