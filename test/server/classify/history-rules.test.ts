import { describe, expect, it } from 'vitest';
import { classifyHit } from '../../../src-server/classify';
import { ctx, hit, prior } from './helpers';

const NAV = { 'accept-language': 'en-GB,en;q=0.9', 'sec-fetch-mode': 'navigate' };
const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const T = 3_600_000;

function click(linkId: string, afterMs: number, ip = '198.51.100.50') {
  return hit({ type: 'click', linkId, afterMs, ip, headers: { ...NAV, 'user-agent': UA } });
}

describe('click bursts', () => {
  it('calls a third distinct link within 5 s from one address a burst, whatever the user agents', () => {
    const earlier = [prior(click('a', T)), prior(click('b', T + 2_000), { userAgent: 'other' })];
    expect(classifyHit(click('c', T + 4_900), ctx({ priorHits: earlier, trackedLinkCount: 5 })).reasons).toEqual(['click-burst']);
  });

  it('does not count links older than the window, repeated links, or other addresses', () => {
    const old = [prior(click('a', T)), prior(click('b', T + 100))];
    expect(classifyHit(click('c', T + 5_200), ctx({ priorHits: old, trackedLinkCount: 5 })).source).toBe('human');
    const same = [prior(click('a', T)), prior(click('a', T + 100))];
    expect(classifyHit(click('b', T + 200), ctx({ priorHits: same, trackedLinkCount: 5 })).source).toBe('human');
    const elsewhere = [prior(click('a', T, '203.0.113.1')), prior(click('b', T + 100, '203.0.113.2'))];
    expect(classifyHit(click('c', T + 200), ctx({ priorHits: elsewhere, trackedLinkCount: 5 })).source).toBe('human');
  });

  it('calls every link of a two-link message within 2 s a burst, but not 3 s apart', () => {
    expect(classifyHit(click('b', T + 1_500), ctx({ priorHits: [prior(click('a', T))], trackedLinkCount: 2 })).reasons).toEqual(['click-burst']);
    expect(classifyHit(click('b', T + 3_000), ctx({ priorHits: [prior(click('a', T))], trackedLinkCount: 2 })).source).toBe('human');
  });

  it('never calls a single-link message a burst', () => {
    expect(classifyHit(click('a', T), ctx({ trackedLinkCount: 1 })).source).toBe('human');
  });
});

describe('honeypot', () => {
  it('makes the honeypot hit and later hits of the same source machine, not other sources', () => {
    const bait = click('hp', T);
    bait.honeypot = true;
    expect(classifyHit(bait, ctx()).reasons).toEqual(['honeypot']);
    const history = [prior(bait, { source: 'machine', reasons: ['honeypot'] })];
    expect(classifyHit(click('a', T + 86_400_000), ctx({ priorHits: history })).reasons).toEqual(['honeypot']);
    const open = hit({ ip: '198.51.100.50', ua: UA, afterMs: T + 60_000 });
    expect(classifyHit(open, ctx({ priorHits: history })).reasons).toEqual(['honeypot']);
    expect(classifyHit(click('a', T + 60_000, '203.0.113.9'), ctx({ priorHits: history })).source).toBe('human');
  });
});

describe('repeats', () => {
  it('treats a second click on the same link from the same source within a minute as a repeat, another link not', () => {
    const first = prior(click('a', T));
    expect(classifyHit(click('a', T + 59_000), ctx({ priorHits: [first] })).repeat).toBe(true);
    expect(classifyHit(click('b', T + 10_000), ctx({ priorHits: [first] })).repeat).toBeUndefined();
  });

  it('does not turn an open into a repeat of a click', () => {
    const open = hit({ ip: '198.51.100.50', ua: UA, afterMs: T + 5_000 });
    expect(classifyHit(open, ctx({ priorHits: [prior(click('a', T))] })).repeat).toBeUndefined();
  });
});

describe('prefetch headers', () => {
  it.each([
    ['sec-purpose', 'prefetch'],
    ['sec-purpose', 'prefetch;prerender'],
    ['purpose', 'prefetch'],
    ['x-purpose', 'preview'],
    ['x-moz', 'prefetch'],
  ])('calls %s: %s a prefetch', (name, value) => {
    expect(classifyHit(hit({ headers: { 'user-agent': UA, [name]: value } }), ctx()).reasons).toEqual(['prefetch']);
  });

  it('ignores unrelated values of those headers', () => {
    expect(classifyHit(hit({ headers: { 'user-agent': UA, purpose: 'other' } }), ctx()).source).toBe('human');
  });
});
