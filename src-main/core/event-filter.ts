// Which events a person wants to hear about at all. An event that fails here is never shown, not
// even in a summary: machine hits, one's own opens (unless opted in), muted threads and contacts,
// event types turned off.
import type { LocalSettings } from '../../src-shared/ipc';
import type { Mute, TrackingEvent } from '../../src-shared/protocol';

export type Silence = 'machine' | 'self' | 'muted' | 'type-off' | 'someone-off';

/** A mute is active until its expiry (exclusive); null never expires. */
export function isMuteActive(mute: Mute, now: number): boolean {
  return mute.until === null || Date.parse(mute.until) > now;
}

/** Contact mutes name an address (jane@acme.example) or a whole domain (acme.example). */
function matchesContact(value: string, email: string): boolean {
  const v = value.toLowerCase();
  const e = email.toLowerCase();
  return v.includes('@') ? v === e : e.endsWith(`@${v}`);
}

export function isMuted(event: TrackingEvent, mutes: readonly Mute[], now: number): boolean {
  return mutes.some((m) => {
    if (!isMuteActive(m, now)) return false;
    if (m.kind === 'thread') return m.value === event.threadId;
    return event.recipient !== null && matchesContact(m.value, event.recipient.email);
  });
}

/** Null when the event may notify; otherwise why it stays silent. */
export function silenceOf(
  event: TrackingEvent,
  notify: LocalSettings['notify'],
  mutes: readonly Mute[],
  now: number,
): Silence | null {
  if (event.source === 'machine') return 'machine';
  if (event.source === 'self' && !notify.self) return 'self';
  if (isMuted(event, mutes, now)) return 'muted';
  if (event.recipient === null && !notify.someone) return 'someone-off';
  const wanted = event.type === 'open' ? notify.opens : event.type === 'click' ? notify.clicks : notify.replies;
  return wanted ? null : 'type-off';
}
