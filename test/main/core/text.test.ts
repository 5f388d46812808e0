import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../src-main/core/local-time';
import { eventBody, eventTitle, how, shortenSubject } from '../../../src-main/core/toast-text';
import { event, MIN, T0 } from './fixtures';

describe('shortenSubject', () => {
  it('keeps a short subject as it is', () => {
    expect(shortenSubject('Q3 proposal')).toBe('Q3 proposal');
  });
  it('drops reply and forward prefixes, however many', () => {
    expect(shortenSubject('Re: Fwd: RE:  Q3 proposal')).toBe('Q3 proposal');
    expect(shortenSubject('AW: Angebot')).toBe('Angebot');
  });
  it('collapses whitespace', () => {
    expect(shortenSubject('  Q3 \n\t proposal ')).toBe('Q3 proposal');
  });
  it('cuts a long subject at a word boundary with an ellipsis', () => {
    const s = shortenSubject('Follow-up on the quarterly proposal for the Northern region expansion plans');
    expect(s).toBe('Follow-up on the quarterly proposal for the…');
    expect(s.length).toBeLessThanOrEqual(48);
  });
  it('cuts a long word in the middle when there is no sensible boundary', () => {
    const s = shortenSubject('x'.repeat(100));
    expect(s).toBe(`${'x'.repeat(47)}…`);
  });
  it('names an empty subject', () => {
    expect(shortenSubject('   ')).toBe('(no subject)');
    expect(shortenSubject('Re: ')).toBe('(no subject)');
  });
});

describe('how', () => {
  it('says app on device, falling back to the OS', () => {
    expect(how({ app: 'Apple Mail', device: 'iPhone' })).toBe('Apple Mail on iPhone');
    expect(how({ app: 'Outlook', os: 'Windows' })).toBe('Outlook on Windows');
    expect(how({ os: 'Android' })).toBe('Android');
  });
  it('mentions a proxy', () => {
    expect(how({ app: 'Gmail', proxy: 'Google image proxy' })).toBe('Gmail (via Google image proxy)');
    expect(how({ proxy: 'Google image proxy' })).toBe('via Google image proxy');
  });
  it('is null when nothing is known', () => {
    expect(how(undefined)).toBeNull();
    expect(how({})).toBeNull();
  });
});

describe('formatWhen', () => {
  it('speaks like a person, in local time', () => {
    expect(formatWhen(T0, T0 + 59_999, 0)).toBe('just now');
    expect(formatWhen(T0, T0 + MIN, 0)).toBe('1 min ago');
    expect(formatWhen(T0, T0 + 59 * MIN, 0)).toBe('59 min ago');
    expect(formatWhen(T0, T0 + 60 * MIN, 0)).toBe('at 15:00');
    expect(formatWhen(T0, T0 + 60 * MIN, 120)).toBe('at 17:00');
    expect(formatWhen(T0, T0 + 24 * 60 * MIN, 0)).toBe('yesterday at 15:00');
    expect(formatWhen(T0, T0 + 3 * 24 * 60 * MIN, 0)).toBe('on 4 Dec at 15:00');
  });
  it('counts days by the local calendar', () => {
    // 23:30 local (UTC+1) one day, 00:40 local the next: yesterday, not today.
    const late = Date.parse('2026-12-04T22:30:00Z');
    expect(formatWhen(late, late + 70 * MIN, 60)).toBe('yesterday at 23:30');
  });
});

describe('event text', () => {
  it('names who opened which email, when and how', () => {
    const e = event();
    expect(eventTitle(e)).toBe('Jane Doe opened “Q3 proposal”');
    expect(eventBody(e, T0 + 5 * MIN, 0, undefined)).toBe('5 min ago · Apple Mail on iPhone');
  });
  it('uses the address when there is no name', () => {
    expect(eventTitle(event({ recipient: { email: 'bob@x.example' } }))).toBe('bob@x.example opened “Q3 proposal”');
  });
  it('says again for an open that is not the first', () => {
    expect(eventTitle(event({ first: false }))).toBe('Jane Doe opened “Q3 proposal” again');
  });
  it('says so when an open is inferred', () => {
    const e = event({ inferred: true });
    expect(eventTitle(e)).toBe('Jane Doe probably opened “Q3 proposal”');
    expect(eventBody(e, T0, 0, undefined)).toContain('Inferred from a click or reply');
  });
  it('names the link of a click and the reply', () => {
    const click = event({ type: 'click', link: { id: 'l1', url: 'https://acme.example/pricing', text: 'our pricing' } });
    expect(eventTitle(click)).toBe('Jane Doe clicked “our pricing” in “Q3 proposal”');
    expect(eventTitle(event({ type: 'reply' }))).toBe('Jane Doe replied to “Q3 proposal”');
  });
  it('gives Someone its reason', () => {
    const shared = event({ recipient: null, someone: 'shared-pixel' });
    expect(eventTitle(shared)).toBe('Someone opened “Q3 proposal”');
    expect(eventBody(shared, T0, 0, 3)).toMatch(/^One of 3 recipients · /);
    expect(eventBody(shared, T0, 0, undefined)).toMatch(/^One of the recipients · /);
    const noBasis = event({ recipient: null, someone: 'no-legal-basis' });
    expect(eventBody(noBasis, T0, 0, undefined)).toMatch(/^A recipient without a legal basis · /);
  });
  it('calls the sender "You" for self events', () => {
    expect(eventTitle(event({ source: 'self', reasons: ['sender-ip'] }))).toBe('You opened “Q3 proposal”');
  });
});
