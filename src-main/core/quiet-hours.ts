// When notifications are held: quiet hours (a local time window, possibly across midnight) and a
// pause chosen from the tray. Each answers "held until when", so the policy knows when to summarise.
import type { LocalSettings } from '../../src-shared/ipc';
import { localMinuteOfDay, nextLocalTime, parseClock } from './local-time';
import type { PauseChoice } from './types';

const MINUTE = 60_000;
/** "Until tomorrow" ends at this local time the next morning. */
export const TOMORROW_MORNING = '08:00';

/** The end of the quiet hours `at` falls in, or null outside them. Start is inside, end is not. */
export function quietUntil(quiet: LocalSettings['quietHours'], at: number, offsetMinutes: number): number | null {
  if (!quiet.enabled) return null;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === end) return null;
  const now = localMinuteOfDay(at, offsetMinutes);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  return inside ? nextLocalTime(at, offsetMinutes, quiet.end) : null;
}

/** The end of the pause, or null when not paused at `at`. */
export function pausedUntil(pausedUntilIso: string | null, at: number): number | null {
  if (pausedUntilIso === null) return null;
  const until = Date.parse(pausedUntilIso);
  return Number.isFinite(until) && until > at ? until : null;
}

/** When a pause picked now ends. */
export function pauseEnd(choice: PauseChoice, now: number, offsetMinutes: number): number {
  switch (choice) {
    case '30-minutes':
      return now + 30 * MINUTE;
    case '1-hour':
      return now + 60 * MINUTE;
    case 'until-tomorrow':
      // The next 08:00: after midnight that is this morning, which is what a person means.
      return nextLocalTime(now, offsetMinutes, TOMORROW_MORNING);
    default: {
      const never: never = choice;
      throw new Error(`unknown pause choice ${String(never)}`);
    }
  }
}
