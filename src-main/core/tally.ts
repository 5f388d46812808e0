// A bounded summary of events that were held back (burst, quiet hours, pause, catch-up): enough
// to write "5 opens and 1 click on 3 emails" without keeping every event in memory.
import type { TrackingEvent } from '../../src-shared/protocol';
import { distinctAdd, distinctEmpty, distinctFirst, distinctValues, type Distinct } from './distinct';
import { formatWhen } from './local-time';
import { plural, quoted, who } from './toast-text';

/** Distinct people and emails counted exactly up to this many, "N+" beyond. */
export const DISTINCT_MAX = 10_000;
const NAMES_SHOWN = 2;

export interface Tally {
  readonly opens: number;
  readonly clicks: number;
  readonly replies: number;
  readonly since: number;
  /** Message id → subject. */
  readonly messages: Distinct;
  /** Recipient (or "someone on a message") → display name. */
  readonly people: Distinct;
  /** The only event, while there is just one: then the summary reads like a plain toast. */
  readonly single: TrackingEvent | null;
}

export function emptyTally(since: number): Tally {
  return { opens: 0, clicks: 0, replies: 0, since, messages: distinctEmpty(), people: distinctEmpty(), single: null };
}

export function tallyCount(t: Tally): number {
  return t.opens + t.clicks + t.replies;
}

/** A new tally with the event added; the old one still reads as it did. */
export function addToTally(t: Tally, event: TrackingEvent): Tally {
  const at = Date.parse(event.at);
  return {
    opens: t.opens + (event.type === 'open' ? 1 : 0),
    clicks: t.clicks + (event.type === 'click' ? 1 : 0),
    replies: t.replies + (event.type === 'reply' ? 1 : 0),
    since: at < t.since ? at : t.since,
    messages: distinctAdd(t.messages, event.messageId, event.subject, DISTINCT_MAX),
    people: distinctAdd(t.people, event.recipient?.email ?? `someone:${event.messageId}`, who(event), DISTINCT_MAX),
    single: tallyCount(t) === 0 ? event : null,
  };
}

/** A tally holding both. */
export function mergeTallies(a: Tally, b: Tally): Tally {
  let messages = a.messages;
  for (const [id, subject] of distinctValues(b.messages)) messages = distinctAdd(messages, id, subject, DISTINCT_MAX);
  let people = a.people;
  for (const [key, name] of distinctValues(b.people)) people = distinctAdd(people, key, name, DISTINCT_MAX);
  const count = tallyCount(a) + tallyCount(b);
  return {
    opens: a.opens + b.opens,
    clicks: a.clicks + b.clicks,
    replies: a.replies + b.replies,
    since: Math.min(a.since, b.since),
    messages,
    people,
    single: count === 1 ? (a.single ?? b.single) : null,
  };
}

function count(n: number): string {
  return n >= DISTINCT_MAX ? `${DISTINCT_MAX}+` : String(n);
}

/** The message all events are about, or null when they span several. */
export function onlyMessage(t: Tally): string | null {
  return t.messages.size === 1 ? (distinctFirst(t.messages, 1)[0]?.[0] ?? null) : null;
}

/** "5 opens, 2 clicks and 1 reply on 3 emails" or "… on “Q3 proposal”". */
export function tallyTitle(t: Tally): string {
  const parts = [
    t.opens ? plural(t.opens, 'open') : '',
    t.clicks ? plural(t.clicks, 'click') : '',
    t.replies ? plural(t.replies, 'reply', 'replies') : '',
  ].filter(Boolean);
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  const subject = t.messages.size === 1 ? distinctFirst(t.messages, 1)[0]?.[1] : undefined;
  const where = subject !== undefined ? quoted(subject) : `${count(t.messages.size)} emails`;
  return `${what} on ${where}`;
}

/** "By Jane Doe, Bob and 3 others · since 14:05". */
export function tallyBody(t: Tally, context: string | null, now: number, offsetMinutes: number): string {
  const names = distinctFirst(t.people, NAMES_SHOWN).map(([, name]) => name);
  const others = t.people.size - names.length;
  const by = others > 0 ? `${names.join(', ')} and ${plural(others, 'other')}` : names.join(' and ');
  const ago = now - t.since;
  const when =
    ago < 60_000
      ? 'just now'
      : ago < 3_600_000
        ? `in the last ${Math.ceil(ago / 60_000)} min`
        : `since ${formatWhen(t.since, now, offsetMinutes).replace(/^(at|on) /, '')}`;
  return [context, `By ${by}`, when].filter(Boolean).join(' · ');
}
