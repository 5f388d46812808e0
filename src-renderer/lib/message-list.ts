// Pure updates of the Emails list: appending a page, and moving the figures live as events arrive.
import type { MessageSummary, TrackingEvent } from '../../src-shared/protocol';

/** The next page after the loaded ones, without repeating any message. */
export function appendPage(items: readonly MessageSummary[], page: readonly MessageSummary[]): MessageSummary[] {
  const known = new Set(items.map((item) => item.id));
  return items.concat(page.filter((item) => !known.has(item.id)));
}

/** The newest page fetched again: messages registered since go on top, the loaded ones stay. */
export function prependNewest(items: readonly MessageSummary[], page: readonly MessageSummary[]): readonly MessageSummary[] {
  const known = new Set(items.map((item) => item.id));
  const fresh = page.filter((item) => !known.has(item.id));
  return fresh.length === 0 ? items : fresh.concat(items);
}

/** Whether events name a message the list does not hold (registered after it was fetched). */
export function hasUnknownMessage(items: readonly MessageSummary[], events: readonly TrackingEvent[]): boolean {
  const known = new Set(items.map((item) => item.id));
  return events.some((event) => !known.has(event.messageId));
}

/** Counts only what people did (machine and self events never count), like the server's figures. */
export function applyEvents(items: readonly MessageSummary[], events: readonly TrackingEvent[]): readonly MessageSummary[] {
  const human = events.filter((event) => event.source === 'human');
  const touched = new Set(human.map((event) => event.messageId));
  if (!items.some((item) => touched.has(item.id))) return items;
  return items.map((item) => (touched.has(item.id) ? bump(item, human) : item));
}

function bump(item: MessageSummary, events: readonly TrackingEvent[]): MessageSummary {
  const stats = { ...item.stats };
  for (const event of events) {
    if (event.messageId !== item.id) continue;
    if (event.type === 'open') stats.opens++;
    else if (event.type === 'click') stats.clicks++;
    else stats.replies++;
    if (!stats.lastActivityAt || event.at > stats.lastActivityAt) stats.lastActivityAt = event.at;
  }
  return { ...item, stats };
}
