// Loads the network table once, at startup: the bundled data/networks.json, or the file named by
// INKLING_RANGES_FILE (same shape) so operators refresh ranges without a code change. A bad file
// fails the start with a clear message rather than a silently wrong classifier.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileRanges, RangesFile, type NetworkTable } from './network-table';

export const BUNDLED_RANGES_FILE = fileURLToPath(new URL('./data/networks.json', import.meta.url));

export function loadRangesFile(path: string): NetworkTable {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ranges file ${path}: ${(err as Error).message}`);
  }
  const parsed = RangesFile.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid ranges file ${path}: ${where}`);
  }
  try {
    return compileRanges(parsed.data);
  } catch (err) {
    throw new Error(`invalid ranges file ${path}: ${(err as Error).message}`);
  }
}

let current: NetworkTable | undefined;

/** The table in use: loaded on first call (the server calls it at startup through classify's index). */
export function defaultNetworkTable(): NetworkTable {
  current ??= loadRangesFile(process.env.INKLING_RANGES_FILE || BUNDLED_RANGES_FILE);
  return current;
}
