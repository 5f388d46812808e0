// Summaries of held events: counts, distinct people and emails, and earlier states left intact.
import { describe, expect, it } from 'vitest';
import { distinctAdd, distinctEmpty, distinctValues } from '../../../src-main/core/distinct';
import { addToTally, emptyTally, mergeTallies, tallyBody, tallyTitle } from '../../../src-main/core/tally';
import { event, MIN, T0 } from './fixtures';

describe('distinct', () => {
  it('keeps every earlier version as it was, even when one branches off', () => {
    const a = distinctAdd(distinctEmpty(), 'x', 'X', 10);
    const b = distinctAdd(a, 'y', 'Y', 10);
    const c = distinctAdd(a, 'z', 'Z', 10);
    expect([...distinctValues(a)]).toEqual([['x', 'X']]);
    expect([...distinctValues(b)]).toEqual([['x', 'X'], ['y', 'Y']]);
    expect([...distinctValues(c)]).toEqual([['x', 'X'], ['z', 'Z']]);
    expect(distinctAdd(b, 'x', 'again', 10)).toBe(b);
  });

  it('stops counting at its limit', () => {
    let d = distinctEmpty();
    for (let i = 0; i < 5; i++) d = distinctAdd(d, `k${i}`, '', 3);
    expect(d.size).toBe(3);
  });
});

describe('tally', () => {
  it('counts types, emails and people', () => {
    const events = [
      event({ type: 'open' }),
      event({ type: 'click', recipient: { email: 'bob@x.example', name: 'Bob' } }),
      event({ type: 'reply', messageId: 'msg-2', subject: 'Other' }),
    ];
    const t = events.reduce(addToTally, emptyTally(T0));
    expect(tallyTitle(t)).toBe('1 open, 1 click and 1 reply on 2 emails');
    expect(tallyBody(t, 'While you were away', T0 + 5 * MIN, 0)).toBe('While you were away · By Jane Doe and Bob · in the last 5 min');
  });

  it('names the email when there is only one', () => {
    const t = [event(), event()].reduce(addToTally, emptyTally(T0));
    expect(tallyTitle(t)).toBe('2 opens on “Q3 proposal”');
  });

  it('does not change the tally it adds to, and merges two', () => {
    const one = addToTally(emptyTally(T0), event());
    const two = addToTally(one, event({ recipient: { email: 'bob@x.example', name: 'Bob' } }));
    expect(one.opens).toBe(1);
    expect(one.people.size).toBe(1);
    expect(one.single).not.toBeNull();
    expect(two.single).toBeNull();
    const merged = mergeTallies(one, addToTally(emptyTally(T0 - MIN), event({ type: 'click', messageId: 'm9' })));
    expect(tallyTitle(merged)).toBe('1 open and 1 click on 2 emails');
    expect(merged.since).toBe(T0 - MIN);
  });
});
