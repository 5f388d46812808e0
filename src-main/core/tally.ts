// A bounded summary of events that were held back (burst, quiet hours, pause, catch-up): enough
// to write "5 opens and 1 click on 3 emails" without keeping every event in memory.
import type { TrackingEvent } from '../../src-shared/protocol';
import { formatWhen } from './local-time';
import { plural, quoted, who } from './toast-text';

/** Distinct people and emails counted exactly up to this many, "N+" beyond. */
const DISTINCT_MAX = 10_000;
const NAMES_SHOWN = 2;

export interface Tally {
  opens: number;
  clicks: number;
  replies: number;
  since: number;
  messages: Record<string, string>;
  messageCount: number;
  people: Record<string, string>;
  peopleCount: number;
  /** The only event, while there is just one: then the summary reads like a plain toast. */
  single: TrackingEvent | null;
}

export function emptyTally(since: number): Tally {
  return { opens: 0, clicks: 0, replies: 0, since, messages: {}, messageCount: 0, people: {}, peopleCount: 0, single: null };
}

export function tallyCount(t: Tally): number {
  return t.opens + t.clicks + t.replies;
}

/** Adds in place; the policy owns the copy it mutates. */
export function addToTally(t: Tally, event: TrackingEvent): void {
  t.single = tallyCount(t) === 0 ? event : null;
  if (event.type === 'open') t.opens += 1;
  else if (event.type === 'click') t.clicks += 1;
  else t.replies += 1;
  const at = Date.parse(event.at);
  if (at < t.since) t.since = at;
  if (!(event.messageId in t.messages) && t.messageCount < DISTINCT_MAX) {
    t.messages[event.messageId] = event.subject;
    t.messageCount += 1;
  }
  const person = event.recipient?.email ?? `someone:${event.messageId}`;
  if (!(person in t.people) && t.peopleCount < DISTINCT_MAX) {
    t.people[person] = who(event);
    t.peopleCount += 1;
  }
}

export function cloneTally(t: Tally | null): Tally | null {
  return t && { ...t, messages: { ...t.messages }, people: { ...t.people } };
}

/** A new tally holding both; the inputs are left as they were. */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const m = cloneTally(a)!;
  m.opens += b.opens;
  m.clicks += b.clicks;
  m.replies += b.replies;
  m.since = Math.min(a.since, b.since);
  m.single = tallyCount(m) === tallyCount(b) ? b.single : tallyCount(b) === 0 ? a.single : null;
  for (const [id, subject] of Object.entries(b.messages)) {
    if (!(id in m.messages) && m.messageCount < DISTINCT_MAX) {
      m.messages[id] = subject;
      m.messageCount += 1;
    }
  }
  for (const [key, name] of Object.entries(b.people)) {
    if (!(key in m.people) && m.peopleCount < DISTINCT_MAX) {
      m.people[key] = name;
      m.peopleCount += 1;
    }
  }
  return m;
}

function count(n: number): string {
  return n >= DISTINCT_MAX ? `${DISTINCT_MAX}+` : String(n);
}

/** "5 opens, 2 clicks and 1 reply on 3 emails" or "… on “Q3 proposal”". */
export function tallyTitle(t: Tally): string {
  const parts = [
    t.opens ? plural(t.opens, 'open') : '',
    t.clicks ? plural(t.clicks, 'click') : '',
    t.replies ? plural(t.replies, 'reply', 'replies') : '',
  ].filter(Boolean);
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  const subjects = Object.values(t.messages);
  const where = t.messageCount === 1 && subjects[0] !== undefined ? quoted(subjects[0]) : `${count(t.messageCount)} emails`;
  return `${what} on ${where}`;
}

/** "By Jane Doe, Bob and 3 others · since 14:05". */
export function tallyBody(t: Tally, context: string | null, now: number, offsetMinutes: number): string {
  const names = Object.values(t.people).slice(0, NAMES_SHOWN);
  const others = t.peopleCount - names.length;
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
