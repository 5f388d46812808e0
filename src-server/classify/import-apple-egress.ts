// Operator tool, not part of the server: turns Apple's published Private Relay egress list into a
// ranges file for INKLING_RANGES_FILE, keeping every other network of the base file as it is.
//   curl -sO https://mask-api.icloud.com/egress-ip-ranges.csv
//   npx tsx src-server/classify/import-apple-egress.ts egress-ip-ranges.csv > /etc/inkling/ranges.json
//   INKLING_RANGES_FILE=/etc/inkling/ranges.json npm run server
// Usage: import-apple-egress.ts CSV [BASE_JSON] [--taken-at YYYY-MM-DD]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compileRanges, RangesFile } from './network-table';
import { BUNDLED_RANGES_FILE } from './ranges-file';

/** Rows look like "172.224.226.0/27,GB,GB-EN,London,": the first field is the CIDR. */
export function egressCidrs(csv: string): string[] {
  return csv
    .split('\n')
    .map((line) => line.split(',', 1)[0]?.trim() ?? '')
    .filter((cidr) => cidr.includes('/'));
}

export function withAppleEgress(base: RangesFile, cidrs: string[], takenAt: string, csvName: string): RangesFile {
  if (cidrs.length === 0) throw new Error(`${csvName} holds no CIDR rows`);
  let replaced = false;
  const networks = base.networks.map((n) => {
    if (n.reason !== 'apple-mpp') return n;
    replaced = true;
    return { ...n, cidrs, source: `https://mask-api.icloud.com/egress-ip-ranges.csv, all ${cidrs.length} rows, imported ${takenAt}` };
  });
  if (!replaced) throw new Error('the base file has no network with reason "apple-mpp" to replace');
  const out: RangesFile = { ...base, takenAt, note: `Apple egress imported from ${csvName} on ${takenAt}; other networks as in the base file.`, networks };
  compileRanges(out); // fail here, not at server start, on a row ipaddr.js cannot parse
  return out;
}

function main(argv: string[]): void {
  const takenAtFlag = argv.indexOf('--taken-at');
  const takenAt = takenAtFlag >= 0 ? argv[takenAtFlag + 1] : new Date().toISOString().slice(0, 10);
  const files = argv.filter((a, i) => !a.startsWith('--') && (takenAtFlag < 0 || i !== takenAtFlag + 1));
  const [csvPath, basePath = BUNDLED_RANGES_FILE] = files;
  if (!csvPath || !takenAt) {
    console.error('usage: import-apple-egress.ts CSV [BASE_JSON] [--taken-at YYYY-MM-DD]');
    process.exitCode = 2;
    return;
  }
  const base = RangesFile.parse(JSON.parse(readFileSync(basePath, 'utf8')));
  const out = withAppleEgress(base, egressCidrs(readFileSync(csvPath, 'utf8')), takenAt, csvPath);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

// Run only as a command, not when a test imports the functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
