// Turns a planned event into the stored TrackingEvent shape (PROTOCOL.md, TrackingEvent).
import type { ClientInfo } from '../../src-shared/protocol';
import type { Attribution, PlannedEvent } from '../classify/types';
import { newId } from '../ids';
import type { LinkRecord, MessageFacts, NewEvent, StoredRecipient } from '../store/store';
import type { TokenBinding } from '../classify/types';

export function buildEvent(
  planned: PlannedEvent,
  message: MessageFacts,
  attribution: Attribution,
  at: Date,
  extra: { link?: LinkRecord | null; client?: ClientInfo },
): NewEvent {
  const { link, client } = extra;
  const recipient = attribution.recipient
    ? { email: attribution.recipient.email, ...(attribution.recipient.name ? { name: attribution.recipient.name } : {}) }
    : null;
  return {
    id: newId(),
    type: planned.type,
    at: at.toISOString(),
    messageId: message.id,
    threadId: message.threadId,
    subject: message.subject,
    recipient,
    ...(attribution.someone ? { someone: attribution.someone } : {}),
    source: planned.source,
    reasons: planned.reasons,
    inferred: planned.inferred,
    first: planned.first,
    ...(planned.type === 'click' && link ? { link: { id: link.id, url: link.url, text: link.text } } : {}),
    ...(client && Object.keys(client).length > 0 ? { client } : {}),
  };
}

/** The recipient a token stands for, with what attribution needs to know about them. */
export function bindingOf(message: MessageFacts, email: string | null): TokenBinding {
  if (email === null) return { recipient: null };
  const r: StoredRecipient | undefined = message.recipients.find((x) => x.email === email);
  return {
    recipient: { email, ...(r?.name ? { name: r.name } : {}), legalBasis: r?.legalBasis ?? false },
  };
}
