// The click hold: a link scanner that sends a browser's headers from an unlisted network is known
// to the server only at its third click within a few seconds (isClickBurst in
// src-server/classify/history-rules.ts: BURST_MIN_LINKS different links within BURST_WINDOW_MS, or
// every link within ALL_LINKS_WINDOW_MS, from one address). Its earlier clicks arrive as human, and
// events never change on the server, so the desktop waits that long before a human click may
// notify, and drops the click when a click-burst verdict on the same message follows.
import type { TrackingEvent } from '../../src-shared/protocol';

/**
 * How long a human click (and the open inferred from it) waits before it may notify: the
 * classifier's click-burst window (BURST_WINDOW_MS, 5 s, in src-server/classify/history-rules.ts;
 * the core cannot import the server) plus a second for the burst's last hit to be committed and
 * pushed, since the window is measured on the server and the hold from arrival here.
 */
export const CLICK_HOLD_MS = 5_000 + 1_000;

export interface HeldClick {
  event: TrackingEvent;
  releaseAt: number;
  /** Missed while away (or arrived stale): the away summary waits for it to be released. */
  late: boolean;
}

/** An open inferred from a click or reply is keyed like the engagement it came with. */
export const engagementKey = (e: TrackingEvent) => `${e.messageId}\u0000${e.recipient?.email ?? 'someone'}`;

/** Messages on which this batch shows a link scanner caught by its click burst. */
function burstMessages(events: readonly TrackingEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) if (e.source === 'machine' && e.reasons.includes('click-burst')) ids.add(e.messageId);
  return ids;
}

const isHumanClick = (e: TrackingEvent) => e.type === 'click' && e.source === 'human';

export interface ClickGate {
  /** The events to judge now: clicks whose hold ended (they came first), then the batch's others. */
  proceed: TrackingEvent[];
  /** The clicks still waiting, oldest first. */
  clicks: HeldClick[];
}

/**
 * Holds this batch's human clicks that may notify (and the inferred opens that come with them),
 * drops held clicks of a message with a burst verdict, and releases those whose hold has ended.
 * Drops come before releases, so a verdict arriving at the very end of the hold still wins.
 */
export function gateClicks(
  events: readonly TrackingEvent[],
  waiting: readonly HeldClick[],
  mayNotify: (e: TrackingEvent) => boolean,
  isLate: (e: TrackingEvent) => boolean,
  now: number,
): ClickGate {
  const bursts = burstMessages(events);
  const clicks: HeldClick[] = [];
  const due: TrackingEvent[] = [];
  for (const h of waiting) {
    if (bursts.has(h.event.messageId)) continue;
    if (now >= h.releaseAt) due.push(h.event);
    else clicks.push(h);
  }
  // The inferred open comes with its click: released together, the open stays within its toast.
  const clickKeys = new Set(events.filter((e) => isHumanClick(e) && mayNotify(e)).map(engagementKey));
  const isHeld = (e: TrackingEvent) =>
    isHumanClick(e) || (e.source === 'human' && e.type === 'open' && e.inferred && clickKeys.has(engagementKey(e)));
  const proceed = [...due];
  for (const e of events) {
    if (!mayNotify(e) || !isHeld(e)) proceed.push(e);
    // A click in the same batch as its message's burst verdict is a scanner's: dropped at once.
    else if (!bursts.has(e.messageId)) clicks.push({ event: e, releaseAt: now + CLICK_HOLD_MS, late: isLate(e) });
  }
  return { proceed, clicks };
}
