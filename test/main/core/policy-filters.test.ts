// Which events may notify at all: machine, self, mutes, event types, Someone, the focused email.
import { describe, expect, it } from 'vitest';
import { CLICK_HOLD_MS, initialPolicyState, planNotifications } from '../../../src-main/core/notification-policy';
import { at, context, event, MIN, notify, T0 } from './fixtures';

const plan = (events: Parameters<typeof planNotifications>[0], ctx = context()) =>
  planNotifications(events, ctx, initialPolicyState(), T0);

/** The toasts at arrival followed by those when human clicks end their hold. */
function settled(events: Parameters<typeof planNotifications>[0], ctx = context()) {
  const first = plan(events, ctx);
  const later = planNotifications([], ctx, first.state, T0 + CLICK_HOLD_MS);
  return { now: first.toasts, toasts: [...first.toasts, ...later.toasts] };
}

describe('what notifies', () => {
  it('notifies a human open with who, what, which email, when and how', () => {
    const { toasts } = plan([event()]);
    expect(toasts).toEqual([
      {
        id: expect.stringMatching(/^event:/),
        title: 'Jane Doe opened “Q3 proposal”',
        body: 'Just now · Apple Mail on iPhone',
        silent: false,
        target: { view: 'email', messageId: 'msg-1' },
      },
    ]);
  });

  it('notifies clicks and replies, clicks once their hold ends', () => {
    const { now, toasts } = settled([
      event({ type: 'click', link: { id: 'l', url: 'https://a.example', text: 'pricing' } }),
      event({ type: 'reply', recipient: { email: 'bob@x.example', name: 'Bob' } }),
    ]);
    expect(now.map((t) => t.title)).toEqual(['Bob replied to “Q3 proposal”']);
    expect(toasts.map((t) => t.title)).toEqual(['Bob replied to “Q3 proposal”', 'Jane Doe clicked “pricing” in “Q3 proposal”']);
  });

  it('never notifies machine events, whatever the settings', () => {
    const machine = event({ source: 'machine', reasons: ['apple-mpp'] });
    expect(plan([machine], context({}, notify({ self: true }))).toasts).toEqual([]);
    expect(plan([machine]).notable).toEqual([]);
  });

  it('does not notify self events unless notify.self is on', () => {
    const self = event({ source: 'self', reasons: ['sender-ip'] });
    expect(plan([self]).toasts).toEqual([]);
    const opted = plan([self], context({}, notify({ self: true })));
    expect(opted.toasts.map((t) => t.title)).toEqual(['You opened “Q3 proposal”']);
  });

  it('honours each event type switch', () => {
    const off = context({}, notify({ opens: false, clicks: false, replies: false }));
    expect(plan([event(), event({ type: 'click' }), event({ type: 'reply' })], off).toasts).toEqual([]);
    const onlyReplies = context({}, notify({ opens: false, clicks: false }));
    expect(plan([event(), event({ type: 'reply' })], onlyReplies).toasts.map((t) => t.title)).toEqual([
      'Jane Doe replied to “Q3 proposal”',
    ]);
  });

  it('notifies Someone with the reason, unless Someone is turned off', () => {
    const someone = event({ recipient: null, someone: 'shared-pixel' });
    const { toasts } = plan([someone], context({ recipientCounts: { 'msg-1': 3 } }));
    expect(toasts[0]?.title).toBe('Someone opened “Q3 proposal”');
    expect(toasts[0]?.body).toMatch(/^One of 3 recipients · Just now/);
    expect(plan([someone], context({}, notify({ someone: false }))).toasts).toEqual([]);
  });

  it('says an inferred open is inferred', () => {
    const { toasts } = plan([event({ inferred: true })]);
    expect(toasts[0]?.title).toBe('Jane Doe probably opened “Q3 proposal”');
    expect(toasts[0]?.body).toContain('Inferred');
  });

  it('lets the click speak for the open inferred from it', () => {
    const { toasts } = settled([event({ inferred: true }), event({ type: 'click', inferred: false })]);
    expect(toasts.map((t) => t.title)).toEqual(['Jane Doe clicked “a link” in “Q3 proposal”']);
  });

  it('makes toasts silent when sound is off', () => {
    expect(plan([event()], context({}, notify({ sound: false }))).toasts[0]?.silent).toBe(true);
  });

  it('raises no toast for the email the focused window shows', () => {
    const shown = context({ focusedMessageId: 'msg-1' });
    expect(plan([event()], shown).toasts).toEqual([]);
    expect(plan([event({ messageId: 'msg-2' })], shown).toasts).toHaveLength(1);
  });
});

describe('mutes', () => {
  const until = (ms: number) => at(ms);

  it('never notifies a muted thread', () => {
    const ctx = context({ mutes: [{ kind: 'thread', value: 'thread-1', until: null }] });
    expect(plan([event()], ctx).toasts).toEqual([]);
    expect(plan([event()], ctx).notable).toEqual([]);
    expect(plan([event({ threadId: 'thread-2' })], ctx).toasts).toHaveLength(1);
  });

  it('never notifies a muted contact, by address or by domain, in any case', () => {
    const byAddress = context({ mutes: [{ kind: 'contact', value: 'Jane@Acme.example', until: null }] });
    expect(plan([event()], byAddress).toasts).toEqual([]);
    const byDomain = context({ mutes: [{ kind: 'contact', value: 'acme.example', until: null }] });
    expect(plan([event()], byDomain).toasts).toEqual([]);
    expect(plan([event({ recipient: { email: 'jane@notacme.example' } })], byDomain).toasts).toHaveLength(1);
  });

  it('ends a mute at its expiry, exactly', () => {
    const mute = { kind: 'thread' as const, value: 'thread-1' };
    expect(plan([event()], context({ mutes: [{ ...mute, until: until(T0 + 1) }] })).toasts).toEqual([]);
    expect(plan([event()], context({ mutes: [{ ...mute, until: until(T0) }] })).toasts).toHaveLength(1);
    expect(plan([event()], context({ mutes: [{ ...mute, until: until(T0 - MIN) }] })).toasts).toHaveLength(1);
  });

  it('keeps muted events out of summaries too', () => {
    const mutes = [{ kind: 'thread' as const, value: 'thread-1', until: null }];
    const events = [1, 2, 3, 4, 5].map((i) => event({ threadId: `thread-${i}`, messageId: `msg-${i}` }));
    const { toasts } = plan(events, context({ mutes }));
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.title).toBe('4 opens on 4 emails');
  });
});
