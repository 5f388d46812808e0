// Honest wording for each signal. A machine open (Apple's privacy proxy, a scanner) is not a person
// reading the email, and an inferred open was deduced, not seen: the words must say so.
import type { TrackingEvent } from '../../src-shared/protocol';

const reasonText: Record<string, string> = {
  'apple-mpp': "Apple Mail Privacy Protection loaded the pixel, not a person",
  'bot-user-agent': 'a bot or link scanner made this request',
  prefetch: 'the mail client prefetched it before anyone looked',
  'head-request': 'a HEAD request: a program checking the link, not a click',
  'too-soon': 'it came moments after sending, as delivery scanners do',
  'click-burst': 'every link was hit at once, as security scanners do',
  'scanner-network': 'it came from a known mail-security network',
  'sender-ip': 'it came from your own address (you, or your mail app)',
};

export function reasonLabel(reason: string): string {
  return reasonText[reason] ?? reason.replaceAll('-', ' ');
}

export function someoneLabel(event: Pick<TrackingEvent, 'someone'>): string {
  switch (event.someone) {
    case 'shared-pixel':
      return 'one of several recipients (they share one pixel)';
    case 'no-legal-basis':
      return 'a recipient without a recorded legal basis, so not named';
    case undefined:
      return 'someone';
    default: {
      const unknown: never = event.someone;
      return String(unknown);
    }
  }
}

/** Who did it, in the row's first words: a machine or the sender is never passed off as the recipient. */
export function who(event: Pick<TrackingEvent, 'recipient' | 'someone' | 'source'>): string {
  if (event.source === 'machine') return 'A machine';
  if (event.source === 'self') return 'You';
  if (event.recipient) return event.recipient.name ?? event.recipient.email;
  return 'Someone';
}

/** The verb, in words a person would use for this kind of signal. */
export function verb(event: Pick<TrackingEvent, 'type' | 'source' | 'inferred' | 'first' | 'recipient'>): string {
  const whose = event.recipient ? ` for ${event.recipient.name ?? event.recipient.email}` : '';
  if (event.source === 'machine') {
    return event.type === 'click' ? `checked a link${whose}` : `loaded the pixel${whose}`;
  }
  if (event.source === 'self') return event.type === 'click' ? 'clicked (your own click)' : 'opened (your own open)';
  switch (event.type) {
    case 'open':
      if (event.inferred) return 'opened (inferred)';
      return event.first ? 'opened' : 'opened again';
    case 'click':
      return 'clicked';
    case 'reply':
      return 'replied';
    default: {
      const unknown: never = event.type;
      return String(unknown);
    }
  }
}

export type Badge = { kind: 'inferred' | 'someone' | 'machine' | 'self'; text: string; why: string };

/** The labels a timeline row carries, each with its reason. */
export function badges(event: TrackingEvent): Badge[] {
  const list: Badge[] = [];
  if (event.inferred) {
    list.push({ kind: 'inferred', text: 'inferred', why: 'deduced from a click or a reply: the pixel itself was not loaded' });
  }
  if (!event.recipient) list.push({ kind: 'someone', text: 'Someone', why: someoneLabel(event) });
  if (event.source === 'machine') {
    list.push({ kind: 'machine', text: 'machine', why: event.reasons.map(reasonLabel).join('; ') || 'not a person' });
  }
  if (event.source === 'self') {
    list.push({ kind: 'self', text: 'self', why: event.reasons.map(reasonLabel).join('; ') || 'your own hit' });
  }
  return list;
}

/** "Apple Mail on iPhone", "Gmail via Google proxy"; empty when the client is unknown. */
export function how(client: TrackingEvent['client']): string {
  if (!client) return '';
  const parts: string[] = [];
  if (client.app) parts.push(client.app);
  const where = client.device ?? client.os;
  if (where) parts.push(parts.length ? `on ${where}` : where);
  if (client.proxy) parts.push(`via ${client.proxy}`);
  return parts.join(' ');
}

/** Whether the event counts as a person engaging (what the figures count). */
export function isHuman(event: Pick<TrackingEvent, 'source'>): boolean {
  return event.source === 'human';
}
