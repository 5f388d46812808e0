import { describe, expect, it } from 'vitest';
import { classifyHit } from '../../../src-server/classify';
import { ctx, hit, prior } from './helpers';

describe('classifyHit basics', () => {
  it('calls a browser open well after sending human, with its client', () => {
    const v = classifyHit(hit(), ctx());
    expect(v).toMatchObject({ source: 'human', reasons: [] });
    expect(v.client).toEqual({ app: 'Chrome', os: 'Windows 10' });
    expect(v.repeat).toBeUndefined();
  });

  it('calls a HEAD request machine', () => {
    expect(classifyHit(hit({ type: 'click', method: 'HEAD', linkId: 'l1' }), ctx()).reasons).toEqual(['head-request']);
  });

  it('calls a hit within the send grace machine, and one just after it human', () => {
    expect(classifyHit(hit({ afterMs: 9_999 }), ctx())).toMatchObject({ source: 'machine', reasons: ['too-soon'] });
    expect(classifyHit(hit({ afterMs: 10_000 }), ctx()).source).toBe('human');
  });

  it('calls a hit from the sender\'s own address self, whatever else it shows', () => {
    const v = classifyHit(hit({ afterMs: 5, method: 'HEAD' }), ctx({}, ['203.0.113.7']));
    expect(v).toMatchObject({ source: 'self', reasons: ['sender-ip'] });
  });

  it('calls a missing or empty user agent machine', () => {
    expect(classifyHit(hit({ ua: null }), ctx()).reasons).toEqual(['no-user-agent']);
    expect(classifyHit(hit({ ua: '  ' }), ctx()).reasons).toEqual(['no-user-agent']);
  });

  it('calls scripts and crawlers machine through isbot', () => {
    for (const ua of ['curl/8.5.0', 'python-requests/2.32.3', 'Go-http-client/1.1', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)']) {
      expect(classifyHit(hit({ ua }), ctx()).reasons, ua).toEqual(['bot-user-agent']);
    }
  });

  it('marks a reload from the same source within a minute as a repeat, not from another source', () => {
    const first = hit();
    const again = hit({ at: new Date(first.at.getTime() + 30_000) });
    expect(classifyHit(again, ctx({ priorHits: [prior(first)] })).repeat).toBe(true);
    const other = hit({ at: new Date(first.at.getTime() + 30_000), ip: '198.51.100.20' });
    expect(classifyHit(other, ctx({ priorHits: [prior(first)] })).repeat).toBeUndefined();
    const later = hit({ at: new Date(first.at.getTime() + 61_000) });
    expect(classifyHit(later, ctx({ priorHits: [prior(first)] })).repeat).toBeUndefined();
  });

  it('does not let an earlier machine hit from the same source make a later open machine or a repeat', () => {
    const scan = hit({ afterMs: 1_000 });
    const open = hit({ afterMs: 20_000 });
    const v = classifyHit(open, ctx({ priorHits: [prior(scan, { source: 'machine', reasons: ['too-soon'] })] }));
    expect(v.source).toBe('human');
    expect(v.repeat).toBeUndefined();
  });

  it('labels the MPP proxy on one hit without leaking the label to the next hit with the same user agent', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
    expect(classifyHit(hit({ ua, ip: '172.224.226.9' }), ctx()).client.proxy).toBe('Apple Mail Privacy Protection');
    const direct = classifyHit(hit({ ua, ip: '203.0.113.90' }), ctx());
    expect(direct.source).toBe('human');
    expect(direct.client).toEqual({ app: 'Apple Mail', os: 'iOS 17.5', device: 'Apple iPhone' });
  });

  it('answers a verdict, never an exception, for malformed addresses and headers', () => {
    const nasty = ['', 'unknown', '::1%eth0', '999.1.1.1', '1.2.3', 'fe80::1%25en0', '::ffff:999.0.0.1', 'a'.repeat(10_000)];
    for (const ip of nasty) {
      expect(classifyHit(hit({ ip }), ctx()).source, ip.slice(0, 20)).toBe('human');
    }
    const uas = ['\u0000', 'x'.repeat(100_000), '(((((', 'Mozilla/5.0 (' + ';'.repeat(5_000)];
    for (const ua of uas) expect(['human', 'machine']).toContain(classifyHit(hit({ ua }), ctx()).source);
    const odd = hit({ headers: { 'user-agent': 'curl/8', 'sec-purpose': '', purpose: undefined } });
    expect(classifyHit(odd, ctx()).reasons).toEqual(['bot-user-agent']);
  });
});
