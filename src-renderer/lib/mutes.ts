// Mute matching as the main process does it: a mute holds until its expiry (null: forever).
import type { Mute, Preferences } from '../../src-shared/protocol';

export function activeMute(preferences: Preferences | null, kind: Mute['kind'], value: string, now: number): Mute | null {
  if (!preferences) return null;
  const wanted = value.toLowerCase();
  return (
    preferences.mutes.find(
      (mute) => mute.kind === kind && mute.value.toLowerCase() === wanted && (mute.until === null || Date.parse(mute.until) > now),
    ) ?? null
  );
}

export const muteDurations = [
  { label: '1 hour', ms: 3600e3 },
  { label: '1 day', ms: 24 * 3600e3 },
  { label: '1 week', ms: 7 * 24 * 3600e3 },
  { label: 'forever', ms: null },
] as const;

export function untilFrom(ms: number | null, now: number): string | null {
  return ms === null ? null : new Date(now + ms).toISOString();
}
