import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RANGES_FILE, classifyHit } from '../../../src-server/classify';
import { egressCidrs, withAppleEgress } from '../../../src-server/classify/import-apple-egress';
import { compileRanges, RangesFile } from '../../../src-server/classify/network-table';
import { ctx, hit } from './helpers';

const CSV = '172.224.226.0/27,GB,GB-EN,London,\n\n2a02:26f7:b3c0:4000::/64,DE,DE-BE,Berlin,\n17.253.0.0/24,US,US-CA,Cupertino,\n';
const base = RangesFile.parse(JSON.parse(fs.readFileSync(BUNDLED_RANGES_FILE, 'utf8')));

describe('import of Apple egress list', () => {
  it('takes the CIDR column of every row', () => {
    expect(egressCidrs(CSV)).toEqual(['172.224.226.0/27', '2a02:26f7:b3c0:4000::/64', '17.253.0.0/24']);
  });

  it('replaces only the apple-mpp network, dated, and the result classifies', () => {
    const out = withAppleEgress(base, egressCidrs(CSV), '2027-02-01', 'egress.csv');
    expect(out.takenAt).toBe('2027-02-01');
    expect(out.networks.filter((n) => n.reason !== 'apple-mpp')).toEqual(base.networks.filter((n) => n.reason !== 'apple-mpp'));
    const mpp = classifyHit(hit({ ip: '17.253.0.9' }), ctx(), compileRanges(out));
    expect(mpp.reasons).toEqual(['apple-mpp']);
  });

  it('refuses an empty list or a row that is not a CIDR', () => {
    expect(() => withAppleEgress(base, [], '2027-02-01', 'empty.csv')).toThrow(/no CIDR rows/);
    expect(() => withAppleEgress(base, ['1.2.3.400/24'], '2027-02-01', 'bad.csv')).toThrow(/1\.2\.3\.400/);
  });
});
