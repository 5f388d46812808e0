import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_RANGES_FILE, classifyHit, loadRangesFile } from '../../../src-server/classify';
import { NetworkRanges } from '../../../src-server/classify/network-table';
import { ctx, hit } from './helpers';

function writeTemp(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkling-ranges-'));
  const file = path.join(dir, 'ranges.json');
  fs.writeFileSync(file, content);
  return file;
}

const customFile = (cidrs: string[]) =>
  JSON.stringify({
    takenAt: '2027-01-15',
    networks: [{ id: 'lab', label: 'Lab scanner', reason: 'scanner-network', opens: 'always', clicks: true, source: 'test', cidrs }],
  });

describe('NetworkRanges', () => {
  const ranges = new NetworkRanges(['192.0.2.0/25', '192.0.2.128/25', '10.0.0.0/8', '10.1.0.0/16', '2001:db8:1::/48']);

  it('matches the first and last address of a range and nothing just outside', () => {
    expect(ranges.contains('192.0.2.0')).toBe(true);
    expect(ranges.contains('192.0.2.255')).toBe(true);
    expect(ranges.contains('192.0.1.255')).toBe(false);
    expect(ranges.contains('192.0.3.0')).toBe(false);
    expect(ranges.contains('10.255.255.255')).toBe(true);
    expect(ranges.contains('11.0.0.0')).toBe(false);
  });

  it('matches IPv6 and IPv4-mapped IPv6 addresses', () => {
    expect(ranges.contains('2001:db8:1:ffff::1')).toBe(true);
    expect(ranges.contains('2001:db8:2::1')).toBe(false);
    expect(ranges.contains('::ffff:192.0.2.7')).toBe(true);
  });

  it('answers false for something that is not an address', () => {
    expect(ranges.contains('not-an-ip')).toBe(false);
    expect(ranges.contains('')).toBe(false);
  });

  it('normalises a CIDR whose address has host bits set', () => {
    expect(new NetworkRanges(['198.51.100.77/24']).contains('198.51.100.1')).toBe(true);
  });

  it('rejects a malformed CIDR, naming it', () => {
    expect(() => new NetworkRanges(['300.1.2.0/24'])).toThrow(/300\.1\.2\.0\/24/);
  });
});

describe('ranges file', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('bundles a dated file whose every network names its source', () => {
    const raw = JSON.parse(fs.readFileSync(BUNDLED_RANGES_FILE, 'utf8')) as { takenAt: string; networks: { source: string }[] };
    expect(raw.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(raw.networks.length).toBeGreaterThan(0);
    for (const n of raw.networks) expect(n.source.length).toBeGreaterThan(10);
    expect(loadRangesFile(BUNDLED_RANGES_FILE).takenAt).toBe(raw.takenAt);
  });

  it('classifies with a replacement table without a code change', () => {
    const table = loadRangesFile(writeTemp(customFile(['198.51.100.0/24'])));
    const v = classifyHit(hit({ ip: '198.51.100.9' }), ctx(), table);
    expect(v).toMatchObject({ source: 'machine', reasons: ['scanner-network'] });
  });

  it('is taken from INKLING_RANGES_FILE when set', async () => {
    vi.stubEnv('INKLING_RANGES_FILE', writeTemp(customFile(['198.51.100.0/24'])));
    vi.resetModules();
    const fresh = await import('../../../src-server/classify');
    expect(fresh.loadNetworkTable().takenAt).toBe('2027-01-15');
    expect(fresh.classifyHit(hit({ ip: '198.51.100.9' }), ctx()).reasons).toEqual(['scanner-network']);
  });

  it('fails with the path and the field when the file is wrong', () => {
    expect(() => loadRangesFile('/nonexistent/ranges.json')).toThrow(/cannot read ranges file \/nonexistent\/ranges\.json/);
    expect(() => loadRangesFile(writeTemp('{not json'))).toThrow(/cannot read ranges file/);
    expect(() => loadRangesFile(writeTemp(JSON.stringify({ takenAt: 'yesterday', networks: [] })))).toThrow(/takenAt/);
    expect(() => loadRangesFile(writeTemp(customFile(['nonsense'])))).toThrow(/invalid ranges file .*nonsense/);
  });
});
