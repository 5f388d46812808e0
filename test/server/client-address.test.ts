// Which address a hit comes from, behind zero, one or two reverse proxies.
import { describe, expect, it } from 'vitest';
import { addressFrom } from '../../src-server/client-address';
import { lowerCaseHeaders } from '../../src-server/hits/headers';
import { loadConfig } from '../../src-server/config';

describe('addressFrom', () => {
  it('ignores X-Forwarded-For without trusted proxies', () => {
    expect(addressFrom('10.0.0.1', '203.0.113.5', 0)).toBe('10.0.0.1');
  });

  it('takes the entry the trusted proxy appended, not what the client wrote to the left', () => {
    expect(addressFrom('10.0.0.1', '203.0.113.5', 1)).toBe('203.0.113.5');
    expect(addressFrom('10.0.0.1', '6.6.6.6, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(addressFrom('10.0.0.1', '6.6.6.6, 203.0.113.5, 10.0.0.9', 2)).toBe('203.0.113.5');
    expect(addressFrom('10.0.0.1', ['6.6.6.6', '203.0.113.5'], 1)).toBe('203.0.113.5');
    expect(addressFrom('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
  });

  it('unwraps IPv4-mapped IPv6 addresses', () => {
    expect(addressFrom('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
    expect(addressFrom('10.0.0.1', '::ffff:203.0.113.7', 1)).toBe('203.0.113.7');
  });

  it('writes every address in one canonical form, plain dotted IPv4 included', () => {
    expect(addressFrom('10.0.0.1', ' 203.0.113.7 ', 1)).toBe('203.0.113.7');
    expect(addressFrom('10.0.0.1', '0xcb.0.113.7', 1)).toBe('203.0.113.7');
    expect(addressFrom('2001:DB8:0:0::1', undefined, 0)).toBe('2001:db8::1');
  });
});

describe('lowerCaseHeaders', () => {
  it('gives one string per header, joining the ones Node keeps as arrays', () => {
    expect(lowerCaseHeaders({ 'user-agent': 'UA', accept: 'image/*' })).toEqual({ 'user-agent': 'UA', accept: 'image/*' });
    expect(lowerCaseHeaders({ 'user-agent': 'UA', 'set-cookie': ['a=1', 'b=2'] })).toEqual({ 'user-agent': 'UA', 'set-cookie': 'a=1, b=2' });
  });
});

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 7340, trustProxy: 0, sendGraceMs: 10_000, honeypot: false, publicUrl: '' });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads INKLING_TRUST_PROXY as a number of proxies and names a bad variable', () => {
    expect(loadConfig({ INKLING_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ INKLING_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ INKLING_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ INKLING_PORT: 'eighty' })).toThrow(/INKLING_PORT/);
    expect(() => loadConfig({ INKLING_PUBLIC_URL: 'not a url' })).toThrow(/INKLING_PUBLIC_URL/);
  });
});
