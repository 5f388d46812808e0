// Random identifiers and secrets. Pixel and link tokens are opaque and unguessable (144 bits) so a
// URL reveals nothing and cannot be forged; API tokens are shown once and only their hash is kept.
import { createHash, randomBytes } from 'node:crypto';

// Drawn from a pool of crypto-random bytes refilled 4 KiB at a time: one system call per ~200 ids
// instead of one per id (every hit makes an event id). Node's randomUUID caches the same way.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function random(bytes: number): string {
  if (offset + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + bytes).toString('base64url');
  offset += bytes;
  return out;
}

/** Message, link, event and attachment ids: unique, not secret. */
export const newId = (): string => random(12);

/** Pixel and tracked-link tokens. */
export const newTrackingToken = (): string => random(18);

/** API tokens: 32 random bytes. */
export const newApiToken = (): string => randomBytes(32).toString('base64url');

export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');
