// Builds the toasts the policy decided on: one event, a folded repeat, or a summary.
import type { Navigation } from '../../src-shared/ipc';
import type { TrackingEvent } from '../../src-shared/protocol';
import type { PolicyContext } from './notification-policy';
import { onlyMessage, tallyBody, tallyCount, tallyTitle, type Tally } from './tally';
import { eventBody, eventTitle } from './toast-text';
import type { ToastContent } from './types';

const toEmail = (e: TrackingEvent): Navigation => ({ view: 'email', messageId: e.messageId });

export function eventToast(e: TrackingEvent, context: PolicyContext, now: number): ToastContent {
  return {
    id: `event:${e.id}`,
    title: eventTitle(e),
    body: eventBody(e, now, context.offsetMinutes, context.recipientCounts[e.messageId]),
    silent: !context.settings.notify.sound,
    target: toEmail(e),
  };
}

/** The earlier toast again, counting the repeat; silent, since the person already heard it. */
export function foldToast(
  id: string,
  first: TrackingEvent,
  latest: TrackingEvent,
  times: number,
  context: PolicyContext,
  now: number,
): ToastContent {
  return {
    id,
    title: eventTitle(first, times),
    body: eventBody(latest, now, context.offsetMinutes, context.recipientCounts[latest.messageId], Date.parse(latest.at)),
    silent: true,
    target: toEmail(first),
  };
}

/** One toast for many events; with just one event it reads like a plain toast. */
export function summaryToast(
  id: string,
  tally: Tally,
  why: string | null,
  context: PolicyContext,
  now: number,
): ToastContent {
  const silent = !context.settings.notify.sound;
  if (tallyCount(tally) === 1 && tally.single) {
    const e = tally.single;
    const body = eventBody(e, now, context.offsetMinutes, context.recipientCounts[e.messageId]);
    return { id, title: eventTitle(e), body: why ? `${why} · ${body}` : body, silent, target: toEmail(e) };
  }
  const only = onlyMessage(tally);
  const target: Navigation = only !== null ? { view: 'email', messageId: only } : { view: 'activity' };
  return { id, title: tallyTitle(tally), body: tallyBody(tally, why, now, context.offsetMinutes), silent, target };
}
