// Per-recipient story of one email, from its events: opened? first and last time, what was clicked.
// Only human events count; Someone events belong to no recipient.
import type { MessageDetail } from '../../src-shared/protocol';

export interface RecipientStatus {
  email: string;
  name?: string;
  kind: 'to' | 'cc' | 'bcc';
  opens: number;
  inferredOnly: boolean;
  firstOpen: string | null;
  lastOpen: string | null;
  clicked: { url: string; text: string; count: number }[];
  replied: boolean;
}

export function recipientStatuses(message: Pick<MessageDetail, 'recipients' | 'events'>): RecipientStatus[] {
  return message.recipients.map((recipient) => {
    const mine = message.events.filter(
      (event) => event.source === 'human' && event.recipient?.email.toLowerCase() === recipient.email.toLowerCase(),
    );
    const opens = mine.filter((event) => event.type === 'open');
    const clicks = new Map<string, { url: string; text: string; count: number }>();
    for (const event of mine) {
      if (event.type !== 'click' || !event.link) continue;
      const entry = clicks.get(event.link.id) ?? { url: event.link.url, text: event.link.text, count: 0 };
      entry.count++;
      clicks.set(event.link.id, entry);
    }
    const times = opens.map((event) => event.at).sort();
    return {
      email: recipient.email,
      ...(recipient.name ? { name: recipient.name } : {}),
      kind: recipient.kind,
      opens: opens.length,
      inferredOnly: opens.length > 0 && opens.every((event) => event.inferred),
      firstOpen: times[0] ?? null,
      lastOpen: times[times.length - 1] ?? null,
      clicked: [...clicks.values()],
      replied: mine.some((event) => event.type === 'reply'),
    };
  });
}

/** Human clicks per link of the message, including links nobody clicked yet. */
export function linkClicks(message: Pick<MessageDetail, 'links' | 'events'>): { id: string; url: string; text: string; clicks: number }[] {
  return message.links.map((link) => ({
    ...link,
    clicks: message.events.filter((event) => event.type === 'click' && event.source === 'human' && event.link?.id === link.id).length,
  }));
}
