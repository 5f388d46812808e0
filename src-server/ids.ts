// Random identifiers and secrets. Pixel and link tokens are opaque and unguessable (144 bits) so a
// URL reveals nothing and cannot be forged; API tokens are shown once and only their hash is kept.
import { createHash, randomBytes } from 'node:crypto';

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Message, link, event and attachment ids: unique, not secret. */
export const newId = (): string => random(12);

/** Pixel and tracked-link tokens. */
export const newTrackingToken = (): string => random(18);

/** API tokens: 32 random bytes. */
export const newApiToken = (): string => random(32);

export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');
