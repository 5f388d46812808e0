// Local wall-clock arithmetic from a UTC instant and the UTC offset the Clock reports. Pure: the
// offset comes in as a number, so tests pin any time zone.
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Minutes since local midnight. */
export function localMinuteOfDay(at: number, offsetMinutes: number): number {
  const local = at + offsetMinutes * MINUTE;
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
}

/** The UTC instant of the next local time HH:MM strictly after `at`. */
export function nextLocalTime(at: number, offsetMinutes: number, hhmm: string): number {
  const target = parseClock(hhmm);
  const now = localMinuteOfDay(at, offsetMinutes);
  const startOfMinute = at - (at % MINUTE);
  let delta = target - now;
  if (delta <= 0) delta += 24 * 60;
  return startOfMinute + delta * MINUTE;
}

export function parseClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14:05" in local time. */
export function formatClock(at: number, offsetMinutes: number): string {
  const m = localMinuteOfDay(at, offsetMinutes);
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

function localDayNumber(at: number, offsetMinutes: number): number {
  return Math.floor((at + offsetMinutes * MINUTE) / DAY);
}

/** How long ago, as a person says it: "just now", "5 min ago", "at 14:05", "yesterday at 9:10", "on 3 Dec at 9:10". */
export function formatWhen(at: number, now: number, offsetMinutes: number): string {
  const ago = now - at;
  if (ago < MINUTE) return 'just now';
  if (ago < 60 * MINUTE) return `${Math.floor(ago / MINUTE)} min ago`;
  const days = localDayNumber(now, offsetMinutes) - localDayNumber(at, offsetMinutes);
  const clock = formatClock(at, offsetMinutes);
  if (days <= 0) return `at ${clock}`;
  if (days === 1) return `yesterday at ${clock}`;
  const date = new Date(at + offsetMinutes * MINUTE);
  return `on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} at ${clock}`;
}
