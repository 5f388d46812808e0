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
export function burstMessages(events: readonly TrackingEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) if (e.source === 'machine' && e.reasons.includes('click-burst')) ids.add(e.messageId);
  return ids;
}

/**
 * Held clicks split into those still waiting and those due now; clicks on a message with a burst
 * are dropped first, so a burst arriving at the very end of the hold still wins.
 */
export function releaseClicks(
  held: readonly HeldClick[],
  bursts: ReadonlySet<string>,
  now: number,
): { waiting: HeldClick[]; due: TrackingEvent[] } {
  const waiting: HeldClick[] = [];
  const due: TrackingEvent[] = [];
  for (const h of held) {
    if (bursts.has(h.event.messageId)) continue;
    if (now >= h.releaseAt) due.push(h.event);
    else waiting.push(h);
  }
  return { waiting, due };
}

/**
 * Whether a newly arrived event waits: a human click that may notify, or an inferred open that
 * comes with such a click (released with it, the open then stays folded into the click's toast).
 * `heldClickKeys` are the engagement keys of this batch's clicks that may notify.
 */
export function isHeld(e: TrackingEvent, heldClickKeys: ReadonlySet<string>): boolean {
  if (e.source !== 'human') return false;
  if (e.type === 'click') return true;
  return e.type === 'open' && e.inferred && heldClickKeys.has(engagementKey(e));
}

export const isHumanClick = (e: TrackingEvent) => e.type === 'click' && e.source === 'human';
