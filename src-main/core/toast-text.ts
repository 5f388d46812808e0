// The words of a toast, as a person would write them: who, what, which email, when, how.
import type { ClientInfo, TrackingEvent } from '../../src-shared/protocol';
import { formatWhen } from './local-time';

const SUBJECT_MAX = 48;
const LINK_MAX = 32;

/** Drops reply/forward prefixes, collapses spaces, cuts at a word boundary with an ellipsis. */
export function shortenSubject(subject: string, max = SUBJECT_MAX): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/^(re|fwd?|aw|wg|sv|tr)\s*(\[\d+\])?\s*:\s*/i, '');
  }
  if (s === '') return '(no subject)';
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s.,;:!?-]+$/, '')}…`;
}

export function quoted(subject: string): string {
  return `“${shortenSubject(subject)}”`;
}

/** Why a "Someone" event has no name. */
export function someoneReason(event: TrackingEvent, recipientCount: number | undefined): string | null {
  switch (event.someone) {
    case 'shared-pixel':
      return recipientCount !== undefined && recipientCount > 1
        ? `one of ${recipientCount} recipients`
        : 'one of the recipients';
    case 'no-legal-basis':
      return 'a recipient without a legal basis';
    case undefined:
      return null;
    default: {
      const never: never = event.someone;
      return String(never);
    }
  }
}

export function who(event: TrackingEvent): string {
  if (event.source === 'self') return 'You';
  if (event.recipient === null) return 'Someone';
  return event.recipient.name?.trim() || event.recipient.email;
}

/** "Apple Mail on iPhone", "Gmail (via Google image proxy)", or null when nothing is known. */
export function how(client: ClientInfo | undefined): string | null {
  if (!client) return null;
  const where = client.device ?? client.os;
  const app = client.app && where ? `${client.app} on ${where}` : (client.app ?? where);
  if (client.proxy) return app ? `${app} (via ${client.proxy})` : `via ${client.proxy}`;
  return app ?? null;
}

function linkText(event: TrackingEvent): string {
  const text = event.link?.text.trim() || event.link?.url || 'a link';
  return `“${shortenSubject(text, LINK_MAX)}”`;
}

/** Title line: who did what to which email. */
export function eventTitle(event: TrackingEvent, times = 1): string {
  const name = who(event);
  const subject = quoted(event.subject);
  switch (event.type) {
    case 'open': {
      if (event.inferred) return `${name} probably opened ${subject}`;
      if (times > 1) return `${name} opened ${subject} ${times} times`;
      return event.first || event.source === 'self' ? `${name} opened ${subject}` : `${name} opened ${subject} again`;
    }
    case 'click':
      return `${name} clicked ${linkText(event)} in ${subject}`;
    case 'reply':
      return `${name} replied to ${subject}`;
    default: {
      const never: never = event.type;
      return String(never);
    }
  }
}

/** Body line: the Someone reason, inference, when, and how. */
export function eventBody(
  event: TrackingEvent,
  now: number,
  offsetMinutes: number,
  recipientCount: number | undefined,
  lastAt = Date.parse(event.at),
): string {
  const parts: string[] = [];
  const reason = someoneReason(event, recipientCount);
  if (reason) parts.push(capitalise(reason));
  if (event.inferred) parts.push('Inferred from a click or reply');
  if (event.source === 'self') parts.push('Your own open (self notifications are on)');
  parts.push(capitalise(formatWhen(lastAt, now, offsetMinutes)));
  const device = how(event.client);
  if (device) parts.push(device);
  return parts.join(' · ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
